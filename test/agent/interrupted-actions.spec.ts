import assert from 'node:assert/strict';
import { PendingActions } from '../../src/agent/confirm/pending-actions';
import { Sealer } from '../../src/crypto/sealer';
import { recurringJobs } from '../../src/jobs';
import { call, text } from '../fakes/gemini/server';
import { connectSlackUser } from '../helpers/users';
import { ADA_SLACK, type AgentWorld, type Card, DM, startAgentWorld } from './harness';

const SEND = '/gmail/v1/users/me/messages/send';
const sweep = recurringJobs.find((j) => j.name === 'recover-stalled-actions');

/**
 * No action in limbo: a Confirm whose run died between the claim and the outcome (a crash, a deploy,
 * a database that would not take the write) used to stay "running" for ever — every later click said
 * "already being carried out" and nobody learnt whether the mail went. After its lease Lume finds
 * out, from Gmail, by the Message-ID it gave the mail, and says so; it never sends again on a guess.
 */
describe('agent: a confirmed action whose run died is found out and told, once', () => {
  let w: AgentWorld;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2026-03-10T09:00:00Z');
    w = await startAgentWorld({ now: () => now });
  });
  afterEach(() => w.close());

  async function propose(name: string, args: Record<string, unknown>): Promise<Card> {
    w.gemini.push(call(name, args), text('Check the card.'));
    await w.dm('please do it', { thread_ts: '1773133200.000100' });
    return (await w.cards()).at(-1) as Card;
  }
  const proposeMail = () =>
    propose('send_email', { to: ['bob@example.com'], subject: 'Numbers', body: 'Q3 is up 4%.' });
  const actions = () => new PendingActions(w.t.ctx.db.models, new Sealer(w.t.ctx.cipher), () => now);
  /** The process dies right after the claim: the row says running, nothing else happened. */
  const dieAfterClaim = (card: Card) => actions().claim(card.actionId, w.t.who.teamId, ADA_SLACK);
  /** The outcome cannot be written (the database went away): the run reached Gmail, the row still says running. */
  function failOutcomeWrites(): () => void {
    const model = w.t.ctx.db.models.PendingAction;
    const hook = (options: object) => {
      const to = (options as { attributes?: { status?: string } }).attributes?.status;
      if (to === 'done' || to === 'failed') throw new Error('database went away');
    };
    model.addHook('beforeBulkUpdate', 'lose-outcome', hook);
    return () => model.removeHook('beforeBulkUpdate', 'lose-outcome');
  }
  const leasePasses = () => {
    now = new Date(now.getTime() + 3 * 60_000);
  };
  const followUps = () =>
    w.t.slack.state
      .callsTo('chat.postMessage')
      .filter((c) => /Lume was interrupted/.test(String(c.args.text)));
  const status = async (card: Card) =>
    (await w.t.ctx.db.models.PendingAction.findByPk(card.actionId))?.status;

  it('died before Gmail: the card and a message say nothing was sent; a click no longer says "being carried out"', async () => {
    const card = await proposeMail();
    await dieAfterClaim(card);
    await w.click('confirm', card);
    assert.match(w.t.slack.state.messages.at(-1)?.text ?? '', /already being carried out/);

    assert.equal(
      await sweep?.run(w.t.ctx, { agent: w.t.agent }),
      0,
      'inside its lease the run may still be alive',
    );
    leasePasses();
    assert.equal(await sweep?.run(w.t.ctx, { agent: w.t.agent }), 1);
    assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 0, 'never sent on a guess');
    assert.equal(await status(card), 'failed');
    assert.match(
      JSON.stringify(card.message.blocks),
      /interrupted before it went through: Gmail has no such message/,
    );
    const [told] = followUps();
    assert.equal(told.args.channel, DM);
    assert.equal(told.args.thread_ts, '1773133200.000100', 'in the card’s thread');
    assert.match(String(told.args.text), /nothing was sent/);
    await w.click('confirm', card);
    assert.match(w.t.slack.state.messages.at(-1)?.text ?? '', /did not go through/);
    assert.equal(await sweep?.run(w.t.ctx, { agent: w.t.agent }), 0, 'settled once');
  });

  for (const replaced of [false, true]) {
    it(`died after Gmail took the mail${replaced ? ' (Gmail replaced the Message-ID)' : ''}: found by its Message-ID, said sent, never sent twice`, async () => {
      w.t.google.state.gmailReplacesMessageIds = replaced;
      const card = await proposeMail();
      const restore = failOutcomeWrites();
      await w.t.action({
        userId: ADA_SLACK,
        actionId: 'lume_action_confirm',
        value: card.actionId,
        container: { type: 'message', channelId: card.message.channel, messageTs: card.message.ts },
      });
      await w.t.logs.waitFor((l) => l.msg === 'card decided', 'the click');
      restore();
      assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 1);
      assert.equal(await status(card), 'running', 'the outcome was lost');

      leasePasses();
      assert.equal(await sweep?.run(w.t.ctx, { agent: w.t.agent }), 1);
      assert.equal(await status(card), 'done');
      assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 1, 'not sent again');
      assert.match(JSON.stringify(card.message.blocks), /Done — confirmed by <@U0ADA>.*it went through/);
      assert.match(String(followUps()[0]?.args.text), /it went through\. It was not done twice/);
      // The model hears it too.
      w.gemini.push(text('It went out.'));
      await w.dm('did it go?', { thread_ts: '1773133200.000100' });
      assert.match(JSON.stringify(w.gemini.requests.at(-1)?.body.contents), /carried out/);
    });
  }

  it('a calendar change Google cannot be asked about is "unknown", with where to look', async () => {
    const card = await propose('create_event', { title: 'Offsite', start: '2026-03-12T10:00' });
    await dieAfterClaim(card);
    leasePasses();
    assert.equal(await sweep?.run(w.t.ctx, { agent: w.t.agent }), 1);
    assert.equal(await status(card), 'unknown');
    assert.match(
      JSON.stringify(card.message.blocks),
      /cannot tell whether it went through\. Check your Google Calendar/,
    );
    assert.equal(w.t.google.state.requestsTo('/calendar/v3/calendars/primary/events', 'POST').length, 0);
    await w.click('confirm', card);
    assert.match(w.t.slack.state.messages.at(-1)?.text ?? '', /cannot tell whether it went through/);
  });

  it('the running server’s job engine runs the sweep each minute', async () => {
    const card = await proposeMail();
    await dieAfterClaim(card);
    await w.t.engine.runDue();
    assert.equal(await status(card), 'running', 'within the lease');
    leasePasses();
    await w.t.engine.runDue();
    assert.equal(await status(card), 'failed');
    assert.equal(followUps().length, 1);
  });

  it('two instances sweeping at once settle it once', async () => {
    const card = await proposeMail();
    await dieAfterClaim(card);
    const second = await startAgentWorld({
      now: () => now,
      server: { database: w.t.tdb, google: w.t.google, slack: w.t.slack },
    });
    try {
      leasePasses();
      const done = await Promise.all([
        sweep?.run(w.t.ctx, { agent: w.t.agent }),
        sweep?.run(second.t.ctx, { agent: second.t.agent }),
        sweep?.run(w.t.ctx, { agent: w.t.agent }),
      ]);
      assert.equal(
        done.reduce<number>((n, x) => n + (x ?? 0), 0),
        1,
      );
      assert.equal(followUps().length, 1, 'told once');
    } finally {
      await second.close();
    }
  });
});

