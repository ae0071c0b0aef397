import assert from 'node:assert/strict';
import { PendingActions } from '../../src/agent/confirm/pending-actions';
import { ConversationMemory } from '../../src/agent/memory/memory-store';
import { Sealer } from '../../src/crypto/sealer';
import type { FakeAccount } from '../fakes/google/state';
import { startTestServer, type TestServer } from '../helpers/server';
import { type ConnectedUser, connectSlackUser } from '../helpers/users';

const GRACE: FakeAccount = { sub: '810', email: 'grace@example.com', name: 'Grace Hopper' };

/**
 * Leaving means forgotten: after `/lume disconnect` Lume keeps nothing of the person but log lines —
 * no link, no account row, no conversation memory, no pending card — and says "not connected" after.
 * Another Slack identity on the same Google account keeps the account row (it is theirs too).
 */
describe('auth: /lume disconnect forgets the person (through the running server)', () => {
  let t: TestServer;
  let forgotten: string[];
  let unlinked: string[];
  beforeEach(async () => {
    t = await startTestServer();
    for (const id of ['U_GRACE', 'U_GRACE2', 'U_OTHER']) t.slack.state.addUser({ id, name: id, tz: 'UTC' });
    forgotten = [];
    unlinked = [];
    // What another module (settings, calendar state, jobs) adds: one line each.
    t.ctx.hooks.onAccountForgotten(({ userId }) => void forgotten.push(userId));
    t.ctx.hooks.onIdentityUnlinked(({ slackUserId }) => void unlinked.push(slackUserId));
  });
  afterEach(() => t.close());

  /** Memory and a pending card, as a conversation with the agent leaves them. */
  async function converse(c: ConnectedUser, slackUserId: string, teamId = t.who.teamId) {
    const sealer = new Sealer(t.ctx.cipher);
    const memory = new ConversationMemory(t.ctx.db.models, sealer, t.ctx.log, t.ctx.now);
    const ref = { userId: c.user.id, teamId, channelId: `D${slackUserId}` };
    await memory.append(ref, [{ role: 'user', parts: [{ text: 'my salary is 120k' }] }]);
    await new PendingActions(t.ctx.db.models, sealer, t.ctx.now).create({
      ...ref,
      slackUserId,
      conversationKey: `${c.user.id}:${teamId}:D${slackUserId}:-`,
      toolName: 'send_email',
      args: { to: ['bob@example.com'], subject: 'x', body: 'y' },
      preview: { title: 'Send email', fields: [] },
    });
  }
  const rowsOf = async (userId: string) => ({
    user: await t.ctx.db.models.User.count({ where: { id: userId } }),
    identities: await t.ctx.db.models.SlackIdentity.count({ where: { userId } }),
    memory: await t.ctx.db.models.AgentMessage.count({ where: { userId } }),
    actions: await t.ctx.db.models.PendingAction.count({ where: { userId } }),
  });
  async function run(text: string, userId: string): Promise<string> {
    const res = await t.command(text, userId);
    const [reply] = await t.slack.state.waitForResponse(res.responseUrl);
    return JSON.stringify(reply.body);
  }

  it('revokes at Google, then deletes the link, the account, its memory and its cards; status says not connected', async () => {
    const grace = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_GRACE', account: GRACE });
    await converse(grace, 'U_GRACE');
    assert.deepEqual(await rowsOf(grace.user.id), { user: 1, identities: 1, memory: 1, actions: 1 });

    assert.match(await run('disconnect', 'U_GRACE'), /Disconnected grace@example\.com/);
    assert.ok(t.google.state.revoked.includes(grace.refreshToken), 'revoked at Google');
    assert.deepEqual(await rowsOf(grace.user.id), { user: 0, identities: 0, memory: 0, actions: 0 });
    assert.deepEqual(forgotten, [grace.user.id], 'every subscriber heard it once');
    assert.deepEqual(unlinked, ['U_GRACE']);

    const status = await run('status', 'U_GRACE');
    assert.match(status, /No Google account is connected/);
    assert.doesNotMatch(status, /no longer has access|grace@example\.com/);
  });

  it('an account Google already revoked is still forgotten, not "Nothing to disconnect"', async () => {
    const grace = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_GRACE', account: GRACE });
    await converse(grace, 'U_GRACE');
    await t.ctx.google.markRevoked(grace.user.id); // invalid_grant: Google said the grant is gone
    const reply = await run('disconnect', 'U_GRACE');
    assert.doesNotMatch(reply, /Nothing to disconnect/);
    assert.match(reply, /Disconnected grace@example\.com/);
    assert.deepEqual(await rowsOf(grace.user.id), { user: 0, identities: 0, memory: 0, actions: 0 });
    assert.deepEqual(forgotten, [grace.user.id]);
    assert.match(await run('status', 'U_GRACE'), /No Google account is connected/);
    assert.match(await run('disconnect', 'U_GRACE'), /Nothing to disconnect/);
  });

  it('the same person in another workspace keeps the account; only the leaver is forgotten', async () => {
    const grace = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_GRACE', account: GRACE });
    const elsewhere = { teamId: 'T0OTHER', slackUserId: 'U_GRACE2' };
    const again = await connectSlackUser(t.ctx, t.google, { ...elsewhere, account: GRACE });
    assert.equal(again.user.id, grace.user.id);
    await converse(grace, 'U_GRACE');
    await converse(again, 'U_GRACE2', 'T0OTHER');
    await run('disconnect', 'U_GRACE');
    assert.deepEqual(await rowsOf(grace.user.id), { user: 1, identities: 1, memory: 1, actions: 1 });
    const left = await t.ctx.db.models.PendingAction.findOne({ where: { userId: grace.user.id } });
    assert.equal(left?.slackUserId, 'U_GRACE2', "the other identity's card is the one left");
    assert.deepEqual(forgotten, []);
    assert.deepEqual(unlinked, ['U_GRACE']);
    assert.match(await run('status', 'U_GRACE'), /No Google account is connected/);
    // There is one grant per Google account, revoked at Google: the other identity has to reconnect.
    assert.equal((await t.ctx.accounts.accountOf(elsewhere.teamId, elsewhere.slackUserId)).kind, 'revoked');
    await t.ctx.accounts.unlink(elsewhere, { revoke: 'always' });
    assert.deepEqual(await rowsOf(grace.user.id), { user: 0, identities: 0, memory: 0, actions: 0 });
    assert.deepEqual(forgotten, [grace.user.id]);
  });

  it('the Disconnect button forgets the same way', async () => {
    const grace = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_GRACE', account: GRACE });
    await converse(grace, 'U_GRACE');
    const responseUrl = t.slack.state.responseUrl();
    await t.action({
      userId: 'U_GRACE',
      actionId: 'lume_disconnect',
      container: { type: 'message', channelId: 'DU_GRACE', messageTs: '1700000000.000001' },
      responseUrl,
    });
    const [reply] = await t.slack.state.waitForResponse(responseUrl);
    assert.match(JSON.stringify(reply.body), /Disconnected grace@example\.com/);
    assert.deepEqual(await rowsOf(grace.user.id), { user: 0, identities: 0, memory: 0, actions: 0 });
  });

  it('a workspace uninstall forgets its people through the same hooks', async () => {
    const grace = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_GRACE', account: GRACE });
    await converse(grace, 'U_GRACE');
    const sent = await t.event({ type: 'app_uninstalled' });
    await t.logs.processed(sent.eventId);
    assert.deepEqual(await rowsOf(grace.user.id), { user: 0, identities: 0, memory: 0, actions: 0 });
    assert.deepEqual(forgotten, [grace.user.id]);
  });
});
