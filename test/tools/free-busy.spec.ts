import assert from 'node:assert/strict';
import { checkFreeBusy } from '../../src/tools/check-free-busy';
import { findFreeSlot, freeSlots } from '../../src/tools/find-free-slot';
import { seedCalendar, seedEvent } from '../fakes/google/seed';
import { startToolHarness, type ToolHarness } from './harness';

const LA = 'America/Los_Angeles';
const at = (iso: string) => Date.parse(iso);

describe('free/busy and free-slot finding', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());
  // Thursday 2 May 2024, 8:00 in Los Angeles.
  const ctx = () => h.ctx({ timeZone: LA, now: new Date('2024-05-02T15:00:00Z') });

  it('check_free_busy reports merged busy times in local time, per person, and unreadable calendars', async () => {
    seedEvent(h.fake.state, h.sub, {
      summary: 'A',
      start: { dateTime: '2024-05-02T10:00:00-07:00' },
      end: { dateTime: '2024-05-02T11:00:00-07:00' },
    });
    seedEvent(h.fake.state, h.sub, {
      summary: 'B',
      start: { dateTime: '2024-05-02T10:30:00-07:00' },
      end: { dateTime: '2024-05-02T11:30:00-07:00' },
    });
    seedEvent(h.fake.state, h.sub, {
      summary: 'Free-looking',
      transparency: 'transparent',
      start: { dateTime: '2024-05-02T14:00:00-07:00' },
      end: { dateTime: '2024-05-02T15:00:00-07:00' },
    });
    seedCalendar(h.fake.state, h.sub, { id: 'priya@example.com', summary: 'Priya' });
    seedEvent(
      h.fake.state,
      h.sub,
      {
        summary: 'P',
        start: { dateTime: '2024-05-02T09:00:00-07:00' },
        end: { dateTime: '2024-05-02T09:30:00-07:00' },
      },
      'priya@example.com',
    );
    const out = (await checkFreeBusy.handler(
      {
        start: '2024-05-02T08:00',
        end: '2024-05-02T18:00',
        people: ['priya@example.com', 'stranger@other.example'],
      },
      ctx(),
    )) as {
      calendars: { who: string; busy: { start: string; end: string }[] }[];
      unavailable: string[];
    };
    assert.deepEqual(out.calendars, [
      {
        who: 'you',
        busy: [{ start: '2024-05-02T10:00:00-07:00', end: '2024-05-02T11:30:00-07:00' }],
        freeWholeWindow: false,
      },
      {
        who: 'priya@example.com',
        busy: [{ start: '2024-05-02T09:00:00-07:00', end: '2024-05-02T09:30:00-07:00' }],
        freeWholeWindow: false,
      },
    ]);
    assert.deepEqual(out.unavailable, ['stranger@other.example']);
    const [req] = h.fake.state.requestsTo('/calendar/v3/freeBusy', 'POST');
    assert.equal((req.body as { timeMin: string }).timeMin, '2024-05-02T15:00:00.000Z');
  });

  it('find_free_slot finds gaps that suit everyone, inside working hours, from now on', async () => {
    seedEvent(h.fake.state, h.sub, {
      summary: 'Morning block',
      start: { dateTime: '2024-05-02T09:00:00-07:00' },
      end: { dateTime: '2024-05-02T12:10:00-07:00' },
    });
    seedCalendar(h.fake.state, h.sub, { id: 'priya@example.com', summary: 'Priya' });
    seedEvent(
      h.fake.state,
      h.sub,
      {
        summary: 'Priya busy',
        start: { dateTime: '2024-05-02T12:30:00-07:00' },
        end: { dateTime: '2024-05-02T17:30:00-07:00' },
      },
      'priya@example.com',
    );
    const out = (await findFreeSlot.handler(
      {
        durationMinutes: 30,
        start: '2024-05-02T00:00',
        end: '2024-05-07T00:00',
        attendees: ['priya@example.com'],
        maxSuggestions: 3,
      },
      ctx(),
    )) as { slots: { start: string; end: string; text: string }[] };
    // 12:10–12:30 is too short; 17:30–18:00 fits; Friday opens at 9:00; the weekend is skipped.
    assert.deepEqual(
      out.slots.map((s) => s.start),
      ['2024-05-02T17:30:00-07:00', '2024-05-03T09:00:00-07:00', '2024-05-06T09:00:00-07:00'],
    );
    assert.equal(out.slots[0].text, 'Thu, May 2, 2024, 5:30 PM PDT');
  });

  it('freeSlots rounds to quarter hours and offers one slot per gap', () => {
    const slots = freeSlots(
      { start: at('2024-05-03T16:05:00Z'), end: at('2024-05-04T00:00:00Z') },
      [{ start: at('2024-05-03T17:00:00Z'), end: at('2024-05-03T17:50:00Z') }],
      { minutes: 45, dayStart: '09:00', dayEnd: '12:00', weekends: false, max: 5, timeZone: LA },
    );
    // 9:05 local rounds to 9:15, which leaves only 45 min before the 10:00 meeting: it fits exactly.
    assert.deepEqual(
      slots.map((s) => new Date(s.start).toISOString()),
      ['2024-05-03T16:15:00.000Z', '2024-05-03T18:00:00.000Z'],
    );
  });
});
