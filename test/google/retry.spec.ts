import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { GoogleApis } from '../../src/google/apis';
import { GOOGLE_READ_RETRY, retryTransient } from '../../src/google/retry';
import { seedEvent } from '../fakes/google/seed';
import { recordingClock } from '../helpers/retry-clock';
import { startToolHarness, type ToolHarness } from '../tools/harness';

const EVENTS = /^\/calendar\/v3\/calendars\/primary\/events$/;

describe('retrying transient Google failures (src/google/retry.ts), through googleapis against the fake', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
    seedEvent(h.fake.state, h.sub, {
      summary: 'Standup',
      start: { dateTime: '2025-06-10T09:00:00Z' },
      end: { dateTime: '2025-06-10T09:15:00Z' },
    });
  });
  afterEach(() => h.close());

  // googleapis' own retry is off, as the agenda's calls have it: every attempt below is ours.
  const list = () =>
    h
      .ctx()
      .google.calendar()
      .events.list({ calendarId: 'primary' }, { retry: false })
      .then((r) => r.data.items ?? []);
  const calls = () => h.fake.state.requestsTo('/calendar/v3/calendars/primary/events').length;

  it('survives two 503s in a row, waiting 200–400 ms then 400–800 ms', async () => {
    h.fake.state.failures.push({ match: EVENTS, status: 503, times: 2 });
    const clock = recordingClock(() => 0.5);
    const items = await retryTransient(list, { clock });
    assert.equal(items[0]?.summary, 'Standup');
    assert.equal(calls(), 3);
    assert.deepEqual(clock.waits, [300, 600]);
  });

  it('jitters within bounds whose sum stays under the 1.5 s cap', async () => {
    for (const [random, expected] of [
      [0, [200, 400]],
      [0.999999, [399, 799]],
    ] as const) {
      h.fake.state.failures.push({ match: EVENTS, status: 429, times: 2 });
      const clock = recordingClock(() => random);
      await retryTransient(list, { clock });
      assert.deepEqual(clock.waits, expected);
      assert.ok(clock.waits.reduce((a, b) => a + b) <= GOOGLE_READ_RETRY.maxTotalWaitMs);
    }
  });

  it('a third failure in a row is Google being down: the error comes through after three calls', async () => {
    h.fake.state.failures.push({ match: EVENTS, status: 500, times: 3 });
    const clock = recordingClock();
    await assert.rejects(retryTransient(list, { clock }), (err: { status?: number }) => err.status === 500);
    assert.equal(calls(), 3);
    assert.equal(clock.waits.length, 2);
  });

  it("honours Google's Retry-After when it fits the cap, and gives up at once when it does not", async () => {
    h.fake.state.failures.push({ match: EVENTS, status: 429, times: 1, retryAfter: 1 });
    const short = recordingClock();
    await retryTransient(list, { clock: short });
    assert.deepEqual(short.waits, [1000]);

    h.fake.state.failures.push({ match: EVENTS, status: 429, times: 1, retryAfter: 30 });
    const before = calls();
    const long = recordingClock();
    await assert.rejects(retryTransient(list, { clock: long }));
    assert.equal(calls() - before, 1);
    assert.deepEqual(long.waits, []);
  });

  it('retries a rate-limit 403, never a 4xx that waiting cannot fix', async () => {
    h.fake.state.failures.push({ match: EVENTS, status: 403, times: 1, reason: 'rateLimitExceeded' });
    await retryTransient(list, { clock: recordingClock() });
    assert.equal(calls(), 2);
    for (const [status, reason] of [
      [403, 'insufficientPermissions'],
      [404, 'notFound'],
      [400, 'badRequest'],
      [401, 'authError'],
    ] as const) {
      h.fake.state.failures.push({ match: EVENTS, status, reason, times: 1 });
      const before = calls();
      const clock = recordingClock();
      await assert.rejects(
        retryTransient(list, { clock }),
        (err: { status?: number }) => err.status === status,
      );
      assert.equal(calls() - before, 1, `${status} ${reason} is not retried`);
      assert.deepEqual(clock.waits, []);
    }
  });

  it('retries a connection Google dropped before answering', async () => {
    // The first attempt reaches a server that resets the connection; the second reaches the fake.
    let resets = 0;
    const dropper = createServer((socket) => {
      resets += 1;
      socket.resetAndDestroy();
    });
    await new Promise<void>((r) => dropper.listen(0, '127.0.0.1', () => r()));
    const { port } = dropper.address() as { port: number };
    const urls = [`http://127.0.0.1:${port}`, h.fake.url];
    let attempt = 0;
    const clock = recordingClock();
    try {
      const items = await retryTransient(
        async () => {
          const root = urls[Math.min(attempt++, 1)];
          const res = await new GoogleApis(h.ctx().google.auth, root)
            .calendar()
            .events.list({ calendarId: 'primary' }, { retry: false });
          return res.data.items ?? [];
        },
        { clock },
      );
      assert.equal(resets, 1);
      assert.equal(items[0]?.summary, 'Standup');
      assert.equal(clock.waits.length, 1);
    } finally {
      await new Promise<void>((r) => dropper.close(() => r()));
    }
  });
});
