import assert from 'node:assert/strict';
import { startFakeGoogle } from '../fakes/google/server';
import { startFakeSlack } from '../fakes/slack/server';
import { createTestDatabase } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { briefed, briefingsTo, meeting } from './briefing-harness';

/** Two Lume instances on one database, one fake Slack and one fake Google: each briefing goes once. */
describe('daily briefing across instances', () => {
  let a: TestServer;
  let b: TestServer;
  let clock = new Date('2025-06-10T15:00:00Z');
  let cleanup: () => Promise<void>;

  before(async () => {
    const database = await createTestDatabase();
    const google = await startFakeGoogle();
    const slack = await startFakeSlack();
    const shared = { database, google, slack, now: () => clock };
    a = await startTestServer(shared);
    b = await startTestServer(shared);
    cleanup = async () => {
      await a.close().catch(() => undefined);
      await b.close();
      await database.cleanup();
      await google.close();
      await slack.close();
    };
  });
  after(() => cleanup());

  it('both instances run the engine at the minute: one briefing per person', async () => {
    clock = new Date('2025-06-10T15:00:00Z');
    const people = ['U_TWO_1', 'U_TWO_2', 'U_TWO_3', 'U_TWO_4'];
    for (const id of people)
      await briefed(a, id, 'America/Los_Angeles', { hour: 8, minute: 30, days: 'daily' });
    clock = new Date('2025-06-10T15:30:05Z');
    await Promise.all([a.engine.runDue(), b.engine.runDue(), a.engine.runDue(), b.engine.runDue()]);
    for (const id of people) assert.equal(briefingsTo(a, id).length, 1, id);
    await Promise.all([a.engine.runDue(), b.engine.runDue()]);
    for (const id of people) assert.equal(briefingsTo(a, id).length, 1, `${id} after another pass`);
  });

  it('restart at the minute: the instance that claimed it stops mid-work, the other sends it, once', async () => {
    clock = new Date('2025-06-10T15:00:00Z');
    const p = await briefed(a, 'U_RESTART', 'America/Los_Angeles', { hour: 8, minute: 45, days: 'daily' });
    meeting(a.google, p.sub, 'Retro', '2025-06-10T11:00:00-07:00', '2025-06-10T11:30:00-07:00');
    // A's agenda read hangs long enough to stop A while its attempt is inside it.
    a.google.state.delays.push({ match: /\/calendar\/v3\//, ms: 1500 });
    clock = new Date('2025-06-10T15:45:02Z');
    const callsBefore = a.google.state.requestsTo('/calendar/v3/').length;
    const running = a.engine.runDue();
    await waitUntil(() => a.google.state.requestsTo('/calendar/v3/').length > callsBefore);
    const stopped = await a.engine.stop(0);
    // The briefing's attempt, and calendar sync's first sync of the new link when it was inside a read too.
    assert.ok(stopped.handedBack >= 1, 'the running attempt was handed back');
    const briefing = await a.ctx.db.models.Job.findOne({ where: { kind: 'briefing', state: 'queued' } });
    assert.ok(briefing, 'the briefing is queued again for the other instance');
    a.google.state.delays.length = 0;

    await b.engine.runDue();
    // A's aborted attempt comes back from its read after B sent: it must post nothing.
    await running.catch(() => undefined);
    await b.engine.runDue();
    const sent = briefingsTo(b, 'U_RESTART');
    assert.equal(sent.length, 1);
    assert.match(JSON.stringify(sent[0].args.blocks), /Retro/);
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
