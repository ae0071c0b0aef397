import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import { LinkPolicy } from '../../src/agent/link-policy';
import { taskUpdate } from '../../src/slack/agent/task-update';
import { calls, text } from '../fakes/gemini/server';
import { seedEvent } from '../fakes/google/seed';
import { ADA } from '../fakes/google/server';
import { newTs } from '../fakes/slack/payloads';
import { type AgentWorld, DM, startAgentWorld } from './harness';

const NOW = new Date('2026-03-10T09:00:00Z');
type Task = { id: string; title: string; status: string; output?: string; sources?: { url: string }[] };

/** Thinking steps: each tool call of a threaded answer as Slack's streamed task_update chunks. */
describe('thinking steps in a thread', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld({ now: () => NOW });
    seedEvent(w.t.google.state, ADA.sub, {
      summary: 'Standup',
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      start: { dateTime: '2026-03-11T09:30:00Z' },
      end: { dateTime: '2026-03-11T09:45:00Z' },
    });
  });
  afterEach(() => w.close());

  it('streams pending → in progress → complete with sources, and error for a failing tool, then the answer', async () => {
    w.gemini.push(
      calls(
        { name: 'list_events', args: { start: '2026-03-11T00:00:00', end: '2026-03-12T00:00:00' } },
        { name: 'get_event', args: { eventId: 'no-such-event' } },
      ),
      text('Tomorrow you have **Standup** at 9:30.\n'),
    );
    await w.dm('What is on tomorrow, and what is event no-such-event?', { thread_ts: newTs() });

    const s = w.t.slack.state;
    const [start] = s.callsTo('chat.startStream');
    assert.ok(start, 'the answer was streamed');
    assert.equal(start.args.task_display_mode, 'timeline');
    const message = s.messages.find((m) => m.ts === s.callsTo('chat.stopStream')[0]?.args.ts);
    assert.ok(message?.chunks, 'the streamed message recorded its chunks');
    const tasks = s.taskUpdates(message) as Task[];
    const byId = (id: string) => tasks.filter((t) => t.id === id);
    const ids = [...new Set(tasks.map((t) => t.id))];
    assert.equal(ids.length, 2, 'one step per tool call');
    const [listing, failing] = ids.map(byId);
    assert.deepEqual(
      listing.map((t) => t.status),
      ['pending', 'in_progress', 'complete'],
    );
    assert.deepEqual(
      failing.map((t) => t.status),
      ['pending', 'in_progress', 'error'],
    );
    assert.equal(listing[0].title, 'Checking your calendar · list events');
    assert.match(failing.at(-1)?.output ?? '', /Not found/);
    // Both calls were announced together before either ran.
    assert.deepEqual(
      tasks.slice(0, 2).map((t) => t.status),
      ['pending', 'pending'],
    );
    // The listing's sources are the links Google gave the event (each allowed by the link policy).
    const sources = (listing.at(-1)?.sources ?? []).map((x) => x.url);
    assert.ok(sources.includes('https://meet.google.com/abc-defg-hij'), JSON.stringify(sources));
    assert.ok(sources.some((u) => u.startsWith('https://www.google.com/calendar/event?eid=')));
    // Steps come first, then the answer's text, and the message closes with the feedback buttons.
    const kinds = (message.chunks ?? []).map((c) => c.type);
    assert.ok(kinds.lastIndexOf('task_update') < kinds.indexOf('markdown_text'), kinds.join(','));
    assert.match(message.text ?? '', /Tomorrow you have \*\*Standup\*\*/);
    assert.match(JSON.stringify(message.blocks), /feedback_buttons/);
  });

  it('a top-level DM keeps the posted answer: no stream, no steps', async () => {
    w.gemini.push(
      calls({ name: 'list_events', args: { start: '2026-03-11T00:00:00', end: '2026-03-12T00:00:00' } }),
      text('Tomorrow: Standup.'),
    );
    await w.dm('What is on tomorrow?');
    assert.equal(w.t.slack.state.callsTo('chat.startStream').length, 0);
    assert.ok(
      w.t.slack.state.messages.some((m) => m.channel === DM && m.text?.includes('Tomorrow: Standup')),
    );
    assert.doesNotMatch(JSON.stringify(w.t.slack.state.calls), /task_update/);
  });

  it('a step is closed as stopped when the turn ends before the tool answers', async () => {
    const fast = await startAgentWorld({ now: () => NOW, env: { AGENT_TURN_TIMEOUT_MS: '1000' } });
    try {
      fast.t.google.state.delays.push({ match: /\/events$/, ms: 3000 });
      fast.gemini.push(
        calls({ name: 'list_events', args: { start: '2026-03-11T00:00:00', end: '2026-03-12T00:00:00' } }),
      );
      await fast.dm('What is on tomorrow?', { thread_ts: newTs() });
      const s = fast.t.slack.state;
      const message = s.messages.find((m) => m.ts === s.callsTo('chat.stopStream')[0]?.args.ts);
      const tasks = message ? (s.taskUpdates(message) as Task[]) : [];
      assert.deepEqual(
        tasks.map((t) => t.status),
        ['pending', 'in_progress', 'error'],
      );
      assert.equal(tasks.at(-1)?.output, 'Stopped before it finished.');
      assert.match(message?.text ?? '', /took longer than I allow/);
    } finally {
      await fast.close();
    }
  });

  it('the fake Slack refuses chunks Slack would refuse (invalid_chunks), as the real one does', async () => {
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: w.t.slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    const target = { channel: DM, thread_ts: newTs() };
    const bad = [
      { type: 'task_update', id: 't1', title: 'x', status: 'done' },
      { type: 'task_update', id: 't1', title: 'x', status: 'complete', output: 'o'.repeat(257) },
      {
        type: 'task_update',
        id: 't1',
        title: 'x',
        status: 'complete',
        sources: [{ url: 'javascript:alert(1)', text: 'x' }],
      },
      { type: 'thoughts', text: 'x' },
    ];
    for (const chunk of bad)
      await assert.rejects(
        client.chat.startStream({ ...target, chunks: [chunk as never] }),
        /invalid_chunks/,
        JSON.stringify(chunk),
      );
    const ok = await client.chat.startStream({
      ...target,
      chunks: [{ type: 'task_update', id: 't1', title: 'Checking', status: 'pending' }],
    });
    await client.chat.stopStream({ channel: DM, ts: ok.ts as string });
    await assert.rejects(
      client.chat.appendStream({ channel: DM, ts: ok.ts as string, markdown_text: 'late' }),
      /message_not_in_streaming_state/,
    );
  });

  it("a step's sources are only links the turn's link policy allows", () => {
    const links = new LinkPolicy();
    links.learn({ htmlLink: 'https://www.google.com/calendar/event?eid=ok' }, ['htmlLink']);
    const chunk = taskUpdate(
      {
        id: 't1',
        title: 'Checking your calendar · get event',
        status: 'complete',
        sources: [
          { url: 'https://www.google.com/calendar/event?eid=ok', text: 'Google Calendar' },
          { url: 'https://evil.example/?q=secret', text: 'Google Calendar' },
        ],
      },
      links,
    );
    assert.deepEqual(chunk.sources, [
      { type: 'url', url: 'https://www.google.com/calendar/event?eid=ok', text: 'Google Calendar' },
    ]);
  });
});
