// Preloaded (`node -r`) into a started Lume by test/startup/start.spec.ts: on exit, writes the
// modules that were loaded to $LUME_MODULES_OUT, so the spec can tell what start-up imported.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.LUME_MODULES_OUT)
    writeFileSync(process.env.LUME_MODULES_OUT, Object.keys(require.cache).join('\n'));
});
