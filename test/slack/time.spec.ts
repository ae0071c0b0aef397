import assert from 'node:assert/strict';
import { formatDay, formatTime } from '../../src/agenda/time';
import { addDays, localDate, localDay, safeZone, startOfLocalDay } from '../../src/time/zone';

describe("agenda time arithmetic (the person's own zone)", () => {
  it('finds the local day and its bounds in Los Angeles', () => {
    const day = localDay(new Date('2025-06-10T16:00:00Z'), 'America/Los_Angeles');
    assert.equal(day.date, '2025-06-10');
    assert.equal(day.start.toISOString(), '2025-06-10T07:00:00.000Z');
    assert.equal(day.end.toISOString(), '2025-06-11T07:00:00.000Z');
  });

  it('is already tomorrow in Tokyo and still yesterday in Honolulu', () => {
    const at = new Date('2025-06-10T16:00:00Z');
    assert.equal(localDate(at, 'Asia/Tokyo'), '2025-06-11');
    assert.equal(localDate(new Date('2025-06-10T05:00:00Z'), 'Pacific/Honolulu'), '2025-06-09');
  });

  it('handles days of 23 and 25 hours at DST changes', () => {
    const spring = localDay(new Date('2025-03-09T20:00:00Z'), 'America/Los_Angeles');
    assert.equal(spring.start.toISOString(), '2025-03-09T08:00:00.000Z');
    assert.equal(spring.end.getTime() - spring.start.getTime(), 23 * 3600_000);
    const autumn = localDay(new Date('2025-10-26T12:00:00Z'), 'Europe/London');
    assert.equal(autumn.start.toISOString(), '2025-10-25T23:00:00.000Z');
    assert.equal(autumn.end.getTime() - autumn.start.getTime(), 25 * 3600_000);
  });

  it('handles half- and quarter-hour offsets', () => {
    assert.equal(startOfLocalDay('2025-06-10', 'Asia/Kolkata').toISOString(), '2025-06-09T18:30:00.000Z');
    assert.equal(startOfLocalDay('2025-06-10', 'Asia/Kathmandu').toISOString(), '2025-06-09T18:15:00.000Z');
  });

  it('formats times with a plain space before AM/PM, in the given zone', () => {
    const t = new Date('2025-06-10T17:00:00Z');
    assert.equal(formatTime(t, 'America/Los_Angeles'), '10:00 AM');
    assert.equal(formatTime(t, 'Europe/Berlin'), '7:00 PM');
    assert.equal(formatTime(t, 'UTC'), '5:00 PM');
  });

  it('adds days across month and year ends, and names the day', () => {
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(formatDay('2025-06-10'), 'Tuesday, June 10');
  });

  it('falls back to UTC for a missing or unknown zone', () => {
    assert.equal(safeZone(undefined), 'UTC');
    assert.equal(safeZone(''), 'UTC');
    assert.equal(safeZone('Mars/Olympus_Mons'), 'UTC');
    assert.equal(safeZone('Europe/Paris'), 'Europe/Paris');
  });
});
