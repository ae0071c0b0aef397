import assert from 'node:assert/strict';
import { createAgent } from '../../src/agent';
import { FAKE_GEMINI_KEY, type FakeGemini, startFakeGemini, text, userTexts } from '../fakes/gemini/server';
import { dmMessage, newTs } from '../fakes/slack/payloads';
import { startTestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';
import { durableDatabase } from './durable-db';
import { type AgentWorld, DM, startAgentWorld } from './harness';

describe('agent: conversation memory', () => {
  let w: AgentWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('a thread remembers its earlier turns; a new thread starts fresh', async () => {
    w = await startAgentWorld();
    w.gemini.push(
      text('Nice to meet you, Ada.'),
      text('Your favourite colour is teal.'),
      text('I do not know yet.'),
    );
    await w.dm('My favourite colour is teal.', { thread_ts: '1700000000.000001' });
    await w.dm('What is my favourite colour?', { thread_ts: '1700000000.000001' });
    assert.deepEqual(userTexts(w.gemini.requests[1]), [
      'My favourite colour is teal.',
      'What is my favourite colour?',
    ]);
    assert.equal(w.gemini.requests[1].body.contents[1].parts[0].text, 'Nice to meet you, Ada.');
    await w.dm('What is my favourite colour?', { thread_ts: '1700000000.000999' });
    assert.deepEqual(userTexts(w.gemini.requests[2]), ['What is my favourite colour?']);
  });

  it('survives a restart: a new server on a new database connection continues the conversation', async () => {
    const gemini: FakeGemini = await startFakeGemini();
    const store = await durableDatabase();
    const env = { GEMINI_API_KEY: FAKE_GEMINI_KEY, GEMINI_BASE_URL: gemini.url };
    const first = await startTestServer({
      env,
      database: store,
      agent: (ctx, ports) => createAgent(ctx, ports),
    });
    first.slack.state.addUser({ id: 'U0ADA', name: 'Ada', tz: 'Europe/London' });
    await connectSlackUser(first.ctx, first.google, { slackUserId: 'U0ADA' });
    gemini.push(text('Noted: the launch is on Friday.'));
    const one = await first.event(
      dmMessage({ user: 'U0ADA', text: 'The launch is on Friday.', channel: DM, ts: newTs() }),
    );
    await first.logs.processed(one.eventId);
    await first.close();

    const reopened = await store.reopen();
    const second = await startTestServer({
      env,
      database: reopened,
      google: first.google,
      agent: (ctx, ports) => createAgent(ctx, ports),
    });
    try {
      second.slack.state.addUser({ id: 'U0ADA', name: 'Ada', tz: 'Europe/London' });
      gemini.push(text('Friday.'));
      const two = await second.event(
        dmMessage({ user: 'U0ADA', text: 'When is the launch?', channel: DM, ts: newTs() }),
      );
      await second.logs.processed(two.eventId);
      assert.deepEqual(userTexts(gemini.requests[1]), ['The launch is on Friday.', 'When is the launch?']);
    } finally {
      await second.close();
      await reopened.cleanup();
      await store.cleanup();
      await first.google.close();
      await gemini.close();
    }
  });
});
