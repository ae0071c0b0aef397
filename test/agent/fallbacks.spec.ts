import assert from 'node:assert/strict';
import { call, text } from '../fakes/gemini/server';
import { type AgentWorld, startAgentWorld } from './harness';

const THREAD = '1700000000.000500';

describe('agent: fallbacks', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld();
  });
  afterEach(() => w.close());

  it('when Slack refuses streaming, the answer is posted in the thread instead', async () => {
    w.t.slack.state.failures.push({ method: 'chat.startStream', error: 'not_allowed_token_type' });
    w.gemini.push(text('Your day is clear.\n'));
    await w.dm('anything today?', { thread_ts: THREAD });
    const post = w.t.slack.state.callsTo('chat.postMessage').at(-1);
    assert.equal(post?.args.thread_ts, THREAD);
    assert.match(String(post?.args.text), /Your day is clear/);
    assert.match(JSON.stringify(post?.args.blocks), /feedback_buttons/);
  });

  it('when assistant status is unavailable (not an assistant thread), the answer still comes', async () => {
    w.t.slack.state.failures.push({ method: 'assistant.threads.setStatus', error: 'channel_not_found' });
    w.gemini.push(call('get_current_time'), text('Still here.\n'));
    await w.dm('hello?', { thread_ts: THREAD });
    assert.equal(
      w.t.slack.state.callsTo('assistant.threads.setStatus').length,
      1,
      'not retried at the tool step',
    );
    assert.ok(w.t.slack.state.messages.some((m) => m.text?.includes('Still here.')));
  });

  it('when Gemini blocks the prompt, the person is asked to rephrase and nothing broken is remembered', async () => {
    w.gemini.push({ kind: 'blocked', reason: 'PROHIBITED_CONTENT' }, text('ok'));
    await w.dm('something Gemini refuses');
    assert.match(w.t.slack.state.messages.at(-1)?.text ?? '', /Could you rephrase it\?/);
    await w.dm('something else');
    const history = w.gemini.requests[1].body.contents as { role: string; parts: unknown[] }[];
    assert.ok(
      history.every((c) => c.parts.length > 0),
      'no empty model turn in the history',
    );
  });
});
