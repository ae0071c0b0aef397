import assert from 'node:assert/strict';
import { toLocalIso } from '../../src/time/zone';
import { chooseSlots, SLOT_WEIGHTS, workingHours } from '../../src/tools/lib/meeting-slots';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const NY = 'America/New_York';
const LONDON = 'Europe/London';
const SAO_PAULO = 'America/Sao_Paulo'; // no daylight saving since 2019

describe('meeting slots: working hours in each zone, sooner, sparing focus time', () => {
  it("keeps to everyone's 09:00–17:00 in their own zone, across the US and UK daylight-saving changes", () => {
    // Fri 6 Mar 2026: New York is UTC-5, London UTC+0, São Paulo UTC-3 → all at work 14:00–17:00 UTC.
    // Mon 9 Mar (US clocks went forward on the 8th): New York UTC-4 → 13:00–17:00 UTC.
    // Mon 30 Mar (UK clocks went forward on the 29th): London UTC+1 → 13:00–16:00 UTC.
    const people = [
      { timeZone: NY, busy: [] },
      { timeZone: LONDON, busy: [] },
      { timeZone: SAO_PAULO, busy: [] },
    ];
    const slots = (from: string, to: string) =>
      chooseSlots(people, {
        window: { start: at(from), end: at(to) },
        minutes: 60,
        max: 3,
        timeZone: NY,
      }).map((s) => iso(s.start));
    assert.equal(slots('2026-03-06T00:00:00Z', '2026-03-07T00:00:00Z')[0], '2026-03-06T14:00:00.000Z');
    assert.equal(slots('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z')[0], '2026-03-09T13:00:00.000Z');
    assert.equal(slots('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z')[0], '2026-03-30T13:00:00.000Z');
    // The last hour that fits each day ends at the earliest close: 17:00 London, then 16:00 UTC after the UK change.
    const late = (day: string) =>
      workingHours(LONDON, { start: at(`${day}T00:00:00Z`), end: at(`${day}T23:59:00Z`) }).map((h) =>
        iso(h.end),
      );
    assert.deepEqual(late('2026-03-27'), ['2026-03-27T17:00:00.000Z']);
    assert.deepEqual(late('2026-03-30'), ['2026-03-30T16:00:00.000Z']);
    // Saturday and Sunday (in each person's own zone) are nobody's working day.
    assert.deepEqual(slots('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z'), []);
  });

  it('never offers a time someone is busy, and finds the gaps between everyone’s meetings', () => {
    // Wed 11 Mar 2026, London and New York: common hours 13:00–17:00 UTC.
    const london = {
      timeZone: LONDON,
      busy: [{ start: at('2026-03-11T13:00:00Z'), end: at('2026-03-11T14:00:00Z') }],
    };
    const ny = {
      timeZone: NY,
      busy: [{ start: at('2026-03-11T14:30:00Z'), end: at('2026-03-11T16:00:00Z') }],
    };
    const slots = chooseSlots([london, ny], {
      window: { start: at('2026-03-11T00:00:00Z'), end: at('2026-03-12T00:00:00Z') },
      minutes: 30,
      max: 3,
      timeZone: LONDON,
    });
    for (const s of slots) {
      for (const b of [...london.busy, ...ny.busy])
        assert.ok(s.end <= b.start || s.start >= b.end, iso(s.start));
      assert.ok(s.start >= at('2026-03-11T13:00:00Z') && s.end <= at('2026-03-11T17:00:00Z'));
    }
    // One per free gap: 14:00–14:30 and 16:00–17:00 both get one.
    // One per free gap first (14:00–14:30, then 16:00–17:00), then the next best that overlaps neither.
    assert.deepEqual(
      slots.map((s) => iso(s.start)),
      ['2026-03-11T14:00:00.000Z', '2026-03-11T16:00:00.000Z', '2026-03-11T16:30:00.000Z'],
    );
  });

  it("doesn't leave someone a useless fragment next to a meeting", () => {
    // Free 09:00–10:00 then a meeting 10:00–11:00, then free: a 30-minute slot at 9:15 would leave 15 minutes.
    const busy = [{ start: at('2026-03-11T10:00:00Z'), end: at('2026-03-11T11:00:00Z') }];
    const [first] = chooseSlots([{ timeZone: LONDON, busy }], {
      window: { start: at('2026-03-11T09:15:00Z'), end: at('2026-03-11T11:00:00Z') },
      minutes: 30,
      max: 1,
      timeZone: LONDON,
    });
    // 9:15–9:45 leaves 9:45–10:00 (15 min) before the meeting; 9:30–10:00 sits right against it.
    assert.equal(iso(first.start), '2026-03-11T09:30:00.000Z');
  });

  it('keeps a focus block whole: a slot at the edge of a long free run, not in its middle', () => {
    // London: meetings until 11:00 and from 15:00, so 11:00–15:00 is a four-hour free run.
    const busy = [
      { start: at('2026-03-11T09:00:00Z'), end: at('2026-03-11T11:00:00Z') },
      { start: at('2026-03-11T15:00:00Z'), end: at('2026-03-11T17:00:00Z') },
    ];
    const first = (from: string) =>
      iso(
        chooseSlots([{ timeZone: LONDON, busy }], {
          window: { start: at(from), end: at('2026-03-11T17:00:00Z') },
          minutes: 60,
          max: 1,
          timeZone: LONDON,
        })[0].start,
      );
    // 12:00–13:00 still leaves 13:00–15:00, two hours in one piece: the soonest is fine.
    assert.equal(first('2026-03-11T12:00:00Z'), '2026-03-11T12:00:00.000Z');
    // From 12:15, every start up to 12:45 leaves no two-hour piece; 13:00 keeps 11:00–13:00 whole.
    assert.equal(first('2026-03-11T12:15:00Z'), '2026-03-11T13:00:00.000Z');
    assert.ok(
      SLOT_WEIGHTS.FOCUS_COST < SLOT_WEIGHTS.DAY_COST,
      'one broken focus block never costs a whole day',
    );
  });

  it('prefers sooner days, and spreads the three choices over different gaps', () => {
    const people = [
      { timeZone: LONDON, busy: [] },
      { timeZone: NY, busy: [] },
    ];
    const slots = chooseSlots(people, {
      window: { start: at('2026-03-10T00:00:00Z'), end: at('2026-03-20T00:00:00Z') },
      minutes: 30,
      max: 3,
      timeZone: LONDON,
    });
    const days = slots.map((s) => toLocalIso(new Date(s.start), LONDON).slice(0, 10));
    assert.deepEqual(days, ['2026-03-10', '2026-03-11', '2026-03-12']);
  });
});
