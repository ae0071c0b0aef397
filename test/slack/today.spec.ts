import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { seedEvent, seedMessage, seedTask, seedTaskList } from '../fakes/google/seed';
import type { FakeAccount } from '../fakes/google/state';
import { recordingClock } from '../helpers/retry-clock';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

// 16:00 UTC on Tuesday 10 June 2025: 09:00 in Los Angeles, 18:00 in Berlin, already the 11th in Tokyo.
const NOW = new Date('2025-06-10T16:00:00Z');

type Reply = { response_type?: string; text?: string; blocks?: { type: string; text?: { text: string } }[] };
const textOf = (r: Reply) => (r.blocks ?? []).map((b) => b.text?.text ?? JSON.stringify(b)).join('\n');

describe('/lume today', () => {
  let t: TestServer;
  let n = 0;
  const clock = recordingClock();
  before(async () => {
    t = await startTestServer({ now: () => NOW, retryClock: clock });
  });
  after(() => t.close());

  /** A fresh Slack user in `tz`, linked to a fresh Google account; returns both. */
  async function person(tz: string, scopes?: string[]) {
    n += 1;
    const slackUserId = `U_T${n}`;
    const account: FakeAccount = { sub: `9000${n}`, email: `p${n}@example.com`, name: `Person ${n}` };
    t.slack.state.addUser({ id: slackUserId, name: `p${n}`, tz });
    const linked = await connectSlackUser(t.ctx, t.google, { slackUserId, account, scopes });
    return { slackUserId, sub: account.sub, linked };
  }

  async function today(userId: string, text = 'today'): Promise<Reply> {
    const res = await t.command(text, userId);
    assert.equal(res.status, 200);
    const [reply] = await t.slack.state.waitForResponse(res.responseUrl);
    return reply.body as Reply;
  }

  it('shows a 10:00 Los Angeles meeting as 10:00 AM to a person in Los Angeles (not 17:00 or 18:00)', async () => {
    const p = await person('America/Los_Angeles');
    seedEvent(t.google.state, p.sub, {
      summary: 'Design review',
      start: { dateTime: '2025-06-10T10:00:00-07:00' },
      end: { dateTime: '2025-06-10T10:30:00-07:00' },
      location: 'Room 4 <Studio>',
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
    });
    const r = await today(p.slackUserId);
    assert.equal(r.response_type, 'ephemeral');
    const text = textOf(r);
    assert.match(text, /\*10:00 AM – 10:30 AM\* · <[^|]+\|Design review>/);
    assert.doesNotMatch(text, /5:00 PM|17:00|6:00 PM|18:00/);
    assert.match(text, /:round_pushpin: Room 4 &lt;Studio&gt;/, 'location shown, mrkdwn-escaped');
    assert.match(text, /<https:\/\/meet\.google\.com\/abc-defg-hij\|Join>/);
    assert.match(JSON.stringify(r.blocks), /Your day — Tuesday, June 10/);
    assert.match(JSON.stringify(r.blocks), /Times in America\/Los_Angeles/);
    // The window asked of Google is the person's local day, in their zone.
    const call = t.google.state.requestsTo('/calendar/v3/calendars/primary/events').at(-1);
    assert.equal(call?.query.timeMin, '2025-06-10T07:00:00.000Z');
    assert.equal(call?.query.timeMax, '2025-06-11T07:00:00.000Z');
    assert.equal(call?.query.timeZone, 'America/Los_Angeles');
  });

  it('shows the same meeting at 7:00 PM to a person in Berlin', async () => {
    const p = await person('Europe/Berlin');
    seedEvent(t.google.state, p.sub, {
      summary: 'Design review',
      start: { dateTime: '2025-06-10T10:00:00-07:00' },
      end: { dateTime: '2025-06-10T10:30:00-07:00' },
    });
    assert.match(textOf(await today(p.slackUserId)), /\*7:00 PM – 7:30 PM\* · /);
  });

  it("uses the person's local date: all-day events by date, timed events by local day, conference join links", async () => {
    const p = await person('America/Los_Angeles');
    const s = t.google.state;
    seedEvent(s, p.sub, { summary: 'Offsite', start: { date: '2025-06-10' }, end: { date: '2025-06-11' } });
    seedEvent(s, p.sub, {
      summary: 'Conference week',
      start: { date: '2025-06-09' },
      end: { date: '2025-06-13' },
    });
    seedEvent(s, p.sub, {
      summary: 'Yesterday all day',
      start: { date: '2025-06-09' },
      end: { date: '2025-06-10' },
    });
    // 02:00Z on the 10th is still the 9th in Los Angeles; 06:30Z on the 11th is still the 10th.
    seedEvent(s, p.sub, {
      summary: 'Late yesterday',
      start: { dateTime: '2025-06-10T02:00:00Z' },
      end: { dateTime: '2025-06-10T03:00:00Z' },
    });
    seedEvent(s, p.sub, {
      summary: 'Late call',
      start: { dateTime: '2025-06-11T06:30:00Z' },
      end: { dateTime: '2025-06-11T06:45:00Z' },
      conferenceData: {
        entryPoints: [
          { entryPointType: 'phone', uri: 'tel:+1-555-0100' },
          { entryPointType: 'video', uri: 'https://zoom.example.com/j/123' },
        ],
      },
    });
    seedEvent(s, p.sub, {
      summary: 'Declined sync',
      start: { dateTime: '2025-06-10T12:00:00-07:00' },
      end: { dateTime: '2025-06-10T12:30:00-07:00' },
      attendees: [{ email: `p${n}@example.com`, self: true, responseStatus: 'declined' }],
    });
    const text = textOf(await today(p.slackUserId));
    assert.match(text, /\*All day\* · <[^|]+\|Offsite>/);
    assert.match(text, /\*All day\* · <[^|]+\|Conference week>/);
    assert.match(text, /\*11:30 PM – 11:45 PM\* · <[^|]+\|Late call>/);
    assert.match(text, /<https:\/\/zoom\.example\.com\/j\/123\|Join>/);
    assert.doesNotMatch(text, /Yesterday all day|Late yesterday|Declined sync/);
    assert.ok(text.indexOf('Offsite') < text.indexOf('Late call'), 'all-day events first');
  });

  it('lists tasks due today and overdue (across lists), and counts unread important mail with top subjects', async () => {
    const p = await person('America/Los_Angeles');
    const s = t.google.state;
    const work = seedTaskList(s, p.sub, 'Work');
    seedTask(s, p.sub, { title: 'Book flights', due: '2025-06-10T00:00:00.000Z' });
    seedTask(s, p.sub, { title: 'Send invoice', due: '2025-06-06T00:00:00.000Z' }, work.id as string);
    seedTask(s, p.sub, { title: 'Done already', due: '2025-06-05T00:00:00.000Z', status: 'completed' });
    seedTask(s, p.sub, { title: 'Tomorrow thing', due: '2025-06-11T00:00:00.000Z' });
    seedTask(s, p.sub, { title: 'Someday' });
    const imp = ['INBOX', 'UNREAD', 'IMPORTANT'];
    seedMessage(s, p.sub, {
      from: 'Priya Patel <priya@example.com>',
      to: `p${n}@example.com`,
      subject: 'Q3 report <draft>',
      text: 'hi',
      labelIds: imp,
    });
    seedMessage(s, p.sub, {
      from: 'ops@example.com',
      to: `p${n}@example.com`,
      subject: 'Outage follow-up',
      text: 'x',
      labelIds: imp,
    });
    seedMessage(s, p.sub, {
      from: 'a@example.com',
      to: `p${n}@example.com`,
      subject: 'Read already',
      text: 'x',
      labelIds: ['INBOX', 'IMPORTANT'],
    });
    seedMessage(s, p.sub, {
      from: 'b@example.com',
      to: `p${n}@example.com`,
      subject: 'Newsletter',
      text: 'x',
      labelIds: ['INBOX', 'UNREAD'],
    });
    const r = await today(p.slackUserId);
    const text = textOf(r);
    assert.match(text, /Tasks — 1 due today, 1 overdue/);
    assert.match(text, /:warning: <[^|]+\|Send invoice> _\(due Jun 6 · Work\)_/);
    assert.match(text, /• <[^|]+\|Book flights> _\(My Tasks\)_/);
    assert.doesNotMatch(text, /Done already|Tomorrow thing|Someday/);
    assert.match(text, /Mail — 2 unread important/);
    assert.match(text, /\|Q3 report &lt;draft&gt;> — Priya Patel/);
    assert.match(text, /\|Outage follow-up> — ops@example.com/);
    assert.doesNotMatch(text, /Read already|Newsletter/);
    assert.match(
      r.text as string,
      /Your day, Tuesday, June 10: 0 events, 1 task\(s\) due, 1 overdue, 2 unread important email\(s\)/,
    );
  });

  it('an empty day says so in each section', async () => {
    const p = await person('UTC');
    const text = textOf(await today(p.slackUserId));
    assert.match(text, /Nothing on your calendar today/);
    assert.match(text, /No tasks due today/);
    assert.match(text, /No unread important mail/);
  });

  it('a blip is not an outage: two 503/429s in a row on every API still give the whole day', async () => {
    const p = await person('America/Los_Angeles');
    seedEvent(t.google.state, p.sub, {
      summary: 'Blip-proof standup',
      start: { dateTime: '2025-06-10T11:00:00-07:00' },
      end: { dateTime: '2025-06-10T11:15:00-07:00' },
    });
    const list = seedTaskList(t.google.state, p.sub, 'Work');
    seedTask(t.google.state, p.sub, { title: 'File report', due: '2025-06-10T00:00:00.000Z' }, list.id ?? '');
    seedMessage(t.google.state, p.sub, {
      from: 'Priya <priya@example.com>',
      to: `p${n}@example.com`,
      subject: 'Budget sign-off',
      text: 'x',
      labelIds: ['INBOX', 'UNREAD', 'IMPORTANT'],
    });
    clock.waits.length = 0;
    t.google.state.failures.push(
      { match: /^\/calendar\//, status: 503, times: 2 },
      { match: /^\/tasks\/v1\/users\/@me\/lists$/, status: 429, times: 2 },
      { match: /^\/tasks\/v1\/lists\//, status: 500, times: 2 },
      { match: /^\/gmail\/v1\/users\/me\/messages$/, status: 503, times: 2 },
      { match: /^\/gmail\/v1\/users\/me\/messages\/./, status: 503, times: 2 },
    );
    const text = textOf(await today(p.slackUserId));
    assert.doesNotMatch(text, /couldn't be loaded/);
    assert.match(text, /Blip-proof standup/);
    assert.match(text, /File report/);
    assert.match(text, /Budget sign-off/);
    // Ten failed calls, ten jittered waits; no one read waited more than 1.5 s in all.
    assert.equal(clock.waits.length, 10);
    for (const w of clock.waits) assert.ok(w >= 200 && w <= 800, `wait ${w} ms`);
    assert.ok(t.google.state.failures.every((f) => f.times === 0));
    t.google.state.failures.length = 0;
  });

  it('Google really down (a third failure in a row) becomes a one-line note and the rest still shows', async () => {
    const p = await person('America/Los_Angeles');
    seedEvent(t.google.state, p.sub, {
      summary: 'Still here',
      start: { dateTime: '2025-06-10T11:00:00-07:00' },
      end: { dateTime: '2025-06-10T11:15:00-07:00' },
    });
    const gmailCalls = t.google.state.requestsTo('/gmail/').length;
    t.google.state.failures.push({ match: /^\/gmail\//, status: 503, times: 3 });
    const text = textOf(await today(p.slackUserId));
    assert.match(
      text,
      /:warning: Gmail couldn't be loaded just now \(a problem on Google's side\)\. Try again in a minute\./,
    );
    assert.match(text, /Still here/);
    assert.match(text, /No tasks due today/);
    assert.equal(t.google.state.requestsTo('/gmail/').length - gmailCalls, 3, 'three tries, then the note');
    t.google.state.failures.length = 0;
  });

  it('a part the person did not grant says how to grant it, without calling Google for it', async () => {
    const p = await person('America/Los_Angeles', ['openid', 'email', SCOPES.calendar, SCOPES.gmailReadonly]);
    const before = t.google.state.requestsTo('/tasks/').length;
    const text = textOf(await today(p.slackUserId));
    assert.match(text, /:warning: Lume doesn't have access to Tasks\. Run `\/lume connect` and allow Tasks/);
    assert.equal(t.google.state.requestsTo('/tasks/').length, before);
    assert.match(text, /Nothing on your calendar today/);
  });

  it('a grant Google no longer honours (invalid_grant): reconnect prompt, tokens gone', async () => {
    const p = await person('UTC');
    // As when the person removes Lume in their Google account: every token dies at once, and
    // Lume's access token is refused before its expiry.
    t.google.state.revokeAccount(p.sub);
    const r = await today(p.slackUserId);
    assert.match(JSON.stringify(r.blocks), /no longer has access to your account/);
    assert.match(JSON.stringify(r.blocks), /\/auth\/oauth\/google\?link=/);
    await p.linked.user.reload();
    assert.equal(p.linked.user.status, 'revoked');
    assert.equal(p.linked.user.refreshTokenEnc, null);
  });

  it('`/lume today share` posts calendar and tasks in the channel, never the mail; plain `/lume today` stays private', async () => {
    const p = await person('UTC');
    seedEvent(t.google.state, p.sub, {
      summary: 'Team lunch',
      start: { dateTime: '2025-06-10T12:00:00Z' },
      end: { dateTime: '2025-06-10T13:00:00Z' },
    });
    seedMessage(t.google.state, p.sub, {
      from: 'hr@example.com',
      to: `p${n}@example.com`,
      subject: 'Your offer letter',
      text: 'x',
      labelIds: ['INBOX', 'UNREAD', 'IMPORTANT'],
    });
    const shared = await today(p.slackUserId, 'today share');
    assert.equal(shared.response_type, 'in_channel');
    const json = JSON.stringify(shared);
    assert.match(json, /Team lunch/);
    assert.match(json, /No tasks due today/);
    assert.doesNotMatch(json, /offer letter|hr@example\.com|unread|Mail —|p\d+@example\.com/);
    const own = await today(p.slackUserId);
    assert.equal(own.response_type, 'ephemeral');
    assert.match(JSON.stringify(own), /Your offer letter/);
  });

  it('falls back to UTC, and says so, when Slack does not know the zone', async () => {
    n += 1;
    const slackUserId = `U_T${n}`;
    t.slack.state.addUser({ id: slackUserId, name: 'nozone', tz: 'Not/AZone' });
    await connectSlackUser(t.ctx, t.google, {
      slackUserId,
      account: { sub: `9000${n}`, email: `p${n}@example.com`, name: 'NoZone' },
    });
    assert.match(
      JSON.stringify((await today(slackUserId)).blocks),
      /Times in UTC — if that isn't your time zone, set yours in Slack/,
    );
  });
});
