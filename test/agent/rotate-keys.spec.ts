import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { PendingActions } from '../../src/agent/confirm/pending-actions';
import { ConversationMemory } from '../../src/agent/memory/memory-store';
import { Sealer } from '../../src/crypto/sealer';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { reencryptAgentData } from '../../src/rotate-keys';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('agent: key rotation', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.cleanup());

  it('re-encrypts memory and pending actions so the old key can go', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const now = () => new Date();
    const log = pino({ level: 'silent' });
    const user = await t.db.models.User.create({
      id: randomUUID(),
      googleId: 'g-rot',
      email: 'rot@example.com',
      name: null,
      accessTokenEnc: null,
      refreshTokenEnc: null,
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
    const before = new Sealer(new TokenCipher(oldKey));
    const ref = { userId: user.id, teamId: 'T', channelId: 'D', threadTs: '1.1' };
    const history = [{ role: 'user', parts: [{ text: 'remember the launch' }] }];
    await new ConversationMemory(t.db.models, before, log, now).append(ref, history);
    const action = await new PendingActions(t.db.models, before, now).create({
      teamId: 'T',
      slackUserId: 'U',
      userId: user.id,
      channelId: 'D',
      conversationKey: 'k',
      toolName: 'send_email',
      args: { to: ['bob@example.com'] },
      preview: { title: 'Send email', fields: [] },
    });

    const during = new TokenCipher(newKey, [oldKey]);
    assert.deepEqual(await reencryptAgentData(t.db.models, during), { rewritten: 2, unreadable: 0 });
    assert.deepEqual(
      await reencryptAgentData(t.db.models, during),
      { rewritten: 0, unreadable: 0 },
      'a second run has nothing left to do',
    );

    const after = new Sealer(new TokenCipher(newKey));
    assert.deepEqual(await new ConversationMemory(t.db.models, after, log, now).load(ref), history);
    await action.reload();
    assert.deepEqual(new PendingActions(t.db.models, after, now).args(action), { to: ['bob@example.com'] });
  });
});
