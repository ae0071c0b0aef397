import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { type RecordingAgent, startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

type Reply = {
  response_type?: string;
  text?: string;
  blocks?: { type: string; accessory?: { url?: string } }[];
};

/** Every /lume subcommand, connected and not, through the signed endpoint and response_url. */
describe('/lume commands', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    for (const id of ['U_NEW', 'U_ADA', 'U_PART', 'U_GONE', 'U_ASK', 'U_NOASK', 'U_BYE', 'U_X'])
      t.slack.state.addUser({ id, name: id.toLowerCase(), tz: 'Europe/London' });
  });
  after(() => t.close());

  /** Run `/lume <text>`, check the ack came back empty and fast, and return the response_url reply. */
  async function run(text: string, userId: string, n = 1): Promise<Reply[]> {
    const res = await t.command(text, userId);
    assert.equal(res.status, 200);
    assert.equal(res.text, '', 'acked with an empty body; the answer follows via response_url');
    return (await t.slack.state.waitForResponse(res.responseUrl, n)).map((r) => r.body as Reply);
  }
  const connectUrlIn = (r: Reply) => r.blocks?.find((b) => b.accessory?.url)?.accessory?.url ?? '';

  it('connect (not connected): an ephemeral one-time link bound to this user, and what Lume will access', async () => {
    const [r] = await run('connect', 'U_NEW');
    assert.equal(r.response_type, 'ephemeral');
    const url = new URL(connectUrlIn(r));
    assert.equal(url.origin, t.url);
    assert.equal(url.pathname, '/auth/oauth/google');
    const consumed = await t.ctx.links.consume(url.searchParams.get('link') as string);
    assert.deepEqual(consumed, { teamId: t.who.teamId, slackUserId: 'U_NEW' });
    const all = JSON.stringify(r.blocks);
    for (const area of ['Gmail (read)', 'Calendar', 'Tasks', 'Keep']) assert.ok(all.includes(area), area);
    assert.match(all, /Confirm/);
  });

  it('connect (connected): says which account, and the link adds access or switches', async () => {
    await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_ADA' });
    const [r] = await run('connect', 'U_ADA');
    assert.match(JSON.stringify(r.blocks), /connected as \*ada@example.com\*/);
    assert.ok(connectUrlIn(r));
  });

  it('status (connected): the account, granted areas in words, and what is missing with how to add it', async () => {
    await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_PART',
      account: { sub: '200', email: 'part@example.com', name: 'Part' },
      scopes: ['openid', 'email', SCOPES.gmailReadonly, SCOPES.calendar],
    });
    const [r] = await run('status', 'U_PART');
    assert.equal(r.response_type, 'ephemeral');
    assert.match(r.text as string, /Connected as part@example.com/);
    assert.match(r.text as string, /Lume can use: Gmail \(read\), Calendar\./);
    assert.match(r.text as string, /Not granted: Gmail \(send\), Gmail \(organise\), Tasks, Keep/);
    assert.match(JSON.stringify(r.blocks), /run `\/lume connect`/);
    assert.match(JSON.stringify(r.blocks), /Assistant: not set up/);
  });

  it('status (not connected): says so and offers the connect link', async () => {
    const [r] = await run('status', 'U_X');
    assert.match(JSON.stringify(r.blocks), /No Google account is connected/);
    assert.ok(connectUrlIn(r).startsWith(`${t.url}/auth/oauth/google?link=`));
  });

  it('status (grant revoked): names the lost account and offers the link', async () => {
    const { user } = await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_GONE',
      account: { sub: '300', email: 'gone@example.com', name: 'Gone' },
    });
    await t.ctx.google.markRevoked(user.id);
    const [r] = await run('status', 'U_GONE');
    assert.match(JSON.stringify(r.blocks), /no longer has access to gone@example.com/);
    assert.ok(connectUrlIn(r));
  });

  it('disconnect (connected): revokes at Google, forgets the account, confirms', async () => {
    const { user, refreshToken, account } = await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_BYE',
      account: { sub: '400', email: 'bye@example.com', name: 'Bye' },
    });
    const [r] = await run('disconnect', 'U_BYE');
    assert.equal(r.response_type, 'ephemeral');
    assert.match(r.text as string, /Disconnected bye@example.com\. Lume revoked its Google access/);
    assert.ok(t.google.state.revoked.includes(refreshToken), 'revoked at Google with the refresh token');
    assert.equal(
      t.google.state.refreshTokens.size > 0 &&
        [...t.google.state.refreshTokens.values()].some((g) => g.sub === account.sub),
      false,
    );
    assert.equal(await t.ctx.db.models.User.findByPk(user.id), null, 'tokens and all');
    // App Home follows: it now offers Connect.
    await t.slack.state.waitForCall('views.publish', (c) => c.args.user_id === 'U_BYE');
  });

  it('disconnect (not connected): nothing to do, said plainly', async () => {
    const [r] = await run('disconnect', 'U_X');
    assert.match(r.text as string, /Nothing to disconnect/);
  });

  it('today (not connected): says so and offers the connect link', async () => {
    const [r] = await run('today', 'U_X');
    assert.match(JSON.stringify(r.blocks), /To show your day, Lume needs your Google account/);
    assert.ok(connectUrlIn(r));
  });

  it('a question goes to the agent, answered in the DM thread of the question', async () => {
    await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_ASK',
      account: { sub: '500', email: 'ask@example.com', name: 'Ask' },
    });
    const [r] = await run('when am I free on Thursday?', 'U_ASK');
    assert.equal(r.response_type, 'ephemeral');
    assert.match(
      r.text as string,
      /I'll answer in <slack:\/\/app\?team=T0LUME&id=A0LUME&tab=messages\|our DM>/,
    );
    const agent = t.agent as RecordingAgent;
    const [echo] = await t.slack.state.waitForCall(
      'chat.postMessage',
      (c) => c.args.text === 'echo: when am I free on Thursday?',
    );
    const turn = agent.turns.find((x) => x.slackUserId === 'U_ASK');
    assert.ok(turn);
    assert.equal(turn.source, 'command');
    assert.equal(turn.text, 'when am I free on Thursday?');
    assert.equal(turn.channelId, 'D_ASK');
    const question = t.slack.state.messages.find((m) => m.ts === turn.threadTs);
    assert.match(question?.text ?? '', /You asked \(\/lume\): when am I free on Thursday\?/);
    assert.equal(echo.args.thread_ts, turn.threadTs);
  });

  it('a question from someone not connected gets the connect link, and the agent is not called', async () => {
    const before = (t.agent as RecordingAgent).turns.length;
    const [r] = await run('summarise my inbox', 'U_NOASK');
    assert.match(JSON.stringify(r.blocks), /Lume needs your Google account/);
    assert.equal((t.agent as RecordingAgent).turns.length, before);
  });

  it('a near-miss subcommand gets "did you mean", not an agent turn', async () => {
    const res = await t.command('tody', 'U_ADA');
    assert.match((res.json() as Reply).text as string, /Did you mean `\/lume today`\?/);
  });

  it('a question that starts with a subcommand word is a question ("help me…", "status of…")', async () => {
    for (const q of [
      'help me draft a reply to Priya',
      'status of the Q3 report email?',
      'today what should I prepare for?',
    ])
      await run(q, 'U_ADA');
    for (const q of [
      'help me draft a reply to Priya',
      'status of the Q3 report email?',
      'today what should I prepare for?',
    ])
      await t.slack.state.waitForCall('chat.postMessage', (c) => c.args.text === `echo: ${q}`);
    const help = await t.command('help', 'U_ADA');
    assert.match((help.json() as Reply).text as string, /^Lume commands:/, 'help alone is still help');
  });

  it('words that are object properties are questions, not subcommands', async () => {
    await run('constructor', 'U_ADA');
    await t.slack.state.waitForCall('chat.postMessage', (c) => c.args.text === 'echo: constructor');
  });
});
