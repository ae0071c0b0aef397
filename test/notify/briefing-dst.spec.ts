import assert from 'node:assert/strict';
import { nextBriefingAt } from '../../src/settings/briefing-time';
import { startTestServer, type TestServer } from '../helpers/server';
import { briefed, briefingsTo, plannedBriefings } from './briefing-harness';

const daily = (hour: number, minute: number) => ({ hour, minute, days: 'daily' as const });
const next = (b: ReturnType<typeof daily>, zone: string, after: string) =>
  nextBriefingAt(b, zone, new Date(after)).toISOString();

describe('briefing time on daylight-saving days', () => {
  describe('nextBriefingAt', () => {
    it('Los Angeles spring forward (2025-03-09, 02:00 → 03:00): 02:30 does not exist and falls forward to 03:30 PDT, once', () => {
      assert.equal(
        next(daily(2, 30), 'America/Los_Angeles', '2025-03-09T08:00:00Z'),
        '2025-03-09T10:30:00.000Z',
      );
      assert.equal(
        next(daily(2, 30), 'America/Los_Angeles', '2025-03-09T10:30:00Z'),
        '2025-03-10T09:30:00.000Z',
      );
      // An ordinary time keeps its wall clock across the change: 08:30 PST on Saturday, 08:30 PDT on Sunday.
      assert.equal(
        next(daily(8, 30), 'America/Los_Angeles', '2025-03-08T16:30:00Z'),
        '2025-03-09T15:30:00.000Z',
      );
    });

    it('Los Angeles fall back (2025-11-02, 01:00–02:00 twice): 01:30 is its first occurrence, and only that', () => {
      assert.equal(
        next(daily(1, 30), 'America/Los_Angeles', '2025-11-02T07:00:00Z'),
        '2025-11-02T08:30:00.000Z',
      );
      // After the first 01:30 the next is tomorrow's, not the second 01:30 an hour later.
      assert.equal(
        next(daily(1, 30), 'America/Los_Angeles', '2025-11-02T08:30:00Z'),
        '2025-11-03T09:30:00.000Z',
      );
      assert.equal(
        next(daily(1, 30), 'America/Los_Angeles', '2025-11-02T09:00:00Z'),
        '2025-11-03T09:30:00.000Z',
      );
    });

    it('Berlin spring forward (2025-03-30, 02:00 → 03:00) and fall back (2025-10-26, 02:00–03:00 twice)', () => {
      assert.equal(next(daily(2, 30), 'Europe/Berlin', '2025-03-29T23:00:00Z'), '2025-03-30T01:30:00.000Z');
      assert.equal(next(daily(2, 30), 'Europe/Berlin', '2025-03-30T01:30:00Z'), '2025-03-31T00:30:00.000Z');
      assert.equal(next(daily(2, 30), 'Europe/Berlin', '2025-10-25T23:00:00Z'), '2025-10-26T00:30:00.000Z');
      assert.equal(next(daily(2, 30), 'Europe/Berlin', '2025-10-26T00:30:00Z'), '2025-10-27T01:30:00.000Z');
      assert.equal(next(daily(8, 0), 'Europe/Berlin', '2025-10-25T06:00:00Z'), '2025-10-26T07:00:00.000Z');
    });
  });

  describe('through the engine', () => {
    let t: TestServer;
    let clock = new Date('2025-03-08T12:00:00Z');
    const at = async (iso: string) => {
      clock = new Date(iso);
      await t.engine.runDue();
    };
    before(async () => {
      t = await startTestServer({ now: () => clock });
    });
    after(() => t.close());

    /** Every minute-ish pass over a window around the change: the briefing goes exactly once that day. */
    async function sweep(from: string, to: string, stepMs = 15 * 60_000) {
      for (let ms = Date.parse(from); ms <= Date.parse(to); ms += stepMs)
        await at(new Date(ms).toISOString());
    }

    it('Los Angeles spring forward: 02:30 goes once, at 03:30 PDT; Monday 02:30 PDT is next', async () => {
      clock = new Date('2025-03-09T07:00:00Z');
      const p = await briefed(t, 'U_LA_SPRING', 'America/Los_Angeles', daily(2, 30));
      await sweep('2025-03-09T07:00:00Z', '2025-03-09T13:00:00Z');
      const sent = briefingsTo(t, 'U_LA_SPRING');
      assert.equal(sent.length, 1);
      assert.deepEqual(await plannedBriefings(t, p.identityId), [
        { key: `briefing:${p.identityId}:2025-03-10`, runAt: '2025-03-10T09:30:00.000Z' },
      ]);
    });

    it('Los Angeles fall back: 01:30 goes once, at the first 01:30, not again an hour later', async () => {
      clock = new Date('2025-11-02T06:00:00Z');
      const p = await briefed(t, 'U_LA_FALL', 'America/Los_Angeles', daily(1, 30));
      await at('2025-11-02T08:29:00Z');
      assert.equal(briefingsTo(t, 'U_LA_FALL').length, 0);
      await at('2025-11-02T08:30:10Z'); // first 01:30 (PDT)
      assert.equal(briefingsTo(t, 'U_LA_FALL').length, 1);
      await sweep('2025-11-02T08:45:00Z', '2025-11-02T12:00:00Z'); // the second 01:30 (PST) passes
      assert.equal(briefingsTo(t, 'U_LA_FALL').length, 1);
      assert.deepEqual(await plannedBriefings(t, p.identityId), [
        { key: `briefing:${p.identityId}:2025-11-03`, runAt: '2025-11-03T09:30:00.000Z' },
      ]);
    });

    it('Berlin spring forward and fall back: once each day', async () => {
      clock = new Date('2025-03-29T22:00:00Z');
      await briefed(t, 'U_BER', 'Europe/Berlin', daily(2, 30));
      await sweep('2025-03-29T22:00:00Z', '2025-03-30T05:00:00Z');
      assert.equal(briefingsTo(t, 'U_BER').length, 1, 'spring forward');

      clock = new Date('2025-10-25T22:00:00Z');
      await t.ctx.settings.update({ teamId: t.who.teamId, slackUserId: 'U_BER' }, { briefing: daily(2, 30) });
      const before = briefingsTo(t, 'U_BER').length;
      await sweep('2025-10-25T22:00:00Z', '2025-10-26T05:00:00Z');
      assert.equal(briefingsTo(t, 'U_BER').length - before, 1, 'fall back');
    });

    it('without a model (no GEMINI_API_KEY) the agenda goes alone', async () => {
      const [sent] = briefingsTo(t, 'U_LA_SPRING');
      assert.doesNotMatch(JSON.stringify(sent.args.blocks), /:bulb:/);
      assert.match(JSON.stringify(sent.args.blocks), /Calendar/);
    });
  });
});
