import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { account, type CalendarWorld, Clock, calendarWorld, edit } from './world';

/** Two Lume instances on one database, one fake Google and one fake Slack, one clock. */
describe('calendar sync on two instances sharing one database', () => {
  let tdb: TestDatabase;
  let one: CalendarWorld;
  let two: CalendarWorld;
  beforeEach(async () => {
    tdb = await createTestDatabase();
    const clock = new Clock(new Date('2026-03-10T09:00:00Z'));
    const env = { CALENDAR_PUSH: 'on', CALENDAR_POLL_SECONDS: '60' };
    one = await calendarWorld({ env, clock, database: tdb });
    two = await calendarWorld({ env, clock, database: tdb, google: one.t.google, slack: one.t.slack });
  });
  afterEach(async () => {
    await two.close();
    await one.close();
    await tdb.cleanup();
  });
  const both = () => Promise.all([one.t.engine.runDue(), two.t.engine.runDue()]);
  const batches = () => [...one.batches, ...two.batches].sort((a, b) => a.at.getTime() - b.at.getTime());

  it('each sync, channel registration, push-triggered sync and poll runs once across both', async () => {
    const ada = account('ada');
    const ev = one.seed(ada, 60, 90);
    const { user } = await one.link('U_ADA', ada);
    await both();
    await one.t.google.state.calendarPush.pushesSettled();
    assert.equal(one.syncCalls().length, 1, 'one full sync');
    assert.equal(batches().length, 1);
    assert.equal(
      one.t.google.state.requestsTo('/calendar/v3/calendars/primary/events/watch', 'POST').length,
      1,
    );
    assert.equal(await one.t.ctx.db.models.CalendarChannel.count(), 1);

    // Google's notification reaches instance one; the same change's copy reaches instance two.
    edit(ev, { start: { dateTime: one.clock.in(75) }, end: { dateTime: one.clock.in(105) } }, one.clock.t);
    await one.t.google.state.calendarPush.notify(ada.sub);
    const [row] = await one.t.ctx.db.models.CalendarChannel.findAll();
    const res = await fetch(`${two.t.url}/google/calendar/notifications`, {
      method: 'POST',
      headers: {
        'X-Goog-Channel-ID': row.id,
        'X-Goog-Channel-Token': one.t.google.state.calendarPush.channels.get(row.id)?.token ?? '',
        'X-Goog-Resource-ID': row.resourceId ?? '',
        'X-Goog-Resource-State': 'exists',
        'X-Goog-Message-Number': '3',
      },
    });
    assert.equal(res.status, 204);
    one.clock.advance(2_000);
    await both();
    assert.equal(one.syncCalls().length, 2, 'two notifications on two instances: one sync');
    assert.equal(batches().length, 2);
    assert.equal(
      batches()[1].changes[0].after.start?.toISOString(),
      new Date(Date.parse(one.clock.in(75)) - 2_000).toISOString(),
    );

    // Polling across both (push is live, so the 30-minute safety net): once, not twice.
    const before = one.syncCalls().length;
    for (let i = 0; i < 4 * 31; i++) {
      one.clock.advance(15_000);
      await both();
    }
    assert.equal(one.syncCalls().length - before, 1);
    assert.equal((await one.t.ctx.db.models.CalendarEvent.findAll({ where: { userId: user.id } })).length, 1);
  });
});
