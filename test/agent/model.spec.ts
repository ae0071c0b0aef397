import assert from 'node:assert/strict';
import pino from 'pino';
import { ModelError } from '../../src/agent/model/errors';
import { createGeminiModel } from '../../src/agent/model/gemini';
import { DEFAULT_RETRY, type RetryClock } from '../../src/agent/model/retry';
import type { ModelRequest } from '../../src/agent/model/types';
import {
  call,
  calls,
  FAKE_GEMINI_KEY,
  type FakeGemini,
  fail,
  startFakeGemini,
  text,
} from '../fakes/gemini/server';

const request = (over: Partial<ModelRequest> = {}): ModelRequest => ({
  system: 'You are Lume.',
  contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
  declarations: [],
  toolsAllowed: true,
  ...over,
});

/** Records backoff waits instead of sleeping; `random` fixed so the delays are exact. */
function recordingClock(random = 0.5): RetryClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random: () => random, sleep: async (ms) => void waits.push(ms) };
}

describe('agent: Gemini model client (@google/genai against the fake Gemini server)', () => {
  let gemini: FakeGemini;
  const log = pino({ level: 'silent' });
  const signal = () => new AbortController().signal;
  beforeEach(async () => {
    gemini = await startFakeGemini();
  });
  afterEach(() => gemini.close());

  const model = (clock = recordingClock(), key = FAKE_GEMINI_KEY) =>
    createGeminiModel({ apiKey: key, model: 'gemini-test', baseUrl: gemini.url }, log, DEFAULT_RETRY, clock);

  it('sends system prompt, history and declarations through baseUrl; reads a text reply', async () => {
    gemini.push(text('Hello Ada'));
    const reply = await model().generate(
      request({
        declarations: [{ name: 'time_now', description: 'now', parametersJsonSchema: { type: 'object' } }],
      }),
      { signal: signal() },
    );
    assert.equal(reply.text, 'Hello Ada');
    const [req] = gemini.requests;
    assert.equal(req.method, 'generateContent');
    assert.equal(req.model, 'gemini-test');
    assert.equal(req.apiKey, FAKE_GEMINI_KEY);
    assert.equal(req.body.systemInstruction.parts[0].text, 'You are Lume.');
    assert.equal(req.body.tools[0].functionDeclarations[0].name, 'time_now');
    assert.equal(req.body.toolConfig.functionCallingConfig.mode, 'AUTO');
  });

  it('streams text over SSE, delta by delta, and reassembles one model part', async () => {
    gemini.push(text('one two three four', 4));
    const deltas: string[] = [];
    const reply = await model().generate(request(), { signal: signal(), onText: (d) => void deltas.push(d) });
    assert.equal(gemini.requests[0].method, 'streamGenerateContent');
    assert.ok(deltas.length >= 3, `expected several deltas, got ${deltas.length}`);
    assert.equal(deltas.join(''), 'one two three four');
    assert.equal(reply.content.parts?.length, 1);
    assert.equal(reply.finishReason, 'STOP');
  });

  it('returns parallel function calls with the thought signature kept on the part', async () => {
    gemini.push(calls({ name: 'a', args: { x: 1 } }, { name: 'b' }));
    const reply = await model().generate(request(), { signal: signal() });
    assert.deepEqual(
      reply.calls.map((c) => c.name),
      ['a', 'b'],
    );
    assert.deepEqual(reply.calls[0].args, { x: 1 });
    assert.match(String(reply.content.parts?.[0].thoughtSignature), /^sig-/);
  });

  it('forbids tools when toolsAllowed is false (mode NONE)', async () => {
    gemini.push(text('ok'));
    await model().generate(
      request({
        declarations: [{ name: 'x', parametersJsonSchema: { type: 'object' } }],
        toolsAllowed: false,
      }),
      { signal: signal() },
    );
    assert.equal(gemini.requests[0].body.toolConfig.functionCallingConfig.mode, 'NONE');
  });

  for (const status of [429, 500, 503, 504]) {
    it(`retries ${status} with jittered exponential backoff, then succeeds`, async () => {
      gemini.push(fail(status), fail(status), text('finally'));
      const clock = recordingClock(0.5);
      const reply = await model(clock).generate(request(), { signal: signal() });
      assert.equal(reply.text, 'finally');
      assert.equal(gemini.requests.length, 3);
      // full jitter: random × min(max, base × 2^(n-1)) → 0.5×500, 0.5×1000
      assert.deepEqual(clock.waits, [250, 500]);
    });
  }

  for (const status of [400, 403, 404]) {
    it(`does not retry ${status}`, async () => {
      gemini.push(fail(status), text('never'));
      await assert.rejects(model().generate(request(), { signal: signal() }), (err: unknown) => {
        assert.ok(err instanceof ModelError);
        assert.equal(err.status, status);
        assert.equal(err.retryable, false);
        return true;
      });
      assert.equal(gemini.requests.length, 1);
    });
  }

  it('gives up after maxAttempts and reports the failure as retryable', async () => {
    gemini.push(fail(503), fail(503), fail(503), fail(503), text('too late'));
    const clock = recordingClock(0.99);
    await assert.rejects(model(clock).generate(request(), { signal: signal() }), (err: unknown) => {
      assert.ok(err instanceof ModelError && err.retryable && err.status === 503);
      return true;
    });
    assert.equal(gemini.requests.length, DEFAULT_RETRY.maxAttempts);
    assert.equal(clock.waits.length, DEFAULT_RETRY.maxAttempts - 1);
  });

  it('does not wait when the server asks for longer than the retry budget', async () => {
    gemini.push(fail(429, 'Quota exceeded', '37s'), text('never'));
    const clock = recordingClock();
    await assert.rejects(model(clock).generate(request(), { signal: signal() }), ModelError);
    assert.deepEqual(clock.waits, []);
    assert.equal(gemini.requests.length, 1);
  });

  it('retries a stream that fails before its first chunk', async () => {
    gemini.push(fail(503), text('streamed after retry', 2));
    const deltas: string[] = [];
    const reply = await model().generate(request(), { signal: signal(), onText: (d) => void deltas.push(d) });
    assert.equal(reply.text, 'streamed after retry');
    assert.equal(deltas.join(''), 'streamed after retry');
    assert.equal(gemini.requests.length, 2);
  });

  it('stops at once when the turn is aborted (per-turn timeout)', async () => {
    gemini.delayMs = 5_000;
    gemini.push(text('slow'));
    const controller = new AbortController();
    const pending = model().generate(request(), { signal: controller.signal });
    controller.abort(new Error('turn timed out'));
    await assert.rejects(pending);
  });

  it('reports a wrong API key as a non-retryable 400', async () => {
    gemini.push(call('x'));
    await assert.rejects(
      model(recordingClock(), 'wrong-key').generate(request(), { signal: signal() }),
      (err: unknown) => {
        assert.ok(err instanceof ModelError && err.status === 400 && !err.retryable);
        return true;
      },
    );
  });
});
