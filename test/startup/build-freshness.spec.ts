import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const builder = require('../../scripts/build.js') as {
  isBuilt(root: string): boolean;
  paths(root: string): { entry: string; stamp: string };
};

/** `npm start` compiles only when dist/ is missing or older than a source; deciding that is a few stat calls. */
describe('npm start: is the built tree current?', () => {
  let root: string;
  const at = (file: string, when: Date) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), when, when);
  };
  const built = new Date('2026-01-02T10:00:00Z');
  const before = new Date('2026-01-02T09:00:00Z');
  const after = new Date('2026-01-02T11:00:00Z');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lume-build-'));
    for (const f of [
      'src/index.ts',
      'src/http/health.ts',
      'models/user.ts',
      'scripts/rotate-keys.ts',
      'tsconfig.json',
    ])
      at(f, before);
    at('dist/src/index.js', built);
    at('dist/.build-stamp', built);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a build newer than every source is current', () => {
    assert.equal(builder.isBuilt(root), true);
  });

  it('a source saved after the build (even deep in a folder), or a changed tsconfig, is not', () => {
    at('src/http/health.ts', after);
    assert.equal(builder.isBuilt(root), false);
    at('src/http/health.ts', before);
    at('models/migrations/007-new.ts', after);
    assert.equal(builder.isBuilt(root), false, 'a new file');
    at('models/migrations/007-new.ts', before);
    at('tsconfig.json', after);
    assert.equal(builder.isBuilt(root), false);
  });

  it('files that are not compiled (JavaScript launchers, docs, tests) do not count', () => {
    at('scripts/start.js', after);
    at('README.md', after);
    at('test/x.spec.ts', after);
    assert.equal(builder.isBuilt(root), true);
  });

  it('no build, or a build that did not finish (no stamp), is not current', () => {
    rmSync(builder.paths(root).stamp);
    assert.equal(builder.isBuilt(root), false);
    at('dist/.build-stamp', built);
    rmSync(builder.paths(root).entry);
    assert.equal(builder.isBuilt(root), false);
  });
});
