import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Content } from '@google/genai';
import pino from 'pino';
import type { User } from '../../models';
import { ACTION_TTL_MS, PendingActions } from '../../src/agent/confirm/pending-actions';
import { ConversationMemory, DEFAULT_MEMORY } from '../../src/agent/memory/memory-store';
import { Sealer } from '../../src/crypto/sealer';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { durableDatabase } from './durable-db';

const log = pino({ level: 'silent' });
const key = Buffer.alloc(32, 7);

describe('agent: pending actions and memory in the database', () => {
  let t: TestDatabase;
  let user: User;
  let now: Date;
  const clock = () => now;
  const sealer = new Sealer(new TokenCipher(key));
  beforeEach(async () => {
    t = await createTestDatabase();
    now = new Date('2026-03-10T09:00:00Z');
    user = await t.db.models.User.create({
      id: randomUUID(),
      googleId: 'g-agent',
      email: 'ada@example.com',
      name: 'Ada',
      accessTokenEnc: null,
      refreshTokenEnc: null,
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
  });
  afterEach(() => t.cleanup());

  const actions = () => new PendingActions(t.db.models, sealer, clock);
  const propose = () =>
    actions().create({
      teamId: 'T1',
      slackUserId: 'U1',
      userId: user.id,
      channelId: 'D1',
      conversationKey: 'k',
      toolName: 'send_email',
      args: { to: ['bob@example.com'], body: 'secret plans' },
      preview: { title: 'Send email', fields: [{ label: 'To', value: 'bob@example.com' }] },
    });

  it('stores arguments and preview encrypted, readable only through the store', async () => {
    const action = await propose();
    const [row] = await t.db.sequelize.query('SELECT * FROM pending_actions', { type: 'SELECT' });
    assert.ok(!JSON.stringify(row).includes('secret plans'));
    assert.ok(!JSON.stringify(row).includes('bob@example.com'));
    assert.deepEqual(actions().args(action), { to: ['bob@example.com'], body: 'secret plans' });
    assert.equal(actions().preview(action).title, 'Send email');
  });

  it('of many simultaneous confirms exactly one wins', async () => {
    const action = await propose();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => actions().claim(action.id, 'T1', 'U1')),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'running'));
  });

  it('refuses another user, another team, an unknown id, and a second decision', async () => {
    const action = await propose();
    assert.deepEqual(pick(await actions().claim(action.id, 'T1', 'U2')), { ok: false, reason: 'not_yours' });
    assert.deepEqual(pick(await actions().claim(action.id, 'T2', 'U1')), { ok: false, reason: 'not_yours' });
    assert.deepEqual(pick(await actions().claim(randomUUID(), 'T1', 'U1')), {
      ok: false,
      reason: 'not_found',
    });
    assert.equal((await actions().cancel(action.id, 'T1', 'U1')).ok, true);
    assert.deepEqual(pick(await actions().claim(action.id, 'T1', 'U1')), { ok: false, reason: 'cancelled' });
  });

  it('expires after 15 minutes: no confirm, and the row says expired', async () => {
    const action = await propose();
    now = new Date(now.getTime() + ACTION_TTL_MS + 1);
    assert.deepEqual(pick(await actions().claim(action.id, 'T1', 'U1')), { ok: false, reason: 'expired' });
    await action.reload();
    assert.equal(action.status, 'expired');
  });

  it('memory: appends, loads oldest first, and survives a new database connection', async () => {
    const durable = await durableDatabase();
    const first = await durable.db.models.User.create({ ...user.get(), googleId: 'g-durable' });
    const ref = { userId: first.id, teamId: 'T1', channelId: 'D1', threadTs: '1.1' };
    const contents: Content[] = [
      { role: 'user', parts: [{ text: 'hello' }] },
      { role: 'model', parts: [{ text: 'hi Ada' }] },
    ];
    await new ConversationMemory(durable.db.models, sealer, log, clock).append(ref, contents);
    const second = await durable.reopen();
    try {
      assert.deepEqual(
        await new ConversationMemory(second.db.models, sealer, log, clock).load(ref),
        contents,
      );
    } finally {
      await second.cleanup();
      await durable.cleanup();
    }
  });

  it('memory: trimmed by size to whole turns, older rows deleted', async () => {
    const memory = new ConversationMemory(t.db.models, sealer, log, clock, {
      ...DEFAULT_MEMORY,
      maxChars: 400,
    });
    const ref = { userId: user.id, teamId: 'T1', channelId: 'D1', threadTs: '2.2' };
    for (let i = 0; i < 10; i++) {
      await memory.append(ref, [
        { role: 'user', parts: [{ text: `question ${i}` }] },
        { role: 'model', parts: [{ functionCall: { name: 'get_current_time', args: {} } }] },
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_current_time', response: { output: 'x'.repeat(40) } } }],
        },
        { role: 'model', parts: [{ text: `answer ${i}` }] },
      ]);
    }
    const history = await memory.load(ref);
    assert.deepEqual(history[0], { role: 'user', parts: [{ text: 'question 9' }] }, 'starts at a question');
    assert.ok(JSON.stringify(history).length <= 400);
    const left = await t.db.models.AgentMessage.count();
    assert.ok(left < 40, `rows beyond the budget were deleted in a batch (${left} left)`);
    assert.deepEqual(await memory.load(ref), history, 'what is kept reads the same after the prune');
  });

  it('memory: a new thread starts fresh; top-level DMs remember only the last hour', async () => {
    const memory = new ConversationMemory(t.db.models, sealer, log, clock);
    const top = { userId: user.id, teamId: 'T1', channelId: 'D1' };
    await memory.append(top, [{ role: 'user', parts: [{ text: 'old' }] }]);
    assert.deepEqual(await memory.load({ ...top, threadTs: '9.9' }), []);
    assert.equal((await memory.load(top)).length, 1);
    now = new Date(now.getTime() + 61 * 60 * 1000);
    assert.deepEqual(await memory.load(top), []);
  });
});

const pick = (d: { ok: boolean; reason?: string }) => ({
  ok: d.ok,
  ...(d.reason ? { reason: d.reason } : {}),
});
