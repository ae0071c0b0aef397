import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CalendarChangeHub } from '../../src/calendar/change-hub';
import type { CalendarChangeBatch, CalendarEventState } from '../../src/calendar/feed';
import { createLogger } from '../../src/log';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { LogCapture } from '../helpers/slack-logs';
import { plainUser } from '../helpers/users';

const ADA = '5f0c6a8e-0000-4000-8000-0000000000a1';
const BOB = '5f0c6a8e-0000-4000-8000-0000000000b2';
const t = (hhmm: string, day = '02') => new Date(`2026-03-${day}T${hhmm}:00.000Z`);

/** ctx.calendar: the batches calendar sync emits, and the stored events reminders plan from. */
describe('calendar: the change hub', () => {
  let tdb: TestDatabase;
  let hub: CalendarChangeHub;
  let logs: LogCapture;

  beforeEach(async () => {
    tdb = await createTestDatabase();
    logs = new LogCapture();
    hub = new CalendarChangeHub({ models: tdb.db.models, log: createLogger('debug', logs.stream) });
    await plainUser(tdb.db.models, ADA, 'ada');
    await plainUser(tdb.db.models, BOB, 'bob');
  });
  afterEach(() => tdb.cleanup());

  const state = (eventId: string, o: Partial<CalendarEventState> = {}): CalendarEventState => ({
    userId: ADA,
    eventId,
    status: 'confirmed',
    start: t('10:00'),
    end: t('11:00'),
    allDay: false,
    eventType: 'default',
    response: 'accepted',
    organizerSelf: false,
    updatedAt: t('08:00'),
    ...o,
  });
  const batch = (n: number): CalendarChangeBatch => ({
    userId: ADA,
    changes: Array.from({ length: n }, (_, i) => ({ before: null, after: state(`e${i}`) })),
    initial: false,
    at: t('09:00'),
  });
  const store = (s: CalendarEventState) =>
    tdb.db.models.CalendarEvent.create({
      userId: s.userId,
      eventRef: createHash('sha256').update(s.eventId).digest('hex'),
      eventId: s.eventId,
      status: s.status,
      startAt: s.start,
      endAt: s.end,
      allDay: s.allDay,
      eventType: s.eventType,
      response: s.response,
      organizerSelf: s.organizerSelf,
      googleUpdatedAt: s.updatedAt,
    });

  it('every listener hears a batch, in the order they subscribed, even after one fails; the failure is then rethrown', async () => {
    const heard: string[] = [];
    const boom = new Error('reminder planning failed');
    hub.onChanges(async (b) => {
      heard.push(`first:${b.changes.length}`);
    });
    hub.onChanges(async () => {
      heard.push('second');
      throw boom;
    });
    hub.onChanges(async () => {
      heard.push('third');
      throw new Error('a later failure');
    });
    hub.onChanges(async () => {
      heard.push('fourth');
    });
    await assert.rejects(hub.emit(batch(2)), (err) => err === boom, 'the first failure, so the sync retries');
    assert.deepEqual(heard, ['first:2', 'second', 'third', 'fourth']);
    const failures = logs.lines.filter((l) => l.msg === 'calendar change listener failed');
    assert.equal(failures.length, 2);
    assert.equal(failures[0].userId, ADA);
  });

  it('a listener that rejects without a reason still fails the emit', async () => {
    let after = false;
    hub.onChanges(() => Promise.reject(undefined));
    hub.onChanges(async () => {
      after = true;
    });
    let rejected = false;
    await hub.emit(batch(1)).catch(() => {
      rejected = true;
    });
    assert.ok(rejected, 'the sync must retry rather than lose the batch');
    assert.ok(after);
  });

  it('a batch with no changes reaches no listener; with no listeners a batch is a no-op', async () => {
    await hub.emit(batch(1));
    let calls = 0;
    hub.onChanges(async () => {
      calls += 1;
    });
    await hub.emit(batch(0));
    assert.equal(calls, 0);
    await hub.emit(batch(1));
    assert.equal(calls, 1);
  });

  it('upcoming: events overlapping [from, to), by start; cancelled, all-day and other people’s events left out', async () => {
    await store(state('ends-at-from', { start: t('08:00'), end: t('09:00') }));
    await store(state('spans-from', { start: t('08:30'), end: t('09:30') }));
    await store(state('later', { start: t('11:00'), end: t('11:30') }));
    await store(state('inside', { start: t('10:00'), end: t('10:45') }));
    await store(state('starts-at-to', { start: t('12:00'), end: t('13:00') }));
    await store(state('spans-all', { start: t('07:00'), end: t('23:00') }));
    await store(state('cancelled', { status: 'cancelled', start: t('10:00'), end: t('10:30') }));
    await store(state('all-day', { allDay: true, start: null, end: null }));
    await store(state('tentative', { status: 'tentative', start: t('11:59'), end: t('12:10') }));
    await store(state('bobs', { userId: BOB, start: t('10:00'), end: t('10:30') }));
    const got = await hub.upcoming(ADA, t('09:00'), t('12:00'));
    assert.deepEqual(
      got.map((e) => e.eventId),
      ['spans-all', 'spans-from', 'inside', 'later', 'tentative'],
    );
    const inside = got.find((e) => e.eventId === 'inside');
    assert.deepEqual(
      inside,
      state('inside', { start: t('10:00'), end: t('10:45') }),
      'stored facts, as they went in',
    );
    assert.deepEqual(
      await hub.upcoming(ADA, t('12:00'), t('12:00')),
      [],
      'an empty window overlaps nothing, not even events spanning its instant',
    );
    assert.deepEqual(
      (await hub.upcoming(ADA, t('00:00', '03'), t('00:00', '04'))).map((e) => e.eventId),
      [],
      'nothing the next day',
    );
  });
});
