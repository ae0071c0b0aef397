import assert from 'node:assert/strict';
import { PendingActions } from '../../src/agent/confirm/pending-actions';
import { Sealer } from '../../src/crypto/sealer';
import { ACTIONS } from '../../src/slack/blocks/action-ids';
import { requestModal } from '../../src/slack/blocks/request-modal';
import type { ActionPreview } from '../../src/tools/types';
import { call, functionResponses, text } from '../fakes/gemini/server';
import { parseMime } from '../fakes/google/mime';
import { seedEvent, seedMessage } from '../fakes/google/seed';
import { ADA } from '../fakes/google/server';
import { blockKitProblems } from '../slack/block-kit-limits';
import { ADA_SLACK, type AgentWorld, type Card, startAgentWorld } from './harness';

const SEND = '/gmail/v1/users/me/messages/send';
const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
type Section = { type: string; text?: { text: string }; fields?: { text: string }[] };

/**
 * Cards never hide a consequence: whoever gets the mail is on the card, with how many they are; the
 * whole text is one click away and its length is stated; what is sent is byte for byte what was shown;
 * a look-alike address is pointed out; an event change names who Google will tell.
 */
describe('agent: confirmation cards hide nothing', () => {
  let w: AgentWorld;
  beforeEach(async () => {
    w = await startAgentWorld({ now: () => new Date('2026-03-10T09:00:00Z') });
  });
  afterEach(() => w.close());

  async function propose(name: string, args: Record<string, unknown>): Promise<Card | undefined> {
    w.gemini.push(call(name, args), text('Check the card.'));
    await w.dm('do it');
    return (await w.cards()).at(-1);
  }
  const shown = (card: Card) => JSON.stringify(card.message.blocks);
  const stored = async (card: Card): Promise<ActionPreview> => {
    const row = await w.t.ctx.db.models.PendingAction.findByPk(card.actionId);
    return new PendingActions(w.t.ctx.db.models, new Sealer(w.t.ctx.cipher), () => new Date()).preview(row!);
  };

  it('a reply-all to a mail with a long Cc shows every address and the count (nothing cut with "…")', async () => {
    const cc = Array.from(
      { length: 45 },
      (_, i) => `"Member ${i}, Extended Planning Committee" <member.${i}@partner-company.example.com>`,
    );
    const original = seedMessage(w.t.google.state, ADA.sub, {
      from: 'Priya <priya@example.com>',
      to: ADA.email,
      cc,
      subject: 'Offsite',
      text: 'Who is in?',
    });
    const card = await propose('reply_to_email', {
      messageId: original.id,
      body: 'Count me in.',
      replyAll: true,
    });
    assert.ok(card, 'a card');
    assert.deepEqual(blockKitProblems({ text: card.message.text, blocks: card.message.blocks ?? [] }), []);
    const s = shown(card);
    for (let i = 0; i < 45; i++)
      assert.ok(s.includes(`member.${i}@partner-company.example.com`), `member ${i}`);
    assert.match(s, /\*Cc \(45\)\*/);
    assert.doesNotMatch(s, /…/);
  });

  it('more recipients than a card can honestly show is refused, with the reason, and no card', async () => {
    const to = Array.from({ length: 60 }, (_, i) => `p${i}@example.com`);
    const card = await propose('send_email', { to, subject: 'All', body: 'Hi all' });
    assert.equal(card, undefined);
    const [refusal] = functionResponses(w.gemini.requests[1]);
    assert.match(JSON.stringify(refusal.response), /60 people; Lume sends to at most 50 at once/);
  });

  it('a long text: its length on the card, all of it in View everything, and exactly that is sent', async () => {
    const body = Array.from({ length: 1000 }, (_, i) => `Line ${i}: Q3 <draft> & "numbers" — ünïcode ✓`).join(
      '\n',
    );
    const card = await propose('send_email', { to: ['bob@example.com'], subject: 'Long', body });
    assert.ok(card);
    assert.match(
      shown(card),
      new RegExp(`The text is ${[...body].length.toLocaleString('en-US')} characters long`),
    );
    assert.match(shown(card), /View everything/);
    // Open it, then page through to the end.
    const open = (value: string, container: Parameters<AgentWorld['t']['action']>[0]['container']) =>
      w.t.action({ userId: ADA_SLACK, actionId: ACTIONS.viewRequest, value, container });
    await open(`${card.actionId}:0`, {
      type: 'message',
      channelId: card.message.channel,
      messageTs: card.message.ts,
    });
    const [opened] = await w.t.slack.state.waitForCall('views.open');
    const viewId = String(w.t.slack.state.openedViews[0]?.id);
    const pages: Section[][] = [(opened.args.view as { blocks: Section[] }).blocks];
    for (;;) {
      const nav = (
        pages.at(-1) as unknown as { type: string; elements?: { value: string; text: { text: string } }[] }[]
      )
        .find((b) => b.type === 'actions')
        ?.elements?.find((e) => e.text.text.startsWith('Next'))?.value;
      if (!nav) break;
      const before = w.t.slack.state.callsTo('views.update').length;
      await open(nav, { type: 'view', viewId, viewType: 'modal' });
      const updates = await w.t.slack.state.waitForCall('views.update', () => true, before + 1);
      pages.push((updates[updates.length - 1].args.view as { blocks: Section[] }).blocks);
    }
    for (const page of pages) assert.ok(page.length <= 100);
    const fromModal = pages
      .flat()
      .filter((b) => b.type === 'section' && b.text && !b.text.text.startsWith('*'))
      .map((b) => unescapeMrkdwn(b.text?.text ?? ''))
      .join('');
    assert.equal(fromModal, body, 'the modal holds the whole text');
    assert.equal((await stored(card)).body, body);
    // Someone else cannot open it.
    await w.t.action({
      userId: 'U0EVE',
      actionId: ACTIONS.viewRequest,
      value: `${card.actionId}:0`,
      container: { type: 'message', channelId: card.message.channel, messageTs: card.message.ts },
    });
    await w.t.slack.state.waitForCall('chat.postEphemeral', (c) => c.args.user === 'U0EVE');
    assert.equal(w.t.slack.state.callsTo('views.open').length, 1);

    await w.click('confirm', card);
    const [sent] = w.t.google.state.requestsTo(SEND, 'POST');
    const mime = Buffer.from(String((sent.body as { raw: string }).raw), 'base64url').toString('utf8');
    const part = parseMime(mime);
    const textPart = (part.parts?.[0] ?? part) as { body: Buffer | string };
    assert.equal(Buffer.from(textPart.body).toString('utf8'), body, 'byte for byte what was shown');
  });

  it('a look-alike recipient is pointed out before Confirm', async () => {
    const card = await propose('send_email', {
      to: ['billing@p\u0430ypal.com'],
      subject: 'Invoice',
      body: 'Paid.',
    });
    assert.ok(card);
    assert.match(shown(card), /Look twice:.*mixes Latin and Cyrillic letters/);
  });

  it('deleting one occurrence of a recurring event names every guest Google will email', async () => {
    const event = seedEvent(w.t.google.state, ADA.sub, {
      id: 'weekly_20260312T100000Z',
      recurringEventId: 'weekly',
      summary: 'Weekly sync',
      start: { dateTime: '2026-03-12T10:00:00Z' },
      end: { dateTime: '2026-03-12T10:30:00Z' },
      attendees: [
        { email: ADA.email, self: true },
        { email: 'bob@example.com', displayName: 'Bob' },
        { email: 'carol@example.com' },
      ],
    });
    const card = await propose('delete_event', { eventId: event.id });
    assert.ok(card);
    const s = shown(card);
    assert.match(s, /\*Guests \(2\)\*\\nBob &lt;bob@example\.com&gt;, carol@example\.com/);
    assert.match(s, /Google emails each of them a cancellation/);
    assert.match(s, /Only this occurrence .* of a recurring event; the other occurrences stay as they are/);
  });
});

describe('slack: the whole-request modal pages through any length', () => {
  it('a 600,000-character forward: every page within Slack limits, together exactly the text', () => {
    const body = Array.from(
      { length: 12_000 },
      (_, i) => `> ${i} quoted & <escaped> line of a forwarded thread`,
    ).join('\n');
    const preview = { title: 'Forward email', fields: [{ label: 'To (1)', value: 'bob@example.com' }], body };
    const texts: string[] = [];
    for (let page = 0; ; page++) {
      const view = requestModal('a1', preview, page);
      assert.deepEqual(blockKitProblems({ type: 'home', blocks: view.blocks }), [], `page ${page}`);
      assert.ok(view.blocks.length <= 100);
      for (const b of view.blocks as Section[])
        if (b.type === 'section' && b.text) texts.push(unescapeMrkdwn(b.text.text));
      if (!JSON.stringify(view.blocks).includes('Next page')) break;
    }
    assert.equal(texts.join(''), body);
  });
});
