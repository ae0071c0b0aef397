import assert from 'node:assert/strict';
import { createEvent } from '../../src/tools/create-event';
import { deleteEvent } from '../../src/tools/delete-event';
import { getEvent } from '../../src/tools/get-event';
import { listCalendars } from '../../src/tools/list-calendars';
import { listEvents } from '../../src/tools/list-events';
import { respondToEvent } from '../../src/tools/respond-to-event';
import { updateEvent } from '../../src/tools/update-event';
import { seedCalendar, seedEvent } from '../fakes/google/seed';
import { startToolHarness, type ToolHarness } from './harness';

const LA = 'America/Los_Angeles';

describe('Calendar tools', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());
  const events = () => h.fake.state.dataFor(h.sub).calendars.get('primary')?.events ?? [];
  const ctx = () => h.ctx({ timeZone: LA, now: new Date('2024-05-02T15:00:00Z') });

  it("list_events asks for the user's local day and shows local times", async () => {
    // 10:00 in Los Angeles, stored by Google in UTC; and one the evening before that is a different LA day.
    seedEvent(h.fake.state, h.sub, {
      summary: 'Standup',
      start: { dateTime: '2024-05-03T17:00:00Z' },
      end: { dateTime: '2024-05-03T17:15:00Z' },
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      attendees: [{ email: 'ada@example.com', self: true, responseStatus: 'accepted' }],
    });
    seedEvent(h.fake.state, h.sub, {
      summary: 'Late call',
      start: { dateTime: '2024-05-03T05:00:00Z' },
      end: { dateTime: '2024-05-03T06:00:00Z' },
    });
    seedEvent(h.fake.state, h.sub, {
      summary: 'Offsite',
      start: { date: '2024-05-03' },
      end: { date: '2024-05-05' },
    });
    const out = (await listEvents.handler({ start: '2024-05-03', end: '2024-05-04' }, ctx())) as {
      window: { start: string };
      events: Record<string, unknown>[];
    };
    const [req] = h.fake.state.requestsTo('/calendar/v3/calendars/primary/events', 'GET');
    assert.equal(req.query.timeMin, '2024-05-03T00:00:00-07:00');
    assert.equal(req.query.timeMax, '2024-05-04T00:00:00-07:00');
    assert.equal(req.query.singleEvents, 'true');
    assert.equal(req.query.orderBy, 'startTime');
    assert.deepEqual(
      out.events.map((e) => e.title),
      ['Offsite', 'Standup'],
    );
    const standup = out.events[1];
    assert.equal(standup.start, '2024-05-03T10:00:00-07:00');
    assert.equal(standup.end, '2024-05-03T10:15:00-07:00');
    assert.equal(standup.meetLink, 'https://meet.google.com/abc-defg-hij');
    assert.equal(standup.myResponse, 'accepted');
    assert.deepEqual(
      { allDay: out.events[0].allDay, start: out.events[0].start, end: out.events[0].end },
      { allDay: true, start: '2024-05-03', end: '2024-05-04' },
    );

    const searched = (await listEvents.handler(
      { start: '2024-05-01', end: '2024-05-10', query: 'standup' },
      ctx(),
    )) as { events: { title: string }[] };
    assert.deepEqual(
      searched.events.map((e) => e.title),
      ['Standup'],
    );
  });

  it('list_calendars and get_event', async () => {
    seedCalendar(h.fake.state, h.sub, { id: 'team@group.calendar.google.com', summary: 'Team' });
    const { calendars } = (await listCalendars.handler({}, ctx())) as {
      calendars: { id: string; primary: boolean }[];
    };
    assert.deepEqual(
      calendars.map((c) => [c.id, c.primary]),
      [
        ['ada@example.com', true],
        ['team@group.calendar.google.com', false],
      ],
    );
    const e = seedEvent(h.fake.state, h.sub, {
      summary: 'Review',
      description: 'Agenda: '.padEnd(1000, 'x'),
      start: { dateTime: '2024-05-03T09:00:00-07:00' },
      end: { dateTime: '2024-05-03T10:00:00-07:00' },
    });
    const got = (await getEvent.handler({ eventId: e.id ?? '' }, ctx())) as {
      description: string;
      start: string;
    };
    assert.equal(got.description.length, 1000);
    assert.equal(got.start, '2024-05-03T09:00:00-07:00');
  });

  it('create_event inserts local times with the zone, invites guests and adds Meet', async () => {
    const args = {
      title: 'Design review',
      start: '2024-05-06T15:00',
      durationMinutes: 45,
      location: 'Room 4',
      attendees: ['priya@example.com'],
      addMeetLink: true,
    };
    const preview = await createEvent.preview?.(args, ctx());
    assert.deepEqual(preview?.fields, [
      { label: 'Title', value: 'Design review' },
      { label: 'When', value: 'Mon, May 6, 2024, 3:00 PM PDT – 3:45 PM PDT' },
      { label: 'Where', value: 'Room 4' },
      { label: 'Guests', value: 'priya@example.com' },
      { label: 'Invitations', value: 'Emailed to guests' },
      { label: 'Video call', value: 'Google Meet link added' },
    ]);
    const out = (await createEvent.handler(args, ctx())) as { event: { start: string; meetLink: string } };
    const [req] = h.fake.state.requestsTo('/calendar/v3/calendars/primary/events', 'POST');
    assert.equal(req.query.sendUpdates, 'all');
    assert.equal(req.query.conferenceDataVersion, '1');
    assert.deepEqual((req.body as { start: unknown }).start, {
      dateTime: '2024-05-06T15:00:00-07:00',
      timeZone: LA,
    });
    assert.deepEqual((req.body as { end: unknown }).end, {
      dateTime: '2024-05-06T15:45:00-07:00',
      timeZone: LA,
    });
    assert.equal(out.event.start, '2024-05-06T15:00:00-07:00');
    assert.match(out.event.meetLink, /^https:\/\/meet\.google\.com\//);
  });

  it('create_event makes all-day events with an exclusive end date and refuses backwards times', async () => {
    await createEvent.handler(
      { title: 'Vacation', start: '2024-07-01', end: '2024-07-03', allDay: true },
      ctx(),
    );
    const stored = events().at(-1);
    assert.deepEqual([stored?.start, stored?.end], [{ date: '2024-07-01' }, { date: '2024-07-04' }]);
    assert.equal(
      h.fake.state.requestsTo('/calendar/v3/calendars/primary/events', 'POST')[0].query.sendUpdates,
      'none',
    );
    assert.throws(
      () => createEvent.preview?.({ title: 'x', start: '2024-07-01T10:00', end: '2024-07-01T09:00' }, ctx()),
      /end after it starts/,
    );
    // A bare date without allDay is a day off, not a one-hour meeting at midnight.
    const dayOff = await createEvent.preview?.({ title: 'Day off', start: '2024-07-05' }, ctx());
    assert.deepEqual(dayOff?.fields[1], { label: 'When', value: 'Fri, Jul 5, 2024 (all day)' });
  });

  it('update_event moves an all-day event by dates, keeping its length unless a last day is given', async () => {
    const e = seedEvent(h.fake.state, h.sub, {
      summary: 'Offsite',
      start: { date: '2024-05-06' },
      end: { date: '2024-05-08' },
    });
    const preview = await updateEvent.preview?.({ eventId: e.id ?? '', start: '2024-05-13' }, ctx());
    assert.deepEqual(preview?.fields[0], {
      label: 'When',
      value:
        'Mon, May 6, 2024 – Tue, May 7, 2024 (all day) → Mon, May 13, 2024 – Tue, May 14, 2024 (all day)',
    });
    await updateEvent.handler({ eventId: e.id ?? '', start: '2024-05-13' }, ctx());
    assert.deepEqual([e.start, e.end], [{ date: '2024-05-13' }, { date: '2024-05-15' }]);
    await updateEvent.handler({ eventId: e.id ?? '', end: '2024-05-16' }, ctx());
    assert.deepEqual([e.start, e.end], [{ date: '2024-05-13' }, { date: '2024-05-17' }]);
    await assert.rejects(
      updateEvent.handler({ eventId: e.id ?? '', start: '2024-05-20', end: '2024-05-19' }, ctx()),
      /end after it starts/,
    );
  });

  it("update_event moves an event keeping its length and its guests' answers", async () => {
    const e = seedEvent(h.fake.state, h.sub, {
      summary: '1:1',
      start: { dateTime: '2024-05-06T16:00:00Z' },
      end: { dateTime: '2024-05-06T16:30:00Z' },
      attendees: [{ email: 'priya@example.com', responseStatus: 'accepted' }],
    });
    const args = { eventId: e.id ?? '', start: '2024-05-07T11:00', addAttendees: ['bob@example.com'] };
    const preview = await updateEvent.preview?.(args, ctx());
    assert.deepEqual(preview?.fields.slice(0, 2), [
      {
        label: 'When',
        value: 'Mon, May 6, 2024, 9:00 AM PDT – 9:30 AM PDT → Tue, May 7, 2024, 11:00 AM PDT – 11:30 AM PDT',
      },
      { label: 'Add guests', value: 'bob@example.com' },
    ]);
    await updateEvent.handler(args, ctx());
    assert.equal(e.start?.dateTime, '2024-05-07T11:00:00-07:00');
    assert.equal(e.end?.dateTime, '2024-05-07T11:30:00-07:00');
    assert.deepEqual(
      e.attendees?.map((a) => [a.email, a.responseStatus]),
      [
        ['priya@example.com', 'accepted'],
        ['bob@example.com', undefined],
      ],
    );
    assert.equal(
      h.fake.state.requestsTo(`/calendar/v3/calendars/primary/events/${e.id}`, 'PATCH')[0].query.sendUpdates,
      'all',
    );
  });

  it('delete_event cancels the event and tells guests', async () => {
    const e = seedEvent(h.fake.state, h.sub, {
      summary: 'Sync',
      start: { dateTime: '2024-05-06T16:00:00Z' },
      end: { dateTime: '2024-05-06T16:30:00Z' },
      attendees: [{ email: 'priya@example.com' }],
    });
    const preview = await deleteEvent.preview?.({ eventId: e.id ?? '' }, ctx());
    assert.deepEqual(preview?.fields[1], {
      label: 'When',
      value: 'Mon, May 6, 2024, 9:00 AM PDT – 9:30 AM PDT',
    });
    await deleteEvent.handler({ eventId: e.id ?? '' }, ctx());
    assert.equal(e.status, 'cancelled');
    assert.equal(
      h.fake.state.requestsTo(`/calendar/v3/calendars/primary/events/${e.id}`, 'DELETE')[0].query.sendUpdates,
      'all',
    );
  });

  it("respond_to_event changes only the user's own answer", async () => {
    const e = seedEvent(h.fake.state, h.sub, {
      summary: 'Board meeting',
      organizer: { email: 'ceo@example.com' },
      start: { dateTime: '2024-05-06T16:00:00Z' },
      end: { dateTime: '2024-05-06T17:00:00Z' },
      attendees: [
        { email: 'ceo@example.com', organizer: true, responseStatus: 'accepted' },
        { email: 'ada@example.com', self: true, responseStatus: 'needsAction' },
        { email: 'bob@example.com', responseStatus: 'declined' },
      ],
    });
    const args = { eventId: e.id ?? '', response: 'tentative' as const, comment: 'May be late' };
    const preview = await respondToEvent.preview?.(args, ctx());
    assert.deepEqual(preview?.fields.slice(2), [
      { label: 'Organiser', value: 'ceo@example.com' },
      { label: 'Answer', value: 'Maybe (tentative)' },
      { label: 'Note', value: 'May be late' },
    ]);
    await respondToEvent.handler(args, ctx());
    assert.deepEqual(
      e.attendees?.map((a) => a.responseStatus),
      ['accepted', 'tentative', 'declined'],
    );
    assert.equal(e.attendees?.[1].comment, 'May be late');
    // Only the user's own entry goes to Google, flagged so Google leaves the others alone: a resent
    // full list would overwrite answers given meanwhile with the copy read for the card.
    const patch = h.fake.state.requestsTo(`/calendar/v3/calendars/primary/events/${e.id}`, 'PATCH').at(-1);
    assert.deepEqual(patch?.body, {
      attendeesOmitted: true,
      attendees: [{ email: 'ada@example.com', responseStatus: 'tentative', comment: 'May be late' }],
    });
    assert.equal(patch?.query.sendUpdates, 'all', 'the organiser hears the answer');
    const own = seedEvent(h.fake.state, h.sub, {
      summary: 'Mine',
      start: { dateTime: '2024-05-06T18:00:00Z' },
      end: { dateTime: '2024-05-06T19:00:00Z' },
    });
    await assert.rejects(
      respondToEvent.handler({ eventId: own.id ?? '', response: 'accepted' }, ctx()),
      /not a guest/,
    );
  });
});
