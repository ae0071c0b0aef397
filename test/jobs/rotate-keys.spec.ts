import assert from 'node:assert/strict';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { reencryptJobPayloads } from '../../src/rotate-keys';
import { type Harness, harness } from './harness';

describe('jobs: key rotation of sealed payloads', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.cleanup());

  it('re-encrypts sealed payloads with the current key, counts ones no key opens, leaves plain ones', async () => {
    const oldKey = Buffer.alloc(32, 1);
    const lostKey = Buffer.alloc(32, 2);
    const newKey = Buffer.alloc(32, 3);
    const seen: unknown[] = [];
    const brief = {
      kind: 'brief',
      sealed: true,
      async run(payload: unknown) {
        seen.push(payload);
      },
    };
    const ids = { kind: 'sync', async run() {} };
    const before = await h.engine({ cipher: new TokenCipher(oldKey), definitions: [brief, ids] });
    await before.enqueue({ kind: 'brief', key: 'brief:U1', payload: { title: 'Dentist' } });
    await before.enqueue({ kind: 'brief', payload: { title: 'no key' } });
    await before.enqueue({ kind: 'sync', key: 'sync:U1', payload: { identity: 1 } });
    const lost = await h.engine({ cipher: new TokenCipher(lostKey), definitions: [brief] });
    await lost.enqueue({ kind: 'brief', key: 'brief:U2', payload: { title: 'unreadable' } });

    const rotated = new TokenCipher(newKey, [oldKey]);
    assert.deepEqual(await reencryptJobPayloads(h.tdb.db, rotated), { rewritten: 2, unreadable: 1 });
    const rows = await h.tdb.db.models.Job.findAll();
    const sealed = rows.filter((r) => r.kind === 'brief' && r.uniqueKey !== 'brief:U2');
    for (const r of sealed) assert.ok(r.payload.startsWith(`v1.${rotated.currentKeyId}.`));
    assert.equal(rows.find((r) => r.kind === 'sync')?.payload, '{"identity":1}');

    // Only the new key is needed from now on (the unreadable one dies, as it would have anyway).
    const after = await h.engine({ cipher: new TokenCipher(newKey), definitions: [brief, ids] });
    const report = await after.runDue();
    assert.equal(report.done, 3);
    assert.equal(report.dead, 1);
    assert.deepEqual(seen.map((p) => (p as { title: string }).title).sort(), ['Dentist', 'no key']);
  });
});
