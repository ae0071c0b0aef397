import assert from 'node:assert/strict';
import { pollStale } from '../../src/calendar/poll';
import type { FakeAccount } from '../fakes/google/state';
import { connectSlackUser } from '../helpers/users';
import { account, type CalendarWorld, calendarWorld, EVENTS_PATH } from './world';

/** Calendar sync's events.list calls made with this account's tokens. */
function syncsOf(w: CalendarWorld, acct: FakeAccount): number {
  return w.t.google.state
    .requestsTo(EVENTS_PATH, 'GET')
    .filter((r) => r.query.timeMax === undefined)
    .filter(
      (r) => w.t.google.state.accessTokens.get(String(r.headers.authorization).slice(7))?.sub === acct.sub,
    ).length;
}

describe('calendar polling: at least every CALENDAR_POLL_SECONDS without push', () => {
  let w: CalendarWorld;
  afterEach(() => w.close());

  it('enqueues syncs only for accounts whose last sync is older than CALENDAR_POLL_SECONDS', async () => {
    w = await calendarWorld({ env: { CALENDAR_POLL_SECONDS: '60' } });
    const [a, b, c, old, gone] = ['ann', 'ben', 'cat', 'old', 'gone'].map(account);
    await w.link('U_ANN', a);
    await w.link('U_BEN', b);
    await w.t.engine.runDue();
    w.clock.advance(30_000);
    await w.link('U_CAT', c);
    // Linked before calendar sync existed (no link hook ran): found by the poller all the same.
    await connectSlackUser(w.t.ctx, w.t.google, { slackUserId: 'U_OLD', account: old });
    const revoked = await w.link('U_GONE', gone);
    await w.t.engine.runDue();
    revoked.user.status = 'revoked';
    await revoked.user.save();
    assert.deepEqual(
      [a, b, c, old, gone].map((x) => syncsOf(w, x)),
      [1, 1, 1, 1, 1],
    );

    w.clock.advance(30_000); // 60 s after Ann's and Ben's syncs, 30 s after Cat's and Old's
    await w.t.engine.runDue();
    assert.deepEqual(
      [a, b, c, old, gone].map((x) => syncsOf(w, x)),
      [2, 2, 1, 1, 1],
    );
    w.clock.advance(15_000);
    await w.t.engine.runDue();
    assert.deepEqual(
      [a, b, c, old, gone].map((x) => syncsOf(w, x)),
      [2, 2, 1, 1, 1],
    );
    w.clock.advance(15_000);
    await w.t.engine.runDue();
    assert.deepEqual(
      [a, b, c, old, gone].map((x) => syncsOf(w, x)),
      [2, 2, 2, 2, 1],
    );
    // Idle for ten minutes: one sync per account per minute, none for the revoked one.
    for (let i = 0; i < 40; i++) {
      w.clock.advance(15_000);
      await w.t.engine.runDue();
    }
    assert.deepEqual(
      [a, b, c, old, gone].map((x) => syncsOf(w, x)),
      [12, 12, 12, 12, 1],
    );
  });

  it('one pass takes at most its limit, the most overdue first; the rest come on the next pass', async () => {
    w = await calendarWorld({ env: { CALENDAR_POLL_SECONDS: '60' } });
    const people = ['p1', 'p2', 'p3'].map(account);
    for (const [i, p] of people.entries()) {
      await w.link(`U_P${i}`, p);
      await w.t.engine.runDue();
      w.clock.advance(1_000);
    }
    w.clock.advance(120_000);
    const deps = { models: w.t.ctx.db.models, jobs: w.t.ctx.jobs, config: w.t.ctx.config, now: w.t.ctx.now };
    assert.equal(await pollStale(deps, 2), 2);
    const queued = await w.t.ctx.db.models.Job.findAll({ where: { kind: 'calendar-sync', state: 'queued' } });
    const first = await w.t.ctx.db.models.User.findAll({
      where: { email: [people[0].email, people[1].email] },
    });
    assert.deepEqual(queued.map((j) => j.uniqueKey).sort(), first.map((u) => `calendar-sync:${u.id}`).sort());
    assert.equal(await pollStale(deps, 2), 1);
    assert.equal(await pollStale(deps, 2), 0, 'picked accounts are not picked again while their sync waits');
  });

  it('with a live push channel the poller only runs the 30-minute safety net', async () => {
    w = await calendarWorld({ env: { CALENDAR_PUSH: 'on', CALENDAR_POLL_SECONDS: '60' } });
    const ada = account('ada');
    const { user } = await w.link('U_ADA', ada);
    const linkedAt = w.clock.t.getTime();
    await w.t.engine.runDue();
    await w.t.google.state.calendarPush.pushesSettled();
    // Google's `sync` message confirming the channel races the first sync: when the sync finished first,
    // it planned the next poll at 60 s (no live channel yet), then the net; otherwise the net at once.
    const sync = await w.t.ctx.db.models.CalendarSync.findByPk(user.id);
    const confirmedFirst = (sync?.pollDueAt.getTime() ?? 0) - linkedAt >= 30 * 60_000;
    for (let i = 0; i < 4 * 31; i++) {
      w.clock.advance(15_000);
      await w.t.engine.runDue();
    }
    if (confirmedFirst) assert.equal(syncsOf(w, ada), 2, 'link, the 30-minute safety net');
    else assert.equal(syncsOf(w, ada), 3, 'link, the 60 s poll, the 30-minute safety net');
  });
});
