import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { PendingActions } from '../../src/agent/confirm/pending-actions';
import { ConversationMemory } from '../../src/agent/memory/memory-store';
import { Sealer } from '../../src/crypto/sealer';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { createTestDatabase } from '../helpers/db';

const log = pino({ level: 'silent' });
const key = Buffer.alloc(32, 7);

describe('agent: housekeeping', () => {
  it('purges pending actions a day past expiry and memory older than 30 days, nothing newer', async () => {
    const t = await createTestDatabase();
    try {
      let now = new Date('2026-03-01T00:00:00Z');
      const sealer = new Sealer(new TokenCipher(key));
      const user = await t.db.models.User.create({
        id: randomUUID(),
        googleId: 'g-hk',
        email: 'hk@example.com',
        name: null,
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenExpiresAt: null,
        grantedScopes: '',
        status: 'connected',
      });
      const actions = new PendingActions(t.db.models, sealer, () => now);
      const memory = new ConversationMemory(t.db.models, sealer, log, () => now);
      const base = {
        teamId: 'T',
        slackUserId: 'U',
        userId: user.id,
        channelId: 'D',
        conversationKey: 'k',
        toolName: 'x',
        args: {},
      };
      await actions.create({ ...base, preview: { title: 'old', fields: [] } });
      await memory.append({ userId: user.id, teamId: 'T', channelId: 'D' }, [
        { role: 'user', parts: [{ text: 'old' }] },
      ]);
      now = new Date('2026-03-02T00:00:00Z');
      await actions.create({ ...base, preview: { title: 'new', fields: [] } });
      now = new Date('2026-03-31T12:00:00Z');
      await memory.append({ userId: user.id, teamId: 'T', channelId: 'D' }, [
        { role: 'user', parts: [{ text: 'new' }] },
      ]);
      now = new Date('2026-03-02T12:00:00Z');
      assert.equal(await actions.purgeStale(), 1);
      now = new Date('2026-03-31T12:00:00Z');
      assert.equal(await memory.purgeStale(), 1);
      assert.equal(await t.db.models.PendingAction.count(), 1);
      assert.equal(await t.db.models.AgentMessage.count(), 1);
    } finally {
      await t.cleanup();
    }
  });
});
