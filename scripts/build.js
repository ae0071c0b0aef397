// `npm run build` (and `npm install`, through `prepare`): compile to dist/, incrementally.
// Plain JavaScript because it must run before anything is compiled. `npm start` uses isBuilt() to
// skip the compiler (15–25 s on a small machine) when nothing changed since the last build.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'models', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];

const paths = (root) => ({
  entry: path.join(root, 'dist', 'src', 'index.js'),
  // Written after a successful build, dated when that build started.
  stamp: path.join(root, 'dist', '.build-stamp'),
  buildInfo: path.join(root, 'dist', '.tsbuildinfo'),
});

/** The newest modification time (ms) among the files the build reads. */
function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(root, dir))) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds a build of the sources as they are now: a few hundred stat calls, no compiler. */
function isBuilt(root = ROOT) {
  const { entry, stamp } = paths(root);
  if (!fs.existsSync(entry) || !fs.existsSync(stamp)) return false;
  return newestSource(root) <= fs.statSync(stamp).mtimeMs;
}

/** Compile with tsc (incremental: only what changed is re-checked and re-emitted). False on failure. */
function build(root = ROOT, { quietIfNoCompiler = false } = {}) {
  const { entry, stamp, buildInfo } = paths(root);
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    if (quietIfNoCompiler) {
      process.stderr.write('TypeScript is not installed (a production install): skipping the build.\n');
      return true;
    }
    process.stderr.write('Lume cannot build: TypeScript is not installed. Run `npm install` first.\n');
    return false;
  }
  // Without its stamp a build is not trusted: tsc's incremental state alone does not re-emit output
  // files that were deleted.
  if (!fs.existsSync(stamp) || !fs.existsSync(entry)) fs.rmSync(buildInfo, { force: true });
  const started = new Date();
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) return false;
  fs.writeFileSync(stamp, `${started.toISOString()}\n`);
  // Dated at the start: a file saved while tsc ran is newer, so the next start builds again.
  fs.utimesSync(stamp, started, started);
  return true;
}

module.exports = { isBuilt, build, newestSource, paths };

if (require.main === module) {
  const ok =
    process.argv.includes('--if-stale') && isBuilt()
      ? true
      : build(ROOT, { quietIfNoCompiler: process.argv.includes('--prepare') });
  process.exit(ok ? 0 : 1);
}
