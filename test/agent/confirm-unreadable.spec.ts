import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { call, text } from '../fakes/gemini/server';
import { type AgentWorld, type Card, startAgentWorld } from './harness';

const SEND = '/gmail/v1/users/me/messages/send';

/**
 * A card whose stored request no configured key opens any more (the key it was sealed with was
 * dropped before `npm run rotate-keys` re-encrypted it). The click must end the request with a clear
 * word on the card — never leave it "already being carried out" forever, never a generic failure.
 */
describe('agent: Confirm on a card whose stored request cannot be decrypted', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld();
  });
  afterEach(() => w.close());

  async function unreadableCard(): Promise<Card> {
    w.gemini.push(
      call('send_email', { to: ['bob@example.com'], subject: 'Hello', body: 'Hi Bob' }),
      text('Check the card to send it.'),
    );
    await w.dm('Say hello to Bob by email');
    const [card] = await w.cards();
    const retired = new TokenCipher(randomBytes(32));
    const row = await w.t.ctx.db.models.PendingAction.findByPk(card.actionId);
    const at = (column: string) => ({ table: 'pending_actions', column, row: card.actionId });
    await row!.update({
      argsEnc: retired.encrypt('{"to":["bob@example.com"]}', at('args')),
      previewEnc: retired.encrypt('{"title":"Send email","fields":[]}', at('preview')),
    });
    return card;
  }

  it('Confirm sends nothing, closes the request as failed and says so on the card', async () => {
    const card = await unreadableCard();
    await w.click('confirm', card);
    assert.equal(w.t.google.state.requestsTo(SEND, 'POST').length, 0);
    const row = await w.t.ctx.db.models.PendingAction.findByPk(card.actionId);
    assert.equal(row?.status, 'failed', 'not left running');
    assert.match(JSON.stringify(card.message.blocks), /can no longer read this request/);
    assert.equal(w.t.slack.state.responses.length, 0, 'no generic "something went wrong"');
  });

  it('Cancel still cancels, and the card says so', async () => {
    const card = await unreadableCard();
    await w.click('cancel', card);
    const row = await w.t.ctx.db.models.PendingAction.findByPk(card.actionId);
    assert.equal(row?.status, 'cancelled');
    assert.match(JSON.stringify(card.message.blocks), /Cancelled by <@U0ADA>/);
  });
});
