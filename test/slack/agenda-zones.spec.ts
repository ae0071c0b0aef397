import assert from 'node:assert/strict';
import { toAgendaEvent } from '../../src/agenda/calendar';
import { formatTime } from '../../src/agenda/time';
import { localDay } from '../../src/time/zone';
import { seedEvent, seedTask } from '../fakes/google/seed';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

// 07:30 UTC on 11 June 2025: still 23:30 on the 10th at UTC−8 (Pitcairn), already 20:30 on the 11th at UTC+13 (Tonga).
const NOW = new Date('2025-06-11T07:30:00Z');

type Reply = { blocks?: { text?: { text: string } }[] };
const textOf = (r: Reply) => (r.blocks ?? []).map((b) => b.text?.text ?? JSON.stringify(b)).join('\n');

describe('/lume today at the edges of the day: far zones, midnight, DST, join links, answers', () => {
  let t: TestServer;
  let n = 0;
  before(async () => {
    t = await startTestServer({ now: () => NOW });
  });
  after(() => t.close());

  async function person(tz: string) {
    n += 1;
    const slackUserId = `U_Z${n}`;
    const account = { sub: `9100${n}`, email: `z${n}@example.com`, name: `Zone ${n}` };
    t.slack.state.addUser({ id: slackUserId, name: `z${n}`, tz });
    await connectSlackUser(t.ctx, t.google, { slackUserId, account });
    return { slackUserId, sub: account.sub, email: account.email };
  }

  async function today(userId: string): Promise<string> {
    const res = await t.command('today', userId);
    const [reply] = await t.slack.state.waitForResponse(res.responseUrl);
    return textOf(reply.body as Reply);
  }

  /** Google stores a due *date* as midnight UTC of that date, whatever the person's zone. */
  function seedDueTasks(sub: string) {
    for (const day of ['09', '10', '11', '12'])
      seedTask(t.google.state, sub, { title: `Due June ${day}`, due: `2025-06-${day}T00:00:00.000Z` });
  }

  it('at UTC−8 late in the evening, a task due today is today (not overdue, not tomorrow’s)', async () => {
    const p = await person('Pacific/Pitcairn');
    seedDueTasks(p.sub);
    const text = await today(p.slackUserId);
    assert.match(text, /Tasks — 1 due today, 1 overdue/);
    assert.match(text, /• <[^|]+\|Due June 10>/);
    assert.match(text, /:warning: <[^|]+\|Due June 09> _\(due Jun 9/);
    assert.doesNotMatch(text, /Due June 1[12]/);
  });

  it("counts every overdue task of a busy list, past Google's first page of 100", async () => {
    const p = await person('Europe/Berlin');
    for (let i = 0; i < 130; i++)
      seedTask(t.google.state, p.sub, { title: `Old ${i}`, due: '2025-06-01T00:00:00.000Z' });
    assert.match(await today(p.slackUserId), /Tasks — 0 due today, 130 overdue/);
  });

  it('at UTC+13, where it is already tomorrow in UTC terms, the 11th is today and the 10th overdue', async () => {
    const p = await person('Pacific/Tongatapu');
    seedDueTasks(p.sub);
    const text = await today(p.slackUserId);
    assert.match(text, /Tasks — 1 due today, 2 overdue/);
    assert.match(text, /• <[^|]+\|Due June 11>/);
    assert.doesNotMatch(text, /Due June 12/);
  });

  it('an event crossing midnight, and one written in Tokyo time, in a UTC−8 day', async () => {
    const p = await person('Pacific/Pitcairn');
    seedEvent(t.google.state, p.sub, {
      summary: 'Night shift',
      start: { dateTime: '2025-06-10T22:00:00-08:00' },
      end: { dateTime: '2025-06-11T02:00:00-08:00' },
    });
    seedEvent(t.google.state, p.sub, {
      summary: 'Tokyo sync',
      start: { dateTime: '2025-06-11T16:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-06-11T16:30:00+09:00', timeZone: 'Asia/Tokyo' },
    });
    const text = await today(p.slackUserId);
    assert.match(text, /\*10:00 PM onwards\* · <[^|]+\|Night shift>/);
    assert.match(text, /\*11:00 PM – 11:30 PM\* · <[^|]+\|Tokyo sync>/);
  });

  it('a Zoom link in the location is the join link; other URLs stay in the location, clickable', async () => {
    const p = await person('UTC');
    seedEvent(t.google.state, p.sub, {
      summary: 'Vendor call',
      start: { dateTime: '2025-06-11T09:00:00Z' },
      end: { dateTime: '2025-06-11T09:30:00Z' },
      location: 'https://acme.zoom.us/j/123456?pwd=abc',
    });
    seedEvent(t.google.state, p.sub, {
      summary: 'Lunch',
      start: { dateTime: '2025-06-11T12:00:00Z' },
      end: { dateTime: '2025-06-11T13:00:00Z' },
      location: 'Café Roma https://maps.example/roma',
    });
    const text = await today(p.slackUserId);
    assert.match(
      text,
      /Vendor call>\n {6}:movie_camera: <https:\/\/acme\.zoom\.us\/j\/123456\?pwd=abc\|Join>/,
    );
    assert.doesNotMatch(
      text,
      /:round_pushpin: <https:\/\/acme/,
      'the bare join URL is not repeated as a place',
    );
    assert.match(text, /:round_pushpin: Café Roma <https:\/\/maps\.example\/roma\|maps\.example\/roma>/);
    assert.doesNotMatch(text, /Lunch>[^\n]*\n[^\n]*:movie_camera:/);
  });

  it('marks events the person answered "maybe" or has not answered; leaves out declined ones', async () => {
    const p = await person('UTC');
    const me = (responseStatus: string) => [
      { email: 'boss@example.com', organizer: true, responseStatus: 'accepted' },
      { email: p.email, self: true, responseStatus },
    ];
    const at = (h: number) => ({
      start: { dateTime: `2025-06-11T${h}:00:00Z` },
      end: { dateTime: `2025-06-11T${h}:30:00Z` },
    });
    seedEvent(t.google.state, p.sub, { summary: 'Maybe', ...at(10), attendees: me('tentative') });
    seedEvent(t.google.state, p.sub, { summary: 'Unanswered', ...at(11), attendees: me('needsAction') });
    seedEvent(t.google.state, p.sub, { summary: 'Yes', ...at(14), attendees: me('accepted') });
    seedEvent(t.google.state, p.sub, { summary: 'No', ...at(15), attendees: me('declined') });
    const text = await today(p.slackUserId);
    assert.match(text, /\|Maybe> _\(maybe\)_/);
    assert.match(text, /\|Unanswered> _\(not answered yet\)_/);
    assert.match(text, /\|Yes>\n/);
    assert.doesNotMatch(text, /\|No>/);
  });

  it('on the 23-hour DST day, the day ends at the next local midnight, not 24 hours later', () => {
    const day = {
      ...localDay(new Date('2025-03-09T20:00:00Z'), 'America/Los_Angeles'),
      timeZone: 'America/Los_Angeles',
    };
    const early = toAgendaEvent(
      {
        summary: 'After the jump',
        start: { dateTime: '2025-03-09T03:30:00-07:00' },
        end: { dateTime: '2025-03-09T04:00:00-07:00' },
      },
      day,
    );
    assert.equal(early && formatTime(early.start as Date, day.timeZone), '3:30 AM');
    const nextDay = toAgendaEvent(
      {
        summary: 'Monday',
        start: { dateTime: '2025-03-10T00:30:00-07:00' },
        end: { dateTime: '2025-03-10T01:00:00-07:00' },
      },
      day,
    );
    assert.equal(nextDay, null);
  });
});
