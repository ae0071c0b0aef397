import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { seedEvent, seedLabel, seedMessage, seedTask } from '../fakes/google/seed';
import { startToolHarness, type ToolHarness } from './harness';

/** The fake's read routes through the real googleapis clients: paths, filters, auth errors. */
describe('fake Google read routes', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  it('lists Gmail messages with q and returns a parsed multipart payload', async () => {
    const { state } = h.fake;
    seedMessage(state, h.sub, {
      from: 'Priya <priya@example.com>',
      to: 'ada@example.com',
      subject: 'Q3 report',
      text: 'Draft attached',
      html: '<p>Draft <b>attached</b></p>',
      attachments: [{ filename: 'q3.pdf', mimeType: 'application/pdf', content: 'PDF' }],
      labelIds: ['INBOX', 'UNREAD', 'IMPORTANT'],
    });
    seedMessage(state, h.sub, {
      from: 'bob@example.com',
      to: 'ada@example.com',
      subject: 'Lunch',
      text: 'Pizza?',
      labelIds: ['INBOX'],
      date: new Date(Date.now() - 10 * 86_400_000),
    });
    const gmail = h.ctx().google.gmail();
    const unread = await gmail.users.messages.list({ userId: 'me', q: 'is:unread is:important from:priya' });
    assert.equal(unread.data.messages?.length, 1);
    const recent = await gmail.users.messages.list({ userId: 'me', q: 'newer_than:7d' });
    assert.equal(recent.data.messages?.length, 1);
    assert.equal((await gmail.users.messages.list({ userId: 'me', q: 'pizza' })).data.messages?.length, 1);
    assert.equal(
      (await gmail.users.messages.list({ userId: 'me', q: '-pizza in:inbox' })).data.messages?.length,
      1,
    );
    const paged = await gmail.users.messages.list({ userId: 'me', maxResults: 1 });
    assert.ok(paged.data.nextPageToken);
    const next = await gmail.users.messages.list({
      userId: 'me',
      maxResults: 1,
      pageToken: paged.data.nextPageToken ?? '',
    });
    assert.notEqual(next.data.messages?.[0].id, paged.data.messages?.[0].id);

    const full = await gmail.users.messages.get({ userId: 'me', id: unread.data.messages?.[0].id ?? '' });
    const payload = full.data.payload;
    assert.equal(payload?.mimeType, 'multipart/mixed');
    assert.equal(payload?.parts?.[0].mimeType, 'multipart/alternative');
    const text = payload?.parts?.[0].parts?.[0].body?.data ?? '';
    assert.equal(Buffer.from(text, 'base64url').toString(), 'Draft attached');
    assert.equal(payload?.parts?.[1].filename, 'q3.pdf');
    assert.ok(payload?.parts?.[1].body?.attachmentId);
    const meta = await gmail.users.messages.get({
      userId: 'me',
      id: full.data.id ?? '',
      format: 'metadata',
      metadataHeaders: ['Subject'],
    });
    assert.deepEqual(meta.data.payload?.headers, [{ name: 'Subject', value: 'Q3 report' }]);
  });

  it('understands the Gmail search operators the tools and /lume today use', async () => {
    const { state } = h.fake;
    const receipts = seedLabel(state, h.sub, 'Receipts/2024');
    const s = (subject: string, extra: Partial<Parameters<typeof seedMessage>[2]> = {}) =>
      seedMessage(state, h.sub, {
        from: 'a@example.com',
        to: 'ada@example.com',
        subject,
        text: `${subject} body`,
        date: '2024-05-02T10:00:00Z',
        ...extra,
      });
    s('Budget review', { labelIds: ['INBOX', receipts.id ?? ''] });
    s('Old news', { date: '2023-01-01T10:00:00Z', labelIds: ['INBOX'] });
    s('Binned', { labelIds: ['TRASH'] });
    s('Files', {
      labelIds: ['INBOX'],
      attachments: [{ filename: 'a.txt', mimeType: 'text/plain', content: 'x' }],
    });
    const gmail = h.ctx().google.gmail();
    const subjects = async (q: string, labelIds?: string[]) => {
      const list = await gmail.users.messages.list({ userId: 'me', q, labelIds });
      const got = await Promise.all(
        (list.data.messages ?? []).map((m) =>
          gmail.users.messages.get({
            userId: 'me',
            id: m.id ?? '',
            format: 'metadata',
            metadataHeaders: ['Subject'],
          }),
        ),
      );
      return got.map((g) => g.data.payload?.headers?.[0]?.value).sort();
    };
    assert.deepEqual(await subjects('subject:(budget review)'), ['Budget review']);
    assert.deepEqual(await subjects('label:receipts-2024'), ['Budget review']);
    assert.deepEqual(await subjects('before:2024/01/01'), ['Old news']);
    assert.deepEqual(await subjects('after:2024/05/01 has:attachment'), ['Files']);
    assert.deepEqual(await subjects('budget OR files'), ['Budget review', 'Files']);
    assert.deepEqual(
      await subjects(''),
      ['Budget review', 'Files', 'Old news'],
      'trash is left out unless asked for',
    );
    assert.deepEqual(await subjects('in:trash'), ['Binned']);
    assert.deepEqual(await subjects('', ['INBOX', receipts.id ?? '']), ['Budget review']);
  });

  it('lists calendar events in a window, all-day events in the calendar zone, ordered by start', async () => {
    const { state } = h.fake;
    const primary = state.dataFor(h.sub).calendars.get('primary');
    if (primary) primary.entry.timeZone = 'America/Los_Angeles';
    seedEvent(state, h.sub, {
      summary: 'Late',
      start: { dateTime: '2024-05-02T15:00:00-07:00' },
      end: { dateTime: '2024-05-02T16:00:00-07:00' },
    });
    seedEvent(state, h.sub, {
      summary: 'Early',
      start: { dateTime: '2024-05-02T09:00:00-07:00' },
      end: { dateTime: '2024-05-02T09:30:00-07:00' },
    });
    seedEvent(state, h.sub, {
      summary: 'Holiday',
      start: { date: '2024-05-03' },
      end: { date: '2024-05-04' },
    });
    const cal = h.ctx().google.calendar();
    const day = await cal.events.list({
      calendarId: 'primary',
      timeMin: '2024-05-02T00:00:00-07:00',
      timeMax: '2024-05-03T00:00:00-07:00',
      singleEvents: true,
      orderBy: 'startTime',
    });
    assert.deepEqual(
      day.data.items?.map((e) => e.summary),
      ['Early', 'Late'],
    );
    const next = await cal.events.list({
      calendarId: 'primary',
      timeMin: '2024-05-03T07:00:00Z',
      timeMax: '2024-05-03T08:00:00Z',
      q: 'holiday',
    });
    assert.deepEqual(
      next.data.items?.map((e) => e.summary),
      ['Holiday'],
    );
    await assert.rejects(
      cal.events.list({ calendarId: 'primary', timeMin: '2024-05-03T00:00:00' }),
      /Bad Request/,
    );
  });

  it('lists tasks by due window and completion', async () => {
    const { state } = h.fake;
    seedTask(state, h.sub, { title: 'Due today', due: '2024-05-02T00:00:00.000Z' });
    seedTask(state, h.sub, {
      title: 'Done',
      due: '2024-05-02T00:00:00.000Z',
      status: 'completed',
      completed: '2024-05-02T08:00:00.000Z',
    });
    seedTask(state, h.sub, { title: 'No date' });
    const tasks = h.ctx().google.tasks();
    const lists = await tasks.tasklists.list();
    assert.equal(lists.data.items?.[0].title, 'My Tasks');
    const due = await tasks.tasks.list({
      tasklist: 'default-list',
      dueMax: '2024-05-03T00:00:00Z',
      showCompleted: false,
    });
    assert.deepEqual(
      due.data.items?.map((t) => t.title),
      ['Due today'],
    );
  });

  it("answers Google's 401 and 403 wire errors", async () => {
    const gmail = h.ctx({ scopes: [SCOPES.calendar] }).google.gmail();
    await assert.rejects(
      gmail.users.messages.list({ userId: 'me' }),
      (err: { status?: number }) => err.status === 403,
    );
    const tasks = h.ctx().google.tasks();
    h.fake.state.expireAccessTokens();
    await assert.rejects(tasks.tasklists.list(), (err: { status?: number }) => err.status === 401);
  });
});
