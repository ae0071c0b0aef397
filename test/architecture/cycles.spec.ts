import assert from 'node:assert/strict';
import { cycles, edges, folderOf, readImports } from './import-graph';

const imports = readImports(['src', 'models', 'scripts']);
const graph = (pairs: [string, string][]) =>
  edges(
    pairs.map(([from, to]) => ({ from, to, specifier: to })),
    (f) => f,
  );

describe('architecture: no import cycles', () => {
  it('finds cycles, type-only imports included, and nothing else (the checker itself)', () => {
    assert.deepEqual(
      cycles(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ]),
      ),
      [['a', 'b', 'c']],
    );
    assert.deepEqual(
      cycles(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
      [],
    );
    const foundation = readImports(['models']).filter(
      (i) => i.from === 'models/migrations/001-foundation.ts',
    );
    assert.ok(
      foundation.some((i) => i.to === 'models/migrate.ts'),
      '`import type { Migration }` is read like any import',
    );
  });

  it('between files of src, models and scripts', () => {
    assert.ok(imports.length > 300, `only ${imports.length} imports read`);
    assert.deepEqual(cycles(edges(imports, (f) => f)), []);
  });

  it('between the folders of src (and the files at its top), so no folder depends on itself', () => {
    assert.deepEqual(cycles(edges(imports, folderOf)), []);
  });
});
