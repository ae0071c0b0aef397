import assert from 'node:assert/strict';
import { readImports } from './import-graph';

/** prom-client stays behind the telemetry port: everything else records through ctx.telemetry. */
describe('architecture: only src/metrics knows prom-client', () => {
  it('no file outside src/metrics imports prom-client', () => {
    const imports = readImports(['src', 'models', 'scripts']);
    assert.ok(
      imports.some((i) => i.from.startsWith('src/metrics/') && i.specifier === 'prom-client'),
      'the walker sees src/metrics importing prom-client',
    );
    const leaks = imports
      .filter((i) => i.specifier.startsWith('prom-client') && !i.from.startsWith('src/metrics/'))
      .map((i) => `${i.from} → ${i.specifier}`);
    assert.deepEqual(leaks, []);
  });
});
