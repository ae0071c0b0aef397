import assert from 'node:assert/strict';
import { deferred, type Harness, harness, recording } from './harness';

describe('jobs: enqueue by key', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.cleanup());

  const later = (ms: number) => new Date(h.clock.now().getTime() + ms);

  it('keep: the same key twice is one job, and the second enqueue changes nothing', async () => {
    const r = recording('remind');
    const e = await h.engine({ definitions: [r.definition] });
    const first = await e.enqueue({
      kind: 'remind',
      key: 'remind:U1:ev1',
      payload: { v: 1 },
      runAt: later(1000),
    });
    const again = await e.enqueue({
      kind: 'remind',
      key: 'remind:U1:ev1',
      payload: { v: 2 },
      runAt: later(5000),
    });
    assert.equal(first.outcome, 'created');
    assert.ok(first.id);
    assert.deepEqual(again, { outcome: 'kept' });
    const rows = await h.tdb.db.models.Job.findAll();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].payload, '{"v":1}');
    assert.equal(rows[0].runAt.getTime(), later(1000).getTime(), 'milliseconds are kept');
    h.clock.advance(1000);
    await e.runDue();
    await e.enqueue({ kind: 'remind', key: 'remind:U1:ev1', payload: { v: 3 } });
    await e.runDue();
    assert.deepEqual(r.runs, ['remind:U1:ev1'], 'a done key stays done');
  });

  it('replace: a queued job moves to the new time with the new payload, attempts and error reset', async () => {
    const seen: unknown[] = [];
    let fail = true;
    const e = await h.engine({
      definitions: [
        {
          kind: 'remind',
          async run(payload) {
            seen.push(payload);
            if (fail) throw new Error('Slack is down');
          },
        },
      ],
    });
    await e.enqueue({ kind: 'remind', key: 'remind:U1:ev1', payload: { start: '10:00' } });
    await e.runDue();
    let row = (await h.tdb.db.models.Job.findOne())!;
    assert.equal(row.attempts, 1);
    assert.match(row.lastError ?? '', /Slack is down/);

    fail = false;
    const moved = await e.enqueue({
      kind: 'remind',
      key: 'remind:U1:ev1',
      payload: { start: '11:00' },
      runAt: later(3600_000),
      onConflict: 'replace',
    });
    assert.deepEqual(moved, { outcome: 'replaced' });
    row = (await h.tdb.db.models.Job.findOne())!;
    assert.equal(row.state, 'queued');
    assert.equal(row.attempts, 0);
    assert.equal(row.lastError, null);
    assert.equal(row.runAt.getTime(), later(3600_000).getTime());

    h.clock.advance(3599_000);
    await e.runDue();
    assert.equal(seen.length, 1, 'not at the old retry time');
    h.clock.advance(1000);
    await e.runDue();
    assert.deepEqual(seen, [{ start: '10:00' }, { start: '11:00' }]);
    assert.equal((await h.tdb.db.models.Job.findOne())!.state, 'done');
  });

  it('replace: a running job finishes its attempt, then runs once more with the new payload', async () => {
    const gate = deferred();
    const started = deferred();
    const seen: unknown[] = [];
    const e = await h.engine({
      definitions: [
        {
          kind: 'sync',
          async run(payload) {
            seen.push(payload);
            if (seen.length === 1) {
              started.resolve();
              await gate.promise;
            }
          },
        },
      ],
    });
    await e.enqueue({ kind: 'sync', key: 'sync:U1', payload: { n: 1 } });
    const pass = e.runDue();
    await started.promise;
    const during = await e.enqueue({
      kind: 'sync',
      key: 'sync:U1',
      payload: { n: 2 },
      onConflict: 'replace',
    });
    assert.deepEqual(during, { outcome: 'replaced' });
    const row = (await h.tdb.db.models.Job.findOne())!;
    assert.equal(row.state, 'running', 'the attempt in flight is not disturbed');
    assert.equal(row.rerun, true);
    gate.resolve();
    await pass;
    await e.runDue();
    assert.deepEqual(
      seen,
      [{ n: 1 }, { n: 2 }],
      'two attempts, one after the other, the second with the new payload',
    );
    const after = (await h.tdb.db.models.Job.findOne())!;
    assert.equal(after.state, 'done');
    assert.equal(after.rerun, false);
  });

  it('replace re-arms a done job (keep would not)', async () => {
    const r = recording('sync');
    const e = await h.engine({ definitions: [r.definition] });
    await e.enqueue({ kind: 'sync', key: 'sync:U2', payload: {} });
    await e.runDue();
    assert.equal((await e.enqueue({ kind: 'sync', key: 'sync:U2', payload: {} })).outcome, 'kept');
    await e.runDue();
    assert.equal(
      (await e.enqueue({ kind: 'sync', key: 'sync:U2', payload: {}, onConflict: 'replace' })).outcome,
      'replaced',
    );
    await e.runDue();
    assert.deepEqual(r.runs, ['sync:U2', 'sync:U2']);
  });

  it('keys compare exactly (case included), and bad keys or unknown kinds are refused', async () => {
    const r = recording('k');
    const e = await h.engine({ definitions: [r.definition] });
    assert.equal((await e.enqueue({ kind: 'k', key: 'k:ev_a', payload: {} })).outcome, 'created');
    assert.equal((await e.enqueue({ kind: 'k', key: 'k:ev_A', payload: {} })).outcome, 'created');
    assert.equal(await h.tdb.db.models.Job.count(), 2);
    for (const key of ['', 'has space', 'tab\t', 'naïve', 'x'.repeat(192)]) {
      await assert.rejects(
        e.enqueue({ kind: 'k', key, payload: {} }),
        /printable ASCII/,
        JSON.stringify(key),
      );
    }
    await assert.rejects(e.enqueue({ kind: 'nope', payload: {} }), /no job kind "nope"/);
    await assert.rejects(e.enqueue({ kind: 'k', payload: {}, maxAttempts: 0 }), /maxAttempts/);
    assert.equal(await h.tdb.db.models.Job.count(), 2, 'nothing written by a refused enqueue');
  });

  it('sealed kinds store the payload encrypted, bound to its job, and the handler gets it back', async () => {
    const seen: unknown[] = [];
    const e = await h.engine({
      definitions: [
        {
          kind: 'brief',
          sealed: true,
          async run(payload) {
            seen.push(payload);
          },
        },
      ],
    });
    const secret = { title: 'Dentist at 10', location: '12 Rue de Rivoli' };
    await e.enqueue({ kind: 'brief', key: 'brief:U1', payload: secret });
    await e.enqueue({ kind: 'brief', key: 'brief:U2', payload: { title: 'other' } });
    const [[raw]] = (await h.tdb.db.sequelize.query(
      "SELECT payload FROM jobs WHERE unique_key = 'brief:U1'",
    )) as [{ payload: string }[], unknown];
    assert.ok(raw.payload.startsWith('v1.'), 'stored in the cipher format');
    assert.ok(!raw.payload.includes('Dentist') && !raw.payload.includes('Rivoli'));
    // A ciphertext copied onto another job does not open there: that job is dead, not run with it.
    await h.tdb.db.sequelize.query("UPDATE jobs SET payload = ? WHERE unique_key = 'brief:U2'", {
      replacements: [raw.payload],
    });
    const report = await e.runDue();
    assert.deepEqual(seen, [secret]);
    assert.equal(report.dead, 1);
    const dead = (await h.tdb.db.models.Job.findOne({ where: { uniqueKey: 'brief:U2' } }))!;
    assert.equal(dead.state, 'dead');
    assert.match(dead.lastError ?? '', /DecryptError/);
  });
});
