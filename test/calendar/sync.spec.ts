import assert from 'node:assert/strict';
import { syncTokenContext } from '../../src/calendar/sync-store';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { reencryptCalendarSyncs } from '../../src/rotate-keys';
import { TEST_KEY } from '../helpers/config';
import { account, type CalendarWorld, calendarWorld, edit, eventsOf } from './world';

const stored = (w: CalendarWorld, userId: string) =>
  w.t.ctx.db.models.CalendarEvent.findAll({ where: { userId }, order: [['startAt', 'ASC']] });
const jobOf = (w: CalendarWorld, userId: string) =>
  w.t.ctx.db.models.Job.findOne({ where: { uniqueKey: `calendar-sync:${userId}` } });

describe('calendar sync: full, then incremental with syncToken', () => {
  let w: CalendarWorld;
  beforeEach(async () => {
    w = await calendarWorld();
  });
  afterEach(() => w.close());

  it('links → one initial full sync of what scheduling needs; later syncs read only the changes', async () => {
    const ada = account('ada');
    const mine = w.seed(ada, 30, 60);
    const invited = w.seed(ada, 120, 150, {
      organizer: { email: 'bob@example.com' },
      attendees: [
        { email: 'bob@example.com', organizer: true, responseStatus: 'accepted' },
        { email: ada.email, self: true, responseStatus: 'needsAction' },
        { email: 'cy@example.com', responseStatus: 'declined' },
      ],
    });
    w.seed(ada, 0, 0, {
      start: { date: '2026-03-11' },
      end: { date: '2026-03-12' },
      eventType: 'outOfOffice',
    });
    w.seed(ada, -3000, -2940); // two days ago: before the lookback
    const { user } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();

    const first = w.syncCalls()[0];
    assert.equal(first.query.singleEvents, 'true');
    assert.equal(first.query.timeMin, new Date(w.clock.t.getTime() - 86_400_000).toISOString());
    assert.equal(first.query.syncToken, undefined);
    assert.equal(w.batches.length, 1);
    const [batch] = w.batches;
    assert.equal(batch.initial, true);
    assert.equal(batch.userId, user.id);
    assert.deepEqual(batch.at, w.clock.t);
    const after = new Map(batch.changes.map((c) => [c.after.eventId, c]));
    assert.equal(after.size, 3);
    assert.ok([...after.values()].every((c) => c.before === null));
    assert.deepEqual(after.get(mine.id ?? '')?.after, {
      userId: user.id,
      eventId: mine.id,
      status: 'confirmed',
      start: new Date(w.clock.in(30)),
      end: new Date(w.clock.in(60)),
      allDay: false,
      eventType: 'default',
      response: 'organizer',
      organizerSelf: true,
      updatedAt: new Date(mine.updated ?? ''),
    });
    const inv = after.get(invited.id ?? '')?.after;
    assert.equal(inv?.response, 'needsAction');
    assert.equal(inv?.organizerSelf, false);
    const allDay = [...after.values()].find((c) => c.after.allDay)?.after;
    assert.deepEqual([allDay?.start, allDay?.end, allDay?.eventType], [null, null, 'outOfOffice']);
    assert.equal((await stored(w, user.id)).length, 3);
    // What is stored has no title or location anywhere.
    const rows = JSON.stringify(await w.t.ctx.db.models.CalendarEvent.findAll({ raw: true }));
    assert.ok(!rows.includes('Planning'));

    // Nothing changed: one incremental call, no batch.
    await w.t.ctx.calendarSync.request(user.id);
    await w.t.engine.runDue();
    const second = w.syncCalls()[1];
    assert.ok(second.query.syncToken);
    assert.equal(second.query.timeMin, undefined);
    assert.equal(w.batches.length, 1);

    // Ada accepts, an event is added, one is deleted: exactly those three.
    edit(invited, { attendees: [{ email: ada.email, self: true, responseStatus: 'accepted' }] }, w.clock.t);
    const added = w.seed(ada, 240, 270);
    const events = eventsOf(w, ada);
    events.splice(events.indexOf(mine), 1);
    await w.t.ctx.calendarSync.request(user.id);
    await w.t.engine.runDue();
    assert.equal(w.batches.length, 2);
    const changes = new Map(w.batches[1].changes.map((c) => [c.after.eventId, c]));
    assert.equal(w.batches[1].initial, false);
    assert.equal(changes.get(invited.id ?? '')?.before?.response, 'needsAction');
    assert.equal(changes.get(invited.id ?? '')?.after.response, 'accepted');
    assert.equal(changes.get(added.id ?? '')?.before, null);
    assert.equal(changes.get(mine.id ?? '')?.after.status, 'cancelled');
    assert.equal(changes.get(mine.id ?? '')?.after.start?.toISOString(), w.clock.in(30));
    const left = (await stored(w, user.id)).map((r) => r.eventId).sort();
    assert.deepEqual(left, [invited.id, added.id, after.get(allDay?.eventId ?? '')?.after.eventId].sort());
    // ctx.calendar.upcoming reads the same rows.
    const upcoming = await w.t.ctx.calendar.upcoming(user.id, w.clock.t, new Date(w.clock.in(300)));
    assert.deepEqual(
      upcoming.map((e) => e.eventId),
      [invited.id, added.id],
    );
  });

  it('an event moved twice: the stored state follows, each batch carries before and after', async () => {
    const ada = account('ada');
    const ev = w.seed(ada, 60, 90);
    const { user } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();
    const expected: string[][] = [];
    for (const [from, to] of [
      [120, 150],
      [45, 75],
    ]) {
      const before = ev.start?.dateTime ?? '';
      w.clock.advance(1000);
      edit(ev, { start: { dateTime: w.clock.in(from) }, end: { dateTime: w.clock.in(to) } }, w.clock.t);
      expected.push([before, w.clock.in(from)]);
      await w.t.ctx.calendarSync.request(user.id);
      await w.t.engine.runDue();
    }
    const moves = w.batches
      .slice(1)
      .flatMap((b) => b.changes.map((c) => [c.before?.start?.toISOString(), c.after.start?.toISOString()]));
    assert.deepEqual(moves, expected);
    const [row] = await stored(w, user.id);
    assert.equal(row.startAt?.toISOString(), w.clock.in(45));
    assert.equal(row.endAt?.toISOString(), w.clock.in(75));
  });

  it('410 Gone: the token is dropped, a full resync is initial and loses nothing', async () => {
    const ada = account('ada');
    const kept = w.seed(ada, 60, 90);
    const doomed = w.seed(ada, 100, 130);
    const { user } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();
    // While the token is invalid: one event moves, one is deleted, one is added.
    w.t.google.state.syncTokens.invalidate(ada.sub);
    edit(kept, { start: { dateTime: w.clock.in(70) }, end: { dateTime: w.clock.in(95) } }, w.clock.t);
    const events = eventsOf(w, ada);
    events.splice(events.indexOf(doomed), 1);
    const added = w.seed(ada, 200, 230);
    await w.t.ctx.calendarSync.request(user.id);
    await w.t.engine.runDue();
    const calls = w.syncCalls();
    assert.equal((await jobOf(w, user.id))?.lastError, null);
    assert.ok(calls[1].query.syncToken, 'the stored token was tried');
    assert.equal(calls[2].query.syncToken, undefined, 'then a full sync');
    assert.ok(calls[2].query.timeMin);
    const batch = w.batches[1];
    assert.equal(batch.initial, true);
    const byId = new Map(batch.changes.map((c) => [c.after.eventId, c]));
    assert.equal(byId.size, 3);
    assert.equal(byId.get(kept.id ?? '')?.after.start?.toISOString(), w.clock.in(70));
    assert.equal(byId.get(kept.id ?? '')?.before?.start?.toISOString(), w.clock.in(60));
    assert.equal(byId.get(doomed.id ?? '')?.after.status, 'cancelled');
    assert.equal(byId.get(added.id ?? '')?.before, null);
    assert.deepEqual(
      (await stored(w, user.id)).map((r) => r.eventId),
      [kept.id, added.id],
    );
    // The new token works: the next sync is incremental again.
    await w.t.ctx.calendarSync.request(user.id);
    await w.t.engine.runDue();
    assert.ok(w.syncCalls()[3].query.syncToken);
  });

  it('pages: a full sync follows nextPageToken, and the token comes from the last page', async () => {
    const ada = account('ada');
    for (let i = 0; i < 260; i++) w.seed(ada, 10 + i, 20 + i);
    const { user } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();
    const calls = w.syncCalls();
    assert.equal(calls.length, 2);
    assert.ok(calls[1].query.pageToken);
    assert.equal((await stored(w, user.id)).length, 260);
    assert.equal(w.batches[0].changes.length, 260);
    const sync = await w.t.ctx.db.models.CalendarSync.findByPk(user.id);
    assert.ok(sync?.syncTokenEnc?.startsWith('v1.'), 'the token is kept sealed');
  });

  it('rotate-keys re-encrypts the sync token; it still works under the new key alone', async () => {
    const ada = account('ada');
    w.seed(ada, 60, 90);
    const { user } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();
    const newKey = Buffer.alloc(32, 7);
    const rotated = new TokenCipher(newKey, [Buffer.from(TEST_KEY, 'base64')]);
    assert.deepEqual(await reencryptCalendarSyncs(w.t.ctx.db.models, rotated), {
      rewritten: 1,
      unreadable: 0,
    });
    const row = await w.t.ctx.db.models.CalendarSync.findByPk(user.id);
    const token = new TokenCipher(newKey).decrypt(row?.syncTokenEnc ?? '', syncTokenContext(user.id));
    assert.match(JSON.parse(token), /^CP/, 'the sealed JSON string of the token');
  });

  it('a listener that fails: the job retries, and the stored batch is delivered again before anything new', async () => {
    const ada = account('ada');
    w.seed(ada, 60, 90);
    let fail = true;
    w.t.ctx.calendar.onChanges(async () => {
      if (fail) throw new Error('listener down');
    });
    const { user } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();
    const job = await jobOf(w, user.id);
    assert.equal(job?.state, 'queued');
    assert.equal(job?.attempts, 1);
    fail = false;
    w.clock.advance(10 * 60_000);
    await w.t.engine.runDue();
    assert.equal((await jobOf(w, user.id))?.state, 'done');
    // Delivered on the failing run, and once more on the retry, with the same content.
    assert.equal(w.batches.length, 2);
    assert.deepEqual(w.batches[1].changes, w.batches[0].changes);
    assert.equal(w.batches[1].initial, true);
    assert.equal((await w.t.ctx.db.models.CalendarSync.findByPk(user.id))?.pendingBatchEnc, null);
  });

  it('Google revoked the grant: the account takes its usual revoked path and calendar state goes', async () => {
    const ada = account('ada');
    w.seed(ada, 60, 90);
    const { user, refreshToken } = await w.link('U_ADA', ada);
    await w.t.engine.runDue();
    w.t.google.state.revokeAccount(ada.sub);
    await w.t.ctx.calendarSync.request(user.id);
    await w.t.engine.runDue();
    await user.reload();
    assert.equal(user.status, 'revoked');
    assert.equal(user.refreshTokenEnc, null);
    assert.equal((await stored(w, user.id)).length, 0);
    assert.equal(await w.t.ctx.db.models.CalendarSync.count({ where: { userId: user.id } }), 0);
    assert.equal((await jobOf(w, user.id))?.state, 'dead', 'its sync job ends, not left to retry');
    assert.ok(!w.t.logs.text().includes(refreshToken));
  });

  it('403 rateLimitExceeded and 429: snoozed with backoff, not counted as failures, then synced', async () => {
    const ada = account('ada');
    w.seed(ada, 60, 90);
    const { user } = await w.link('U_ADA', ada);
    const events = /\/calendar\/v3\/calendars\/primary\/events$/;
    // Twice: google-auth-library refreshes the token once on a 403 and asks again.
    w.t.google.state.failures.push({ match: events, status: 403, reason: 'rateLimitExceeded', times: 2 });
    await w.t.engine.runDue();
    let job = await jobOf(w, user.id);

    assert.equal(job?.lastError, null);
    assert.equal(job?.state, 'queued');
    assert.equal(job?.attempts, 0);
    assert.equal(job?.runAt.getTime(), w.clock.t.getTime() + 30_000);
    w.t.google.state.failures.push({
      match: events,
      status: 429,
      reason: 'rateLimitExceeded',
      times: 1,
      retryAfter: 90,
    });
    w.clock.advance(30_000);
    await w.t.engine.runDue();
    job = await jobOf(w, user.id);
    assert.equal(job?.lastError, null);
    assert.equal(job?.attempts, 0);
    assert.equal(
      job?.runAt.getTime(),
      w.clock.t.getTime() + 90_000,
      "Google's Retry-After is longer than the 60 s backoff",
    );
    w.clock.advance(90_000);
    await w.t.engine.runDue();
    assert.equal((await jobOf(w, user.id))?.state, 'done');
    assert.equal(w.batches.length, 1);
    assert.equal((await w.t.ctx.db.models.CalendarSync.findByPk(user.id))?.rateLimited, 0);
  });
});
