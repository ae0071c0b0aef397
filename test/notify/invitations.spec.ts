import assert from 'node:assert/strict';
import { purgeRsvpClaims } from '../../src/jobs/purge-rsvp-claims';
import { invitationKey } from '../../src/notify/invitation-state';
import { ADA } from '../fakes/google/server';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  click,
  dmsTo,
  HOUR,
  handled,
  INVITE,
  linkAda,
  type Person,
  patchesOf,
  shown,
  T0,
} from './invitation-harness';

/**
 * Invitation DMs end to end: calendar changes (the fake Google plus a batch as sync emits it) → the
 * job engine → the fake Slack; Yes / Maybe / No through the signed endpoint → the events PATCH at the
 * fake Google. On SQLite, and on MariaDB with LUME_TEST_DB=mysql.
 */
describe('invitations', () => {
  let t: TestServer;
  let ada: Person;
  let clock = T0;
  let n = 0;
  const nextId = () => `inv${++n}`;

  before(async () => {
    t = await startTestServer({ now: () => clock });
    ada = await linkAda(() => t);
    t.slack.state.addUser({ id: 'U_EVE', name: 'eve', tz: 'Europe/Berlin' });
  });
  after(() => t.close());
  beforeEach(async () => {
    clock = T0;
    // Each spec starts at T0 again, so a Slack pause an earlier one recorded (429) would still hold.
    await t.ctx.db.sequelize.query('DELETE FROM slack_pauses');
  });

  /** A new invitation synced and its DM sent; returns the DM. */
  async function invited(summary = 'Roadmap', span = INVITE) {
    const id = nextId();
    ada.world.invite({ id, summary, ...span });
    await ada.world.sync([id]);
    await t.engine.runDue();
    const dm = dmsTo(t, ada).find((m) =>
      m.text?.includes(summary.replace(/</g, '&lt;').replace(/>/g, '&gt;')),
    );
    assert.ok(dm, `a DM for ${summary}`);
    // As the person saw it (the fake's record changes when Lume updates the message).
    return { id, dm: structuredClone(dm) };
  }

  it('DMs a new invitation with its title, organiser, time in the person’s zone and what it overlaps', async () => {
    ada.world.own({
      id: 'design',
      summary: 'Design review',
      start: new Date('2026-03-12T09:00:00Z'),
      end: new Date('2026-03-12T09:30:00Z'),
    });
    await ada.world.sync(['design']);
    const before = dmsTo(t, ada).length;
    const { id, dm } = await invited('Roadmap <!channel>');
    assert.equal(dmsTo(t, ada).length, before + 1, 'one DM; the own event announced nothing');
    const body = shown(dm);
    assert.match(body, /Grace Hopper invited you to/);
    assert.match(body, /Roadmap &lt;!channel&gt;/, 'the title is escaped');
    assert.match(body, /Thu, Mar 12, 10:15 AM – 11:00 AM/, 'Berlin time');
    assert.match(body, /overlaps Design review 10:00 AM – 10:30 AM/);
    for (const label of ['Yes', 'Maybe', 'No']) assert.match(body, new RegExp(`"text":"${label}"`));
    // Synced again (a retried sync job, another batch): still one DM.
    await ada.world.sync([id]);
    await t.engine.runDue();
    assert.equal(dmsTo(t, ada).filter((m) => m.ts === dm.ts || m.text === dm.text).length, 1);
    const notice = await t.ctx.notices.find(invitationKey(ada.linked.identity.id, id));
    assert.ok(notice, 'the DM is recorded');
    const metrics = await t.ctx.metrics.registry.metrics();
    assert.match(metrics, /lume_notifications_sent_total\{kind="invitation"\} 1\b/);
  });

  it('announces nothing from a first sync, nor an invitation already past, nor the person’s own events', async () => {
    const before = dmsTo(t, ada).length;
    const first = nextId();
    ada.world.invite({ id: first, summary: 'Was there before', ...INVITE });
    await ada.world.sync([first], { initial: true });
    const past = nextId();
    ada.world.invite({ id: past, summary: 'Yesterday', start: new Date(T0.getTime() - 2 * HOUR), end: T0 });
    await ada.world.sync([past]);
    ada.world.own({ id: nextId(), summary: 'Mine', ...INVITE });
    await ada.world.sync([`inv${n}`]);
    await t.engine.runDue();
    assert.equal(dmsTo(t, ada).length, before);
  });

  it('sends none with /lume invitations off, also for one queued before it was turned off', async () => {
    const before = dmsTo(t, ada).length;
    const queued = nextId();
    ada.world.invite({ id: queued, summary: 'Queued', ...INVITE });
    await ada.world.sync([queued]); // planned while on; not yet run
    const off = await t.command('invitations off', ada.slackUserId);
    assert.equal(off.status, 200);
    await t.slack.state.waitForResponse(off.responseUrl);
    const later = nextId();
    ada.world.invite({ id: later, summary: 'Later', ...INVITE });
    await ada.world.sync([later]);
    await t.engine.runDue();
    assert.equal(dmsTo(t, ada).length, before);
    await t.ctx.settings.update(
      { teamId: t.who.teamId, slackUserId: ada.slackUserId },
      { invitations: { enabled: true } },
    );
  });

  it('Yes sets only the person’s own answer (attendeesOmitted), once, and the DM shows it', async () => {
    const { id, dm } = await invited('Planning');
    const guestsBefore = structuredClone(ada.world.event(id).attendees);
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    // A double click, then Slack delivering the click again.
    await Promise.all([click(t, dm, 'accepted', ada.slackUserId), click(t, dm, 'accepted', ada.slackUserId)]);
    await handled(t, seen + 2);
    await click(t, dm, 'accepted', ada.slackUserId);
    const outcomes = (await handled(t, seen + 3)).slice(seen);
    assert.deepEqual([...outcomes].sort(), ['answered', 'duplicate', 'duplicate']);
    const patches = patchesOf(t, id);
    assert.equal(patches.length, 1, 'one PATCH');
    assert.deepEqual(patches[0].body, {
      attendeesOmitted: true,
      attendees: [{ email: ADA.email, responseStatus: 'accepted' }],
    });
    assert.equal(patches[0].query.sendUpdates, 'all');
    const guests = ada.world.event(id).attendees ?? [];
    assert.equal(guests.length, (guestsBefore ?? []).length, 'nobody removed');
    assert.equal(guests.find((g) => g.self)?.responseStatus, 'accepted');
    assert.equal(guests.find((g) => g.email === 'linus@example.com')?.responseStatus, 'tentative');
    const now = t.slack.state.messages.find((m) => m.ts === dm.ts);
    assert.match(shown(now), /You answered \*Yes\*/);
    assert.doesNotMatch(shown(now), /lume_rsvp:accepted/, 'the buttons are gone');
    // The next sync sees the answer: the DM is not touched again.
    const updates = t.slack.state.callsTo('chat.update').length;
    await ada.world.sync([id]);
    await t.engine.runDue();
    assert.equal(t.slack.state.callsTo('chat.update').length, updates);
  });

  it('another person’s click changes nothing and tells them so, privately', async () => {
    const { id, dm } = await invited('Not for Eve');
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    const { responseUrl } = await click(t, dm, 'declined', 'U_EVE');
    const [reply] = await t.slack.state.waitForResponse(responseUrl);
    assert.equal(reply.body.response_type, 'ephemeral');
    assert.match(String(reply.body.text), /for someone else/);
    assert.equal(patchesOf(t, id).length, 0);
    assert.equal(shown(t.slack.state.messages.find((m) => m.ts === dm.ts)), shown(dm), 'the DM is unchanged');
    // …and Ada's own click still works afterwards.
    await click(t, dm, 'tentative', ada.slackUserId);
    assert.deepEqual((await handled(t, seen + 2)).slice(seen), ['not-yours', 'answered']);
    assert.equal(patchesOf(t, id).length, 1);
  });

  it('an invitation that changed since the DM: the click says so and answers nothing', async () => {
    const { id, dm } = await invited('Moved since');
    ada.world.change(id, (e) => {
      e.start = { dateTime: '2026-03-13T13:00:00Z' };
      e.end = { dateTime: '2026-03-13T14:00:00Z' };
    });
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    await click(t, dm, 'accepted', ada.slackUserId);
    assert.deepEqual((await handled(t, seen + 1)).slice(seen), ['stale']);
    assert.equal(patchesOf(t, id).length, 0);
    assert.match(
      shown(t.slack.state.messages.find((m) => m.ts === dm.ts)),
      /changed after this message was sent/,
    );
  });

  it('a cancelled invitation: the click says so and answers nothing', async () => {
    const { id, dm } = await invited('Cancelled since');
    ada.world.change(id, (e) => {
      e.status = 'cancelled';
    });
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    await click(t, dm, 'accepted', ada.slackUserId);
    await handled(t, seen + 1);
    assert.equal(patchesOf(t, id).length, 0);
    assert.match(shown(t.slack.state.messages.find((m) => m.ts === dm.ts)), /was cancelled/);
  });

  it('answered elsewhere (Gmail, Calendar): the DM shows the answer after the next sync', async () => {
    const { id, dm } = await invited('Answered in Gmail');
    ada.world.change(id, (e) => {
      const self = e.attendees?.find((a) => a.self);
      if (self) self.responseStatus = 'declined';
    });
    await ada.world.sync([id]);
    await t.engine.runDue();
    const now = t.slack.state.messages.find((m) => m.ts === dm.ts);
    assert.match(shown(now), /You answered \*No\*/);
    assert.equal(patchesOf(t, id).length, 0, 'Lume changed nothing at Google');
  });

  it('a cancelled invitation’s DM says so after the next sync', async () => {
    const { id, dm } = await invited('Called off');
    ada.world.change(id, (e) => {
      e.status = 'cancelled';
    });
    await ada.world.sync([id]);
    await t.engine.runDue();
    assert.match(shown(t.slack.state.messages.find((m) => m.ts === dm.ts)), /was cancelled/);
  });

  it('the same buttons on a reminder answer too (a ref whose DM is not the invitation’s)', async () => {
    const { id, dm } = await invited('Reminded');
    // A reminder for it carries the same buttons (src/slack/blocks/notices/rsvp-buttons.ts).
    const posted = await t.lume.slack.client.chat.postMessage({
      channel: ada.slackUserId,
      text: 'Reminder: Reminded',
      blocks: dm.blocks as never,
    });
    const reminder = t.slack.state.messages.find((m) => m.ts === posted.ts);
    assert.ok(reminder);
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    await click(t, reminder, 'tentative', ada.slackUserId);
    await handled(t, seen + 1);
    assert.equal(patchesOf(t, id).length, 1);
    assert.match(shown(t.slack.state.messages.find((m) => m.ts === reminder.ts)), /You answered \*Maybe\*/);
    // The invitation's own DM follows on the next sync.
    await ada.world.sync([id]);
    await t.engine.runDue();
    assert.match(shown(t.slack.state.messages.find((m) => m.ts === dm.ts)), /You answered \*Maybe\*/);
  });

  it('Google failing: a friendly private line, nothing changed, and the next click may try again', async () => {
    const { id, dm } = await invited('Flaky');
    t.google.state.failures.push({ match: new RegExp(`/events/${id}$`), status: 500, times: 10 });
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    const { responseUrl } = await click(t, dm, 'accepted', ada.slackUserId);
    const [reply] = await t.slack.state.waitForResponse(responseUrl);
    assert.match(String(reply.body.text), /did not take your answer/);
    assert.doesNotMatch(JSON.stringify(reply.body), /Error|at \w+ \(/);
    await handled(t, seen + 1);
    t.google.state.failures.length = 0;
    await click(t, dm, 'accepted', ada.slackUserId);
    assert.deepEqual((await handled(t, seen + 2)).slice(seen), ['failed', 'answered']);
    assert.equal(ada.world.event(id).attendees?.find((a) => a.self)?.responseStatus, 'accepted');
  });

  it('Slack’s 429 snoozes the DM until Retry-After; a refusal drops it (no retry storm)', async () => {
    const limited = nextId();
    ada.world.invite({ id: limited, summary: 'Rate limited', ...INVITE });
    t.slack.state.failures.push({
      method: 'chat.postMessage',
      error: 'ratelimited',
      retryAfter: 30,
      times: 1,
    });
    await ada.world.sync([limited]);
    await t.engine.runDue();
    const sent = () => dmsTo(t, ada).filter((m) => m.text?.includes('Rate limited')).length;
    assert.equal(sent(), 0);
    const job = await t.ctx.db.models.Job.findOne({
      where: { uniqueKey: invitationKey(ada.linked.identity.id, limited) },
    });
    assert.equal(job?.state, 'queued');
    assert.equal(job?.attempts, 0, 'a snooze uses no attempt');
    clock = new Date(T0.getTime() + 31_000);
    await t.engine.runDue();
    assert.equal(sent(), 1);

    const refused = nextId();
    ada.world.invite({ id: refused, summary: 'Refused', ...INVITE });
    t.slack.state.failures.push({ method: 'chat.postMessage', error: 'account_inactive', times: 1 });
    await ada.world.sync([refused]);
    await t.engine.runDue();
    const dead = await t.ctx.db.models.Job.findOne({
      where: { uniqueKey: invitationKey(ada.linked.identity.id, refused) },
    });
    assert.equal(dead?.state, 'dead');
    assert.equal(await t.ctx.notices.find(invitationKey(ada.linked.identity.id, refused)), null);
  });

  it('RSVP claims are purged a week after the click (hourly housekeeping)', async () => {
    const { RsvpClaim } = t.ctx.db.models;
    const claims = await RsvpClaim.count();
    assert.ok(claims > 0);
    clock = new Date(T0.getTime() + 6 * 24 * HOUR);
    assert.equal(await purgeRsvpClaims.run(t.ctx, {}), 0, 'kept within the week');
    clock = new Date(T0.getTime() + 8 * 24 * HOUR);
    assert.equal(await purgeRsvpClaims.run(t.ctx, {}), claims);
    clock = T0;
    const { dm } = await invited('Claimed again');
    const seen = t.logs.lines.filter((l) => l.msg === 'RSVP click handled').length;
    await click(t, dm, 'accepted', ada.slackUserId);
    await handled(t, seen + 1);
    assert.equal(await RsvpClaim.count(), 1);
  });

  it('/lume disconnect cancels the person’s queued invitations; their notices and claims go with them', async () => {
    const id = nextId();
    ada.world.invite({ id, summary: 'Queued then gone', ...INVITE });
    await ada.world.sync([id]);
    const key = invitationKey(ada.linked.identity.id, id);
    const { Job, Notice, RsvpClaim } = t.ctx.db.models;
    assert.equal(await Job.count({ where: { uniqueKey: key } }), 1);
    assert.ok((await Notice.count()) > 0 && (await RsvpClaim.count()) > 0);
    const res = await t.command('disconnect', ada.slackUserId);
    await t.slack.state.waitForResponse(res.responseUrl);
    assert.equal(await Job.count({ where: { uniqueKey: key } }), 0);
    assert.equal(await Notice.count(), 0);
    assert.equal(await RsvpClaim.count(), 0);
    await t.engine.runDue();
    assert.equal(dmsTo(t, ada).filter((m) => m.text?.includes('Queued then gone')).length, 0);
  });
});
