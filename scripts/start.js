// `npm start`: run the built Lume, compiling first only when a source changed since the last build.
'use strict';
const path = require('node:path');
const { build, isBuilt, paths } = require('./build');

const root = path.resolve(__dirname, '..');
if (!isBuilt(root)) {
  process.stderr.write('Sources changed since the last build (or there is none yet): compiling first…\n');
  if (!build(root)) {
    process.stderr.write('Lume was not started: the build failed (see above).\n');
    process.exit(1);
  }
}
// Node 22.1+ keeps V8's compiled code between starts (Node 20 has no such cache: a no-op there).
require('node:module').enableCompileCache?.(path.join(root, 'dist', '.node-compile-cache'));
require(paths(root).entry);
