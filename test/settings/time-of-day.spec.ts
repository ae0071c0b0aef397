import assert from 'node:assert/strict';
import { nextBriefingAt } from '../../src/settings/briefing-time';
import { leadMinutesOf, locationInputOf, travelModeOf } from '../../src/settings/rules';
import { formatTimeOfDay, parseTimeOfDay, toHHMM } from '../../src/settings/time-of-day';
import type { Briefing } from '../../src/settings/types';

describe('settings: times of day, minutes, travel modes', () => {
  it('reads the times people type, 24-hour and am/pm', () => {
    const cases: [string, string][] = [
      ['8:30', '08:30'],
      ['08:30', '08:30'],
      ['8:30am', '08:30'],
      ['8:30 AM', '08:30'],
      ['8:30 a.m.', '08:30'],
      ['17:05', '17:05'],
      ['5pm', '17:00'],
      ['5 PM', '17:00'],
      ['12am', '00:00'],
      ['12pm', '12:00'],
      ['12:15am', '00:15'],
      ['0:00', '00:00'],
      ['23:59', '23:59'],
      ['7', '07:00'],
      ['7.45', '07:45'],
    ];
    for (const [typed, want] of cases) {
      const t = parseTimeOfDay(typed);
      assert.ok(t, typed);
      assert.equal(toHHMM(t), want, typed);
    }
  });

  it('refuses what is not a time of day', () => {
    for (const typed of [
      '24:00',
      '8:60',
      '8:5',
      '13pm',
      '0am',
      'noon',
      '8:30pmm',
      '',
      '-1',
      '830',
      '8::30',
      '1e1',
    ])
      assert.equal(parseTimeOfDay(typed), undefined, typed);
  });

  it('writes a time as the agenda does', () => {
    assert.equal(formatTimeOfDay({ hour: 8, minute: 30 }), '8:30 AM');
    assert.equal(formatTimeOfDay({ hour: 0, minute: 5 }), '12:05 AM');
    assert.equal(formatTimeOfDay({ hour: 12, minute: 0 }), '12:00 PM');
    assert.equal(formatTimeOfDay({ hour: 17, minute: 5 }), '5:05 PM');
  });

  it('reads reminder minutes 0–60 with or without a unit, and nothing else', () => {
    assert.equal(leadMinutesOf('0'), 0);
    assert.equal(leadMinutesOf('60'), 60);
    assert.equal(leadMinutesOf('10min'), 10);
    assert.equal(leadMinutesOf('10 minutes'), 10);
    for (const bad of ['61', '-5', '2.5', 'ten', '', '10 hours', '1e1', '0x10'])
      assert.equal(leadMinutesOf(bad), undefined, bad);
  });

  it('reads travel modes and the words people use for them', () => {
    assert.equal(travelModeOf('Transit'), 'transit');
    assert.equal(travelModeOf('bike'), 'bicycling');
    assert.equal(travelModeOf('walk'), 'walking');
    assert.equal(travelModeOf('car'), 'driving');
    for (const bad of ['flying', 'constructor', '__proto__', 'toString', ''])
      assert.equal(travelModeOf(bad), undefined, bad);
  });

  it('keeps a typed address as typed (spaces tidied), within 200 characters', () => {
    assert.equal(locationInputOf('  1 Market St,\n San Francisco '), '1 Market St, San Francisco');
    assert.equal(locationInputOf('   '), undefined);
    assert.equal(locationInputOf('x'.repeat(201)), undefined);
    assert.equal(locationInputOf('a\u0000b'), undefined);
  });
});

describe('settings: the next briefing, in the person’s zone', () => {
  const weekdays: Briefing = { hour: 8, minute: 30, days: 'weekdays' };
  const daily: Briefing = { hour: 8, minute: 30, days: 'daily' };
  const at = (iso: string) => new Date(iso);

  it('is 8:30 where the person is: the same words are different instants in Tokyo, Berlin and LA', () => {
    const after = at('2025-06-10T00:00:00Z'); // a Tuesday
    assert.equal(nextBriefingAt(weekdays, 'Asia/Tokyo', after).toISOString(), '2025-06-10T23:30:00.000Z');
    assert.equal(nextBriefingAt(weekdays, 'Europe/Berlin', after).toISOString(), '2025-06-10T06:30:00.000Z');
    assert.equal(
      nextBriefingAt(weekdays, 'America/Los_Angeles', after).toISOString(),
      '2025-06-10T15:30:00.000Z',
    );
    assert.equal(nextBriefingAt(weekdays, 'UTC', after).toISOString(), '2025-06-10T08:30:00.000Z');
  });

  it('weekdays skip Saturday and Sunday as the person’s calendar has them; daily does not', () => {
    // Friday 09:00 in Los Angeles: the next weekday briefing is Monday, the next daily one Saturday.
    const fri = at('2025-06-13T16:00:00Z');
    assert.equal(
      nextBriefingAt(weekdays, 'America/Los_Angeles', fri).toISOString(),
      '2025-06-16T15:30:00.000Z',
    );
    assert.equal(nextBriefingAt(daily, 'America/Los_Angeles', fri).toISOString(), '2025-06-14T15:30:00.000Z');
    // Friday 23:00 UTC is already Saturday in Tokyo.
    assert.equal(
      nextBriefingAt(weekdays, 'Asia/Tokyo', at('2025-06-13T23:00:00Z')).toISOString(),
      '2025-06-15T23:30:00.000Z',
    );
  });

  it('is strictly after: at the minute itself, the next one is tomorrow', () => {
    const now = at('2025-06-10T15:30:00Z');
    assert.equal(nextBriefingAt(daily, 'America/Los_Angeles', now).toISOString(), '2025-06-11T15:30:00.000Z');
  });

  it('keeps the wall-clock time across daylight-saving changes (Los Angeles and Berlin)', () => {
    // LA springs forward on Sunday 9 March 2025: 8:30 is 16:30Z before, 15:30Z after.
    assert.equal(
      nextBriefingAt(daily, 'America/Los_Angeles', at('2025-03-08T17:00:00Z')).toISOString(),
      '2025-03-09T15:30:00.000Z',
    );
    // Berlin falls back on Sunday 26 October 2025: 8:30 is 06:30Z before, 07:30Z after.
    assert.equal(
      nextBriefingAt(daily, 'Europe/Berlin', at('2025-10-25T07:00:00Z')).toISOString(),
      '2025-10-26T07:30:00.000Z',
    );
    // 02:30 does not exist in LA on 9 March: it falls forward, not to the next day.
    const gap = nextBriefingAt(
      { hour: 2, minute: 30, days: 'daily' },
      'America/Los_Angeles',
      at('2025-03-09T08:00:00Z'),
    );
    assert.equal(gap.toISOString(), '2025-03-09T10:30:00.000Z');
    // 02:30 happens twice in Berlin on 26 October: the first one.
    const twice = nextBriefingAt(
      { hour: 2, minute: 30, days: 'daily' },
      'Europe/Berlin',
      at('2025-10-25T23:00:00Z'),
    );
    assert.equal(twice.toISOString(), '2025-10-26T00:30:00.000Z');
  });
});
