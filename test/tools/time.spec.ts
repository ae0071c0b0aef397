import assert from 'node:assert/strict';
import { addDays, parseLocal, toLocalIso } from '../../src/time/zone';
import { currentTime } from '../../src/tools/current-time';
import { startToolHarness } from './harness';

describe("time in the user's zone", () => {
  it('reads wall-clock times in the zone, across DST changes, and keeps explicit offsets', () => {
    assert.equal(
      parseLocal('2024-05-02T15:00', 'America/Los_Angeles').toISOString(),
      '2024-05-02T22:00:00.000Z',
    );
    assert.equal(
      parseLocal('2024-01-02T15:00', 'America/Los_Angeles').toISOString(),
      '2024-01-02T23:00:00.000Z',
    );
    assert.equal(parseLocal('2024-05-02', 'Asia/Kolkata').toISOString(), '2024-05-01T18:30:00.000Z');
    assert.equal(
      parseLocal('2024-05-02T15:00:00+02:00', 'America/Los_Angeles').toISOString(),
      '2024-05-02T13:00:00.000Z',
    );
    // 02:30 does not exist on 10 March 2024 in Los Angeles: it resolves forward, as calendars do.
    assert.equal(
      toLocalIso(parseLocal('2024-03-10T02:30', 'America/Los_Angeles'), 'America/Los_Angeles'),
      '2024-03-10T03:30:00-07:00',
    );
    assert.equal(
      toLocalIso(new Date('2024-11-03T09:30:00Z'), 'America/Los_Angeles'),
      '2024-11-03T01:30:00-08:00',
    );
    // 02:30 happens twice on 27 October 2024 in Berlin (and 01:30 on 3 November in Los Angeles): the first.
    assert.equal(parseLocal('2024-10-27T02:30', 'Europe/Berlin').toISOString(), '2024-10-27T00:30:00.000Z');
    assert.equal(
      parseLocal('2024-11-03T01:30', 'America/Los_Angeles').toISOString(),
      '2024-11-03T08:30:00.000Z',
    );
    // 02:30 does not exist on 31 March 2024 in Berlin either: forward, to 03:30 CEST.
    assert.equal(parseLocal('2024-03-31T02:30', 'Europe/Berlin').toISOString(), '2024-03-31T01:30:00.000Z');
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
    assert.throws(() => parseLocal('tomorrow at 3', 'UTC'), /not an ISO 8601/);
  });

  it('get_current_time gives the local date, weekday and offset', async () => {
    const h = await startToolHarness();
    try {
      const out = await currentTime.handler(
        {},
        h.ctx({ timeZone: 'Pacific/Auckland', now: new Date('2024-05-02T22:00:00Z') }),
      );
      assert.deepEqual(out, {
        timeZone: 'Pacific/Auckland',
        localDateTime: '2024-05-03T10:00:00+12:00',
        date: '2024-05-03',
        weekday: 'Friday',
        utc: '2024-05-02T22:00:00.000Z',
      });
    } finally {
      await h.close();
    }
  });
});
