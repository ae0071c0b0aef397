import assert from 'node:assert/strict';
import { describeToolError } from '../../src/tools/errors';
import { forwardEmail } from '../../src/tools/forward-email';
import { organizeEmails } from '../../src/tools/organize-emails';
import { trashEmails } from '../../src/tools/trash-emails';
import { parseMime } from '../fakes/google/mime';
import { seedLabel, seedMessage } from '../fakes/google/seed';
import { lastStored, startToolHarness, type ToolHarness } from './harness';

describe('Gmail forwarding and organising tools', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  const seedInvoice = () =>
    seedMessage(h.fake.state, h.sub, {
      from: 'Billing <billing@vendor.example>',
      to: 'ada@example.com',
      subject: 'Invoice 7',
      text: 'Please find the invoice attached.',
      html: '<p>Please find the invoice attached.</p>',
      attachments: [
        {
          filename: 'invoice-7.pdf',
          mimeType: 'application/pdf',
          content: Buffer.from('%PDF invoice bytes'),
        },
      ],
      date: '2024-05-02T12:00:00Z',
    });

  it('forward_email sends Fwd:, the note, the original text and the attachment bytes', async () => {
    const original = seedInvoice();
    const args = { messageId: original.id ?? '', to: ['accounts@example.com'], note: 'For payment, thanks.' };
    const preview = await forwardEmail.preview?.(args, h.ctx());
    assert.deepEqual(preview?.fields, [
      { label: 'To (1)', value: 'accounts@example.com' },
      { label: 'Subject', value: 'Fwd: Invoice 7' },
      { label: 'Attachments', value: 'invoice-7.pdf (18 B)' },
    ]);
    await forwardEmail.handler(args, h.ctx());
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.header('Subject'), 'Fwd: Invoice 7');
    const tree = parseMime(sent.raw);
    assert.equal(tree.mimeType, 'multipart/mixed');
    const text = tree.parts?.[0].body.toString('utf8') ?? '';
    assert.ok(
      text.startsWith(
        'For payment, thanks.\n\n---------- Forwarded message ---------\nFrom: Billing <billing@vendor.example>',
      ),
    );
    assert.match(text, /Subject: Invoice 7\nTo: ada@example.com\n\nPlease find the invoice attached\./);
    assert.equal(text, `${preview?.body}`);
    const file = tree.parts?.[1];
    assert.equal(file?.filename, 'invoice-7.pdf');
    assert.equal(file?.body.toString(), '%PDF invoice bytes');
  });

  it('forward_email sends mail too big for a JSON request (Google: 5 MB) through the upload endpoint', async () => {
    const deck = Buffer.alloc(4 * 1024 * 1024, 7);
    const original = seedMessage(h.fake.state, h.sub, {
      from: 'priya@example.com',
      to: 'ada@example.com',
      subject: 'Board deck',
      text: 'Attached.',
      attachments: [{ filename: 'deck.pdf', mimeType: 'application/pdf', content: deck }],
    });
    const out = (await forwardEmail.handler(
      { messageId: original.id ?? '', to: ['board@example.com'] },
      h.ctx(),
    )) as { forwarded: boolean; attachments: string[] };
    assert.deepEqual(out, { ...out, forwarded: true, attachments: ['deck.pdf'] });
    const sent = lastStored(h, 'SENT');
    assert.equal(sent.message.threadId, original.threadId, 'still in the thread');
    const file = parseMime(sent.raw).parts?.[1];
    assert.equal(file?.filename, 'deck.pdf');
    assert.ok(file?.body.equals(deck), 'every byte of the attachment');
    assert.equal(h.fake.state.requestsTo('/upload/gmail/v1/users/me/messages/send', 'POST').length, 1);
  });

  it('forward_email leaves out only the file that does not fit, not the smaller ones after it', async () => {
    const original = seedMessage(h.fake.state, h.sub, {
      from: 'priya@example.com',
      to: 'ada@example.com',
      subject: 'Scans',
      text: 'Attached.',
      attachments: [
        { filename: 'video.mov', mimeType: 'video/quicktime', content: Buffer.from('v') },
        { filename: 'notes.txt', mimeType: 'text/plain', content: Buffer.from('n') },
      ],
    });
    // As Gmail reports a 20 MB file (the bytes themselves are not needed for the card).
    const video = original.payload?.parts?.find((p) => p.filename === 'video.mov');
    if (video?.body) video.body.size = 20 * 1024 * 1024;
    const preview = await forwardEmail.preview?.(
      { messageId: original.id ?? '', to: ['x@example.com'] },
      h.ctx(),
    );
    assert.deepEqual(preview?.fields.slice(-2), [
      { label: 'Not attached (too large)', value: '1 file(s)' },
      { label: 'Attachments', value: 'notes.txt (1 B)' },
    ]);
  });

  it('organize_emails archives, marks read and labels by name in one batch', async () => {
    const a = seedInvoice();
    const b = seedMessage(h.fake.state, h.sub, {
      from: 'x@example.com',
      to: 'ada@example.com',
      subject: 'Receipt',
      text: 'Paid',
    });
    const receipts = seedLabel(h.fake.state, h.sub, 'Receipts');
    const args = {
      messageIds: [a.id ?? '', b.id ?? ''],
      archive: true,
      markAs: 'read' as const,
      addLabels: ['receipts'],
    };
    const preview = await organizeEmails.preview?.(args, h.ctx());
    assert.equal(preview?.title, 'Organise 2 emails');
    assert.deepEqual(preview?.fields, [
      { label: 'Changes', value: 'Archive (remove from Inbox); Mark as read; Add label "receipts"' },
    ]);
    assert.equal(
      preview?.body,
      '• "Invoice 7" from Billing <billing@vendor.example>\n• "Receipt" from x@example.com',
    );
    await organizeEmails.handler(args, h.ctx());
    for (const m of [a, b]) {
      assert.ok(!m.labelIds?.includes('INBOX'));
      assert.ok(!m.labelIds?.includes('UNREAD'));
      assert.ok(m.labelIds?.includes(receipts.id ?? ''));
    }
  });

  it('organize_emails refuses an unknown label instead of inventing one', async () => {
    const a = seedInvoice();
    await assert.rejects(
      organizeEmails.handler({ messageIds: [a.id ?? ''], addLabels: ['Nope'] }, h.ctx()),
      (err: Error) => /No Gmail label named "Nope"/.test(describeToolError(err)),
    );
    await assert.rejects(organizeEmails.handler({ messageIds: [a.id ?? ''] }, h.ctx()), /Nothing to do/);
    assert.deepEqual(a.labelIds, ['INBOX', 'UNREAD']);
  });

  it('trash_emails moves each message to the trash after a preview that names it', async () => {
    const a = seedInvoice();
    const preview = await trashEmails.preview?.({ messageIds: [a.id ?? ''] }, h.ctx());
    assert.equal(preview?.title, 'Move 1 email to Trash');
    assert.match(preview?.body ?? '', /"Invoice 7"/);
    await trashEmails.handler({ messageIds: [a.id ?? ''] }, h.ctx());
    assert.ok(a.labelIds?.includes('TRASH'));
    assert.ok(!a.labelIds?.includes('INBOX'));
  });
});
