import assert from 'node:assert/strict';
import { createEmailDraft } from '../../src/tools/create-email-draft';
import { sendEmail } from '../../src/tools/send-email';
import { lastStored, startToolHarness, type ToolHarness } from './harness';

describe('Gmail sending tools', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  const input = {
    to: ['priya@example.com'],
    cc: ['bob@example.com'],
    bcc: ['audit@example.com'],
    subject:
      'Réunion trimestrielle — ordre du jour ✅ avec un sujet assez long pour être coupé en plusieurs mots',
    body: 'Bonjour Priya,\n\nVoici l’ordre du jour.\n\nAda',
  };

  it('send_email sends a correct MIME message: UTF-8 subject as encoded words, base64 body, every recipient', async () => {
    const result = (await sendEmail.handler(input, h.ctx())) as { sent: boolean; messageId: string };
    assert.equal(result.sent, true);
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.message.id, result.messageId);
    // Gmail decodes the headers it parses: the subject arrives intact.
    assert.equal(sent.header('Subject'), input.subject);
    assert.equal(sent.header('To'), 'priya@example.com');
    assert.equal(sent.header('Cc'), 'bob@example.com');
    assert.equal(sent.header('Bcc'), 'audit@example.com');
    assert.equal(sent.header('From'), 'Ada Lovelace <ada@example.com>');
    // On the wire: RFC 2047 words of at most 75 characters, folded, and a base64 UTF-8 body.
    const subjectLines = /^Subject: (.*(?:\r\n .*)*)/m.exec(sent.raw)?.[1].split('\r\n ') ?? [];
    assert.ok(subjectLines.length > 1);
    for (const word of subjectLines) {
      assert.match(word, /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      assert.ok(word.length <= 75);
    }
    assert.match(sent.raw, /Content-Type: text\/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: base64/);
    const body = sent.message.payload?.body?.data ?? '';
    assert.equal(Buffer.from(body, 'base64url').toString('utf8'), input.body);
  });

  it('never lets a subject with line breaks add a header', async () => {
    await sendEmail.handler(
      { to: ['priya@example.com'], subject: 'Hi\r\nBcc: evil@example.net', body: 'x' },
      h.ctx(),
    );
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.header('Bcc'), undefined);
    assert.equal(sent.header('Subject'), 'Hi Bcc: evil@example.net');
  });

  it('rejects recipients that are not plain addresses before anything is sent', () => {
    const bad = sendEmail.input.safeParse({ ...input, to: ['Priya'] });
    assert.equal(bad.success, false);
    assert.equal(sendEmail.input.safeParse({ ...input, to: [] }).success, false);
  });

  it('previews exactly the recipients, subject and body', async () => {
    const preview = await sendEmail.preview?.(input, h.ctx());
    assert.deepEqual(preview, {
      title: 'Send email',
      fields: [
        { label: 'To (1)', value: 'priya@example.com' },
        { label: 'Cc (1)', value: 'bob@example.com' },
        { label: 'Bcc (1)', value: 'audit@example.com' },
        { label: 'Subject', value: input.subject },
      ],
      body: input.body,
    });
    assert.equal(h.fake.state.requestsTo('/gmail').length, 0, 'a preview of a new mail calls nothing');
  });

  it('create_email_draft stores a draft and sends nothing', async () => {
    const result = (await createEmailDraft.handler(input, h.ctx())) as { draftId: string };
    assert.ok(result.draftId);
    const draft = lastStored(h, 'DRAFT');
    assert.equal(draft.header('Subject'), input.subject);
    assert.equal(h.fake.state.dataFor(h.sub).drafts.length, 1);
    assert.equal(h.fake.state.requestsTo('/gmail/v1/users/me/messages/send').length, 0);
  });
});