describe('agent: Confirm runs only as the account the card was made for', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld();
  });
  afterEach(() => w.close());

  async function proposeMail(): Promise<Card> {
    w.gemini.push(
      call('send_email', { to: ['bob@example.com'], subject: 'Hi', body: 'Hello' }),
      text('Card.'),
    );
    await w.dm('mail bob');
    return (await w.cards()).at(-1) as Card;
  }
  const BOB = { sub: '990', email: 'other@example.com', name: 'Other' };

  it('disconnect and link another account, then Confirm: refused, nothing sent from either', async () => {
    const card = await proposeMail();
    const res = await w.t.command('disconnect', ADA_SLACK);
    await w.t.slack.state.waitForResponse(res.responseUrl);
    await connectSlackUser(w.t.ctx, w.t.google, { slackUserId: ADA_SLACK, account: BOB });
    await w.click('confirm', card);
    assert.equal(w.t.google.state.requestsTo('/gmail/v1/users/me/messages/send', 'POST').length, 0);
    assert.match(w.t.slack.state.messages.at(-1)?.text ?? '', /no longer exists/);
  });

  it('even if the card survived the switch, it does not run as the account now linked', async () => {
    const card = await proposeMail();
    // The link re-pointed without the forgetting (a listener failed, a restore from backup…).
    const other = await connectSlackUser(w.t.ctx, w.t.google, { slackUserId: 'U0OTHER', account: BOB });
    await w.t.ctx.db.models.SlackIdentity.update(
      { userId: other.user.id },
      { where: { slackUserId: ADA_SLACK } },
    );
    await w.click('confirm', card);
    assert.equal(w.t.google.state.requestsTo('/gmail/v1/users/me/messages/send', 'POST').length, 0);
    assert.match(
      JSON.stringify(card.message.blocks),
      /made for a Google account you are no longer linked to/,
    );
  });
});
