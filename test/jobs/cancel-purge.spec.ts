import assert from 'node:assert/strict';
import { deferred, type Harness, harness, recording } from './harness';

describe('jobs: cancel and purge', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.cleanup());
  const keys = async () =>
    (await h.tdb.db.models.Job.findAll({ order: [['uniqueKey', 'ASC']] })).map((j) => j.uniqueKey);

  it("cancel by prefix deletes one person's jobs in every state and nobody else's", async () => {
    const r = recording('remind');
    const s = recording('sync');
    const e = await h.engine({ definitions: [r.definition, s.definition] });
    const soon = new Date(h.clock.now().getTime() + 60_000);
    await e.enqueue({ kind: 'remind', key: 'remind:T1:U1:ev1', payload: {} });
    await e.runDue(); // done
    await e.enqueue({ kind: 'remind', key: 'remind:T1:U1:ev2', payload: {}, runAt: soon });
    await e.enqueue({ kind: 'remind', key: 'remind:T1:U10:ev1', payload: {}, runAt: soon });
    await e.enqueue({ kind: 'remind', key: 'remind:T1:U2:ev1', payload: {}, runAt: soon });
    await e.enqueue({ kind: 'sync', key: 'sync:T1:U1', payload: {}, runAt: soon });
    assert.equal(await e.cancel({ keyPrefix: 'remind:T1:U1:' }), 2);
    assert.deepEqual(await keys(), ['remind:T1:U10:ev1', 'remind:T1:U2:ev1', 'sync:T1:U1']);
    assert.equal(await e.cancel({ kind: 'remind', key: 'sync:T1:U1' }), 0, 'the kind must match too');
    assert.equal(await e.cancel({ key: 'sync:T1:U1' }), 1);
    await assert.rejects(e.cancel({ keyPrefix: '' }), /printable ASCII/);
  });

  it('cancelling a running job aborts its attempt at the next heartbeat and drops its result', async () => {
    const started = deferred();
    let aborted = false;
    const e = await h.engine({
      heartbeatMs: 10,
      pollMs: 3600_000,
      definitions: [
        {
          kind: 'sync',
          async run(_p, job) {
            started.resolve();
            await new Promise<void>((resolve) =>
              job.signal.addEventListener('abort', () => {
                aborted = true;
                resolve();
              }),
            );
          },
        },
      ],
    });
    await e.enqueue({ kind: 'sync', key: 'sync:T1:U1', payload: {} });
    await e.start();
    await started.promise;
    assert.equal(await e.cancel({ keyPrefix: 'sync:T1:U1' }), 1);
    for (let i = 0; i < 200 && !aborted; i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(aborted, 'the handler was told to stop');
    assert.equal(await h.tdb.db.models.Job.count(), 0, 'the attempt did not write the job back');
  });

  it('purges done jobs a week after they were due and dead ones after a month, never queued ones', async () => {
    const r = recording('remind');
    const e = await h.engine({
      definitions: [
        r.definition,
        {
          kind: 'broken',
          maxAttempts: 1,
          async run() {
            throw new Error('no');
          },
        },
      ],
    });
    await e.enqueue({ kind: 'remind', key: 'done', payload: {} });
    await e.enqueue({ kind: 'broken', key: 'dead', payload: {} });
    await e.enqueue({ kind: 'remind', key: 'far', payload: {}, runAt: new Date('2027-01-01T00:00:00Z') });
    await e.runDue();
    h.clock.advance(7 * 24 * 3600_000 - 1);
    assert.equal(await e.purgeFinished(), 0);
    h.clock.advance(2);
    assert.equal(await e.purgeFinished(), 1);
    assert.deepEqual(await keys(), ['dead', 'far']);
    h.clock.advance(23 * 24 * 3600_000);
    assert.equal(await e.purgeFinished(), 1);
    assert.deepEqual(await keys(), ['far']);
  });
});
