import assert from 'node:assert/strict';
import { replyToEmail } from '../../src/tools/reply-to-email';
import { seedMessage } from '../fakes/google/seed';
import { lastStored, startToolHarness, type ToolHarness } from './harness';

describe('reply_to_email', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  /** A two-message conversation: Priya wrote, Bob answered everyone; Ada replies to Bob's message. */
  function seedConversation() {
    const first = seedMessage(h.fake.state, h.sub, {
      from: 'Priya Shah <priya@example.com>',
      to: 'ada@example.com, bob@example.com',
      subject: 'Offsite plan',
      text: 'Ideas?',
      messageId: '<first@mail.example.com>',
      date: '2024-05-01T09:00:00Z',
    });
    const second = seedMessage(h.fake.state, h.sub, {
      from: '"Bob, the planner" <bob@example.com>',
      to: 'Priya Shah <priya@example.com>, ADA@example.com',
      cc: 'carol@example.com, priya@example.com',
      subject: 'RE: Offsite plan',
      text: 'Lisbon!',
      messageId: '<second@mail.example.com>',
      inReplyTo: '<first@mail.example.com>',
      references: '<first@mail.example.com>',
      threadId: first.threadId ?? '',
      date: '2024-05-01T10:00:00Z',
    });
    return { first, second };
  }

  it('replies to the sender only, in the thread, with In-Reply-To, References and one Re:', async () => {
    const { second } = seedConversation();
    const result = (await replyToEmail.handler(
      { messageId: second.id ?? '', body: 'Sounds great.' },
      h.ctx(),
    )) as { threadId: string; to: string[] };
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.header('In-Reply-To'), '<second@mail.example.com>');
    assert.equal(sent.header('References'), '<first@mail.example.com> <second@mail.example.com>');
    assert.equal(sent.header('Subject'), 'RE: Offsite plan');
    assert.equal(sent.header('To'), '"Bob, the planner" <bob@example.com>');
    assert.equal(sent.header('Cc'), undefined);
    // Gmail joined the reply to the conversation: the threadId was sent and the subject matched.
    assert.equal(sent.message.threadId, second.threadId);
    assert.equal(result.threadId, second.threadId);
    const [request] = h.fake.state.requestsTo('/gmail/v1/users/me/messages/send');
    assert.equal((request.body as { threadId?: string }).threadId, second.threadId);
  });

  it('reply-all answers everyone except the user, without duplicates', async () => {
    const { second } = seedConversation();
    const preview = await replyToEmail.preview?.(
      { messageId: second.id ?? '', body: 'Lisbon works.', replyAll: true },
      h.ctx(),
    );
    await replyToEmail.handler(
      { messageId: second.id ?? '', body: 'Lisbon works.', replyAll: true },
      h.ctx(),
    );
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.header('To'), '"Bob, the planner" <bob@example.com>, Priya Shah <priya@example.com>');
    assert.equal(sent.header('Cc'), 'carol@example.com');
    assert.deepEqual(preview?.fields.slice(0, 2), [
      { label: 'To (2)', value: 'Bob, the planner <bob@example.com>, Priya Shah <priya@example.com>' },
      { label: 'Cc (1)', value: 'carol@example.com' },
    ]);
    assert.equal(preview?.title, 'Reply to all');
    assert.equal(preview?.body, 'Lisbon works.');
  });

  it('adds Re: to a fresh subject and honours Reply-To', async () => {
    const m = seedMessage(h.fake.state, h.sub, {
      from: 'noreply@tickets.example.com',
      replyTo: 'Support <support@tickets.example.com>',
      to: 'ada@example.com',
      subject: 'Ticket #12 opened',
      text: 'We got it.',
    });
    await replyToEmail.handler({ messageId: m.id ?? '', body: 'Thanks' }, h.ctx());
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.header('Subject'), 'Re: Ticket #12 opened');
    assert.equal(sent.header('To'), 'Support <support@tickets.example.com>');
    assert.equal(sent.header('References'), sent.header('In-Reply-To'));
  });

  it("replying to the user's own sent mail goes to its recipients", async () => {
    const mine = seedMessage(h.fake.state, h.sub, {
      from: 'Ada Lovelace <ada@example.com>',
      to: 'priya@example.com',
      subject: 'Notes',
      text: 'Attached',
      labelIds: ['SENT'],
    });
    await replyToEmail.handler({ messageId: mine.id ?? '', body: 'Forgot one thing' }, h.ctx());
    assert.equal(lastStored(h, 'SENT').header('To'), 'priya@example.com');
  });

  it('saveAsDraft puts the reply in the thread as a draft and sends nothing', async () => {
    const { second } = seedConversation();
    const result = (await replyToEmail.handler(
      { messageId: second.id ?? '', body: 'Draft reply', saveAsDraft: true },
      h.ctx(),
    )) as { drafted: boolean };
    assert.equal(result.drafted, true);
    const draft = lastStored(h, 'DRAFT');
    assert.equal(draft.message.threadId, second.threadId);
    assert.equal(draft.header('In-Reply-To'), '<second@mail.example.com>');
    assert.equal(h.fake.state.requestsTo('/gmail/v1/users/me/messages/send').length, 0);
  });
});
