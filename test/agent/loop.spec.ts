import assert from 'node:assert/strict';
import { z } from 'zod';
import { SCOPES } from '../../src/google/scopes';
import { defineTool, type Tool } from '../../src/tools/types';
import { call, calls, declaredNames, functionResponses, text } from '../fakes/gemini/server';
import { type AgentWorld, startAgentWorld } from './harness';

/** Two tools that each wait until the other has started: run one after the other, they never finish. */
function barrierPair(): Tool[] {
  const started: Record<string, () => void> = {};
  const begun = {
    a: new Promise<void>((r) => (started.a = r)),
    b: new Promise<void>((r) => (started.b = r)),
  };
  const make = (me: 'a' | 'b', other: 'a' | 'b') =>
    defineTool({
      name: `wait_${me}`,
      description: 'test tool',
      input: z.object({}),
      scopes: [],
      sideEffect: false,
      async handler() {
        started[me]();
        await begun[other];
        return { done: me };
      },
    });
  return [make('a', 'b'), make('b', 'a')];
}

const boom = defineTool({
  name: 'boom',
  description: 'test tool that fails',
  input: z.object({ n: z.number().int() }),
  scopes: [],
  sideEffect: false,
  async handler() {
    throw new Error('socket hang up at 10.0.0.7 with secret internals');
  },
});

const ping = defineTool({
  name: 'ping',
  description: 'test tool',
  input: z.object({}),
  scopes: [],
  sideEffect: false,
  handler: async () => ({ pong: true }),
});

describe('agent: the function-calling loop', () => {
  let w: AgentWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('declares only the tools whose scopes the user granted', async () => {
    w = await startAgentWorld({ scopes: ['openid', 'email', SCOPES.calendarReadonly] });
    w.gemini.push(text('Hi'));
    await w.dm('hello');
    const names = declaredNames(w.gemini.requests[0]);
    assert.ok(names.includes('list_events') && names.includes('get_current_time'));
    for (const gmail of ['search_emails', 'send_email', 'read_email'])
      assert.ok(!names.includes(gmail), gmail);
    assert.ok(!names.includes('create_event'), 'calendar.readonly does not allow creating events');
    assert.ok(!names.includes('search_places'), 'no Maps key configured');
  });

  it('declares zod inputs as JSON Schema and marks data-changing tools as confirmed by the user', async () => {
    w = await startAgentWorld();
    w.gemini.push(text('Hi'));
    await w.dm('hello');
    const decls = w.gemini.requests[0].body.tools[0].functionDeclarations as Record<string, unknown>[];
    const send = decls.find((d) => d.name === 'send_email') as {
      description: string;
      parametersJsonSchema: Record<string, unknown>;
    };
    assert.match(send.description, /nothing happens unless they click Confirm/);
    assert.equal(send.parametersJsonSchema.type, 'object');
    assert.deepEqual((send.parametersJsonSchema.required as string[]).sort(), ['body', 'subject', 'to']);
    assert.ok(!('$schema' in send.parametersJsonSchema));
  });

  it('runs several calls from one response in parallel and answers them together', async () => {
    w = await startAgentWorld({ tools: barrierPair() });
    w.gemini.push(calls({ name: 'wait_a' }, { name: 'wait_b' }), text('Both done.'));
    await w.dm('do both');
    const responses = functionResponses(w.gemini.requests[1]);
    assert.deepEqual(
      responses.map((r) => [r.name, (r.response.output as { untrusted_data: unknown }).untrusted_data]),
      [
        ['wait_a', { done: 'a' }],
        ['wait_b', { done: 'b' }],
      ],
    );
    // The model's turn went back with its thought signature untouched.
    assert.match(String(w.gemini.requests[1].body.contents.at(-2).parts[0].thoughtSignature), /^sig-/);
  });

  it('returns tool failures, bad arguments and unknown tools to the model as data, without internals', async () => {
    w = await startAgentWorld({ tools: [boom, ping] });
    w.gemini.push(
      calls({ name: 'boom', args: { n: 1 } }, { name: 'boom', args: { n: 'x' } }, { name: 'nope' }),
      text('Something failed.'),
    );
    await w.dm('try');
    const [failed, invalid, unknown] = functionResponses(w.gemini.requests[1]).map((r) => r.response);
    assert.deepEqual(failed, { error: 'Something went wrong in boom.' });
    assert.match(String(invalid.error), /^Invalid arguments: n:/);
    assert.match(String(unknown.error), /no tool named "nope"/);
    assert.doesNotMatch(JSON.stringify(w.gemini.requests[1].body), /10\.0\.0\.7|secret internals/);
    assert.ok(w.t.slack.state.messages.some((m) => m.text?.includes('Something failed.')));
  });

  it('caps tool calls per turn and then asks for an answer without tools', async () => {
    w = await startAgentWorld({ tools: [ping], env: { AGENT_MAX_TOOL_CALLS: '2' } });
    w.gemini.push(calls({ name: 'ping' }, { name: 'ping' }, { name: 'ping' }), text('Enough pings.'));
    await w.dm('ping a lot');
    const third = functionResponses(w.gemini.requests[1])[2].response;
    assert.match(String(third.error), /Tool call limit/);
    assert.equal(w.gemini.requests[1].body.toolConfig.functionCallingConfig.mode, 'NONE');
  });

  it('stops after the maximum number of steps with a final answer, and keeps no dangling call', async () => {
    w = await startAgentWorld({ tools: [ping], env: { AGENT_MAX_STEPS: '2' } });
    w.gemini.push(call('ping'), call('ping'));
    await w.dm('loop forever');
    assert.equal(w.gemini.requests.length, 2);
    assert.equal(w.gemini.requests[1].body.toolConfig.functionCallingConfig.mode, 'NONE');
    // The second reply's call was never run; it is not kept in memory either.
    w.gemini.push(text('fresh'));
    await w.dm('again');
    const history = w.gemini.requests[2].body.contents as { parts: Record<string, unknown>[] }[];
    const callsInHistory = history.flatMap((c) => c.parts).filter((p) => p.functionCall).length;
    const responsesInHistory = history.flatMap((c) => c.parts).filter((p) => p.functionResponse).length;
    assert.equal(callsInHistory, responsesInHistory);
  });
});
