import assert from 'node:assert/strict';
import { ACTIONS } from '../../src/slack/blocks/action-ids';
import { actionOutcomeCard } from '../../src/slack/blocks/action-outcome-card';
import { answerFeedback } from '../../src/slack/blocks/answer-feedback';
import { answerMessages } from '../../src/slack/blocks/answer-message';
import { confirmCard } from '../../src/slack/blocks/confirm-card';
import { blocksError } from '../fakes/slack/blocks';

const ID = '0b9e7c1e-4a57-4c8f-9d0a-6f1f2b3c4d5e';
const preview = {
  title: 'Send email',
  fields: [
    { label: 'To', value: 'Bob <bob@example.com>' },
    { label: 'Subject', value: 'Q3 <report> & notes' },
  ],
  body: 'Hi Bob,\n\n<!channel> see https://evil.example/?x=1',
};
const json = (v: unknown) => JSON.stringify(v);

describe('agent: Block Kit for confirmation cards and answers', () => {
  it('the card shows every field and the whole body, escaped and never auto-linked', () => {
    const card = confirmCard({ actionId: ID, preview, expiresAt: new Date('2026-03-10T09:15:00Z') });
    assert.equal(blocksError(card.blocks, 50), undefined);
    assert.deepEqual(card.blocks[0], { type: 'header', text: { type: 'plain_text', text: 'Send email' } });
    const s = json(card.blocks);
    assert.ok(s.includes('*To*\\nBob &lt;bob@example.com&gt;'));
    assert.ok(s.includes('Q3 &lt;report&gt; &amp; notes'));
    assert.ok(s.includes('&lt;!channel&gt; see https://evil.example/?x=1'), 'no mention, body verbatim');
    assert.ok(s.includes('"verbatim":true'));
    assert.match(s, /<!date\^1773134100\^\{time\}\|09:15 UTC>/);
  });

  it('the card has Confirm (primary), Cancel and View everything, carrying only the pending action id', () => {
    const card = confirmCard({ actionId: ID, preview, expiresAt: new Date() });
    const actions = card.blocks.find((b) => b.type === 'actions') as unknown as {
      elements: Record<string, unknown>[];
    };
    assert.deepEqual(
      actions.elements.map((e) => [e.action_id, e.value, e.style]),
      [
        [ACTIONS.confirmAction, ID, 'primary'],
        [ACTIONS.cancelAction, ID, undefined],
        [ACTIONS.viewRequest, `${ID}:0`, undefined],
      ],
    );
    assert.match(card.text, /Send email: waiting for you to confirm or cancel/);
  });

  it('a long body is split into sections under Slack limits, its length stated, the rest behind View everything', () => {
    const body = 'x'.repeat(100_000);
    const card = confirmCard({ actionId: ID, preview: { ...preview, body }, expiresAt: new Date() });
    assert.equal(blocksError(card.blocks, 50), undefined);
    const sections = card.blocks.filter((b) => b.type === 'section' && 'text' in b && b.text);
    assert.ok(sections.length >= 12);
    assert.match(json(card.blocks), /The text is 100,000 characters long/);
    assert.match(json(card.blocks), /click \*View everything\* to read all of it before you confirm/);
  });

  it('the decided card keeps the preview as a record and replaces the buttons with the outcome', () => {
    const at = new Date('2026-03-10T09:05:00Z');
    const done = actionOutcomeCard(preview, { kind: 'done', by: 'U0ADA', at });
    assert.equal(blocksError(done.blocks, 50), undefined);
    assert.ok(!done.blocks.some((b) => b.type === 'actions'));
    assert.match(json(done.blocks), /Done — confirmed by <@U0ADA>/);
    const failed = actionOutcomeCard(preview, {
      kind: 'failed',
      by: 'U0ADA',
      at,
      detail: 'Google said <no>',
    });
    assert.match(json(failed.blocks), /did not go through: Google said &lt;no&gt;/);
    assert.match(
      json(actionOutcomeCard(preview, { kind: 'cancelled', by: 'U0ADA', at }).blocks),
      /Cancelled by <@U0ADA>/,
    );
    assert.match(
      json(actionOutcomeCard(preview, { kind: 'expired' }).blocks),
      /expired and nothing was changed/,
    );
  });

  it("feedback buttons use Slack's feedback_buttons element with good / bad values", () => {
    const block = answerFeedback() as unknown as {
      type: string;
      elements: Record<string, { value: string }>[];
    };
    assert.equal(block.type, 'context_actions');
    const el = block.elements[0] as unknown as Record<string, unknown>;
    assert.equal(el.type, 'feedback_buttons');
    assert.equal(el.action_id, ACTIONS.answerFeedback);
    assert.equal((el.positive_button as { value: string }).value, 'good');
    assert.equal((el.negative_button as { value: string }).value, 'bad');
  });

  it('an answer becomes section-sized pieces over several messages, feedback under the last only', () => {
    const pieces = Array.from({ length: 10 }, (_, i) => `part ${i}`);
    const messages = answerMessages(pieces);
    assert.equal(messages.length, 2);
    assert.equal(messages[0].blocks.length, 8);
    assert.ok(!json(messages[0].blocks).includes('feedback_buttons'));
    assert.equal(messages[1].blocks.at(-1)?.type, 'context_actions');
    for (const m of messages) assert.equal(blocksError(m.blocks, 50), undefined);
  });
});
