import assert from 'node:assert/strict';
import type { TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';
import { meeting, minutes, type Person, person, reminderServer, TestClock } from './reminder-world';

const T0 = '2027-01-12T17:00:00.000Z'; // a Tuesday, 09:00 in Los Angeles
const blocksOf = (m: { blocks?: unknown[] }) => JSON.stringify(m.blocks ?? []);

/** The contract's "Reminders" sentences, each through the running server, the fakes and the job engine. */
describe('notify: meeting reminders', function () {
  this.timeout(30_000);
  const clock = new TestClock(Date.parse(T0));
  let t: TestServer;
  let ada: Person;
  const at = async (iso: Date | string) => {
    clock.set(iso);
    await t.engine.runDue();
  };

  beforeEach(async () => {
    clock.set(T0);
    t = await reminderServer(clock);
    ada = await person(t, 'U_ADA', 'America/Los_Angeles');
  });
  afterEach(async () => t.close());

  it('done when: `/lume reminders 2`, a meeting created four minutes ahead → one DM two minutes later, with Join', async () => {
    const ack = await t.command('reminders 2', 'U_ADA');
    assert.equal(ack.status, 200);
    await t.slack.state.waitForResponse(ack.responseUrl);
    const start = new Date(clock.now().getTime() + minutes(4));
    await ada.calendar.put(meeting('evdone01', start));
    await at(new Date(clock.now().getTime() + minutes(2) - 1000));
    assert.equal(ada.reminders().length, 0, 'not before it is due');
    await at(new Date(start.getTime() - minutes(2)));
    await at(new Date(start.getTime() - minutes(1)));
    const [dm, ...more] = ada.reminders();
    assert.equal(more.length, 0, 'exactly one DM');
    assert.match(dm.text ?? '', /^Meeting evdone01 starts in 2 minutes \(9:04 AM\)/);
    const join = (dm.blocks as { type: string; elements?: { action_id: string; url?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'lume_join_link');
    assert.equal(join?.url, 'https://meet.google.com/evd-abcd-efg');
  });

  it('shows the title, the time in the person’s zone and the location; an unanswered invitation carries Yes / Maybe / No', async () => {
    const start = new Date(Date.parse(T0) + minutes(60));
    await ada.calendar.put(
      meeting('evinvite', start, {
        summary: 'Design <!channel> review',
        location: 'Room 4 & the hallway',
        hangoutLink: undefined,
        description: 'Join: https://acme.zoom.us/j/123456789?pwd=x',
        organizer: { email: 'grace@example.com' },
        attendees: [
          { email: 'grace@example.com', organizer: true, responseStatus: 'accepted' },
          { email: 'u_ada@example.com', self: true, responseStatus: 'needsAction' },
        ],
      }),
    );
    await at(new Date(start.getTime() - minutes(5)));
    const [dm] = ada.reminders();
    const blocks = blocksOf(dm);
    assert.match(blocks, /Design &lt;!channel&gt; review/);
    assert.match(blocks, /10:00 AM – 10:30 AM/);
    assert.match(blocks, /Room 4 &amp; the hallway/);
    assert.match(blocks, /"url":"https:\/\/acme\.zoom\.us\/j\/123456789\?pwd=x"/);
    for (const a of ['accepted', 'tentative', 'declined']) assert.match(blocks, new RegExp(`lume_rsvp:${a}`));
    assert.match(blocks, /\\"u\\":\\"U_ADA\\"/);
  });

  it('reminds what the person organises, accepted, answered maybe or did not answer; never declined, cancelled, all-day, working-location or out-of-office', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    const as = (responseStatus: string) => ({
      organizer: { email: 'grace@example.com' },
      attendees: [{ email: 'u_ada@example.com', self: true, responseStatus }],
    });
    await ada.calendar.put(meeting('evown', start));
    await ada.calendar.put(meeting('evyes', start, as('accepted')));
    await ada.calendar.put(meeting('evmaybe', start, as('tentative')));
    await ada.calendar.put(meeting('evnoanswer', start, as('needsAction')));
    await ada.calendar.put(meeting('evno', start, as('declined')));
    await ada.calendar.put(meeting('evcancelled', start, { status: 'cancelled' }));
    await ada.calendar.put({
      id: 'evallday',
      summary: 'Offsite',
      start: { date: '2027-01-12' },
      end: { date: '2027-01-13' },
    });
    await ada.calendar.put(meeting('evwork', start, { eventType: 'workingLocation' }));
    await ada.calendar.put(meeting('evooo', start, { eventType: 'outOfOffice' }));
    await at(new Date(start.getTime() - minutes(5)));
    const titles = ada
      .reminders()
      .map((m) => /Meeting (\w+)/.exec(m.text ?? '')?.[1])
      .sort();
    assert.deepEqual(titles, ['evmaybe', 'evnoanswer', 'evown', 'evyes']);
  });

  it('is sent within 60 s of its due time, once: not a second before, and never again', async () => {
    const start = new Date(Date.parse(T0) + minutes(20));
    await ada.calendar.put(meeting('evonce', start));
    const due = start.getTime() - minutes(5);
    const job = await t.ctx.db.models.Job.findOne({ where: { kind: 'reminder' } });
    assert.equal(job?.runAt.getTime(), due, 'due exactly lead minutes before the start');
    await at(new Date(due - 1000));
    assert.equal(ada.reminders().length, 0);
    await at(new Date(due));
    assert.equal(ada.reminders().length, 1);
    await ada.calendar.put(meeting('evonce', start, { summary: 'Renamed' })); // same start: nothing new
    await at(new Date(due + 30_000));
    assert.equal(ada.reminders().length, 1);
  });

  it('follows an event moved twice: one DM, at the final time', async () => {
    const first = new Date(Date.parse(T0) + minutes(30));
    const second = new Date(Date.parse(T0) + minutes(90));
    const final = new Date(Date.parse(T0) + minutes(60));
    await ada.calendar.put(meeting('evmoved', first));
    await ada.calendar.put(meeting('evmoved', second));
    await ada.calendar.put(meeting('evmoved', final));
    for (const m of [25, 55, 85, 89]) await at(new Date(Date.parse(T0) + minutes(m)));
    const dms = ada.reminders();
    assert.equal(dms.length, 1);
    assert.match(dms[0].text ?? '', /\(10:00 AM\)/);
  });

  it('a moved event Lume has not heard about yet is followed at send time (Google is asked again)', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    const later = new Date(Date.parse(T0) + minutes(50));
    await ada.calendar.put(meeting('evsilent', start));
    const e = t.google.state
      .dataFor(ada.linked.account.sub)
      .calendars.get('primary')
      ?.events.find((x) => x.id === 'evsilent');
    if (!e) throw new Error('no event');
    e.start = { dateTime: later.toISOString() };
    e.end = { dateTime: new Date(later.getTime() + minutes(30)).toISOString() };
    await at(new Date(start.getTime() - minutes(5)));
    assert.equal(ada.reminders().length, 0, 'not for the old time');
    await at(new Date(later.getTime() - minutes(5)));
    assert.equal(ada.reminders().length, 1);
    assert.match(ada.reminders()[0].text ?? '', /\(9:50 AM\)/);
  });

  it('a cancelled or declined event is never reminded; one deleted at Google without a sync neither', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('evcancel', start));
    await ada.calendar.put(
      meeting('evdecline', start, {
        organizer: { email: 'g@example.com' },
        attendees: [{ email: 'u_ada@example.com', self: true, responseStatus: 'accepted' }],
      }),
    );
    await ada.calendar.put(meeting('evdeleted', start));
    await ada.calendar.cancel('evcancel');
    await ada.calendar.put(
      meeting('evdecline', start, {
        organizer: { email: 'g@example.com' },
        attendees: [{ email: 'u_ada@example.com', self: true, responseStatus: 'declined' }],
      }),
    );
    const cal = t.google.state.dataFor(ada.linked.account.sub).calendars.get('primary');
    if (cal) cal.events = cal.events.filter((x) => x.id !== 'evdeleted');
    await at(new Date(start.getTime() - minutes(5)));
    assert.equal(ada.reminders().length, 0);
    // Cancelled and declined: their jobs deleted. The deleted one's job either ran and found the event
    // gone at send time, or calendar sync's poll saw it go first and deleted it too.
    const left = await t.ctx.db.models.Job.findAll({ where: { kind: 'reminder' } });
    assert.ok(left.length <= 1, 'cancelled and declined: jobs deleted');
    assert.ok(
      left.every((j) => j.state === 'done'),
      'nothing left to send',
    );
  });

  it('an event created at the last minute (due in 30 s) is reminded; one whose due time has passed is not', async () => {
    await ada.calendar.put(meeting('evlast', new Date(Date.parse(T0) + minutes(5) + 30_000)));
    await ada.calendar.put(meeting('evtoolate', new Date(Date.parse(T0) + minutes(4))));
    await at(new Date(Date.parse(T0) + 30_000));
    assert.deepEqual(
      ada.reminders().map((m) => /Meeting (\w+)/.exec(m.text ?? '')?.[1]),
      ['evlast'],
    );
  });

  it('lead 0 reminds at the start; a new lead re-plans upcoming reminders; off drops them', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('evzero', start));
    await ada.calendar.put(meeting('evoff', new Date(Date.parse(T0) + minutes(120))));
    const zero = await t.command('reminders 0', 'U_ADA');
    await t.slack.state.waitForResponse(zero.responseUrl);
    await t.engine.runDue(); // the re-plan the change queued (the engine polls each second)
    await at(new Date(start.getTime() - 1000));
    assert.equal(ada.reminders().length, 0);
    await at(start);
    assert.match(ada.reminders()[0]?.text ?? '', /^Meeting evzero starts now \(9:30 AM\)/);
    await t.ctx.settings.update(
      { teamId: t.who.teamId, slackUserId: 'U_ADA' },
      { reminders: { enabled: false } },
    );
    await t.engine.runDue();
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: 'reminder', state: 'queued' } }), 0);
    await at(new Date(Date.parse(T0) + minutes(120)));
    assert.equal(ada.reminders().length, 1);
  });

  it('Lume down past the start: the stale reminder is skipped, not sent late', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('evstale', start));
    await at(new Date(start.getTime() + minutes(10)));
    assert.equal(ada.reminders().length, 0);
    assert.ok(t.logs.lines.some((r) => /reminder skipped: the meeting already started/.test(String(r.msg))));
  });

  it('late but before the start (Lume was down): it still goes, and says the time that is really left', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('evlate', start));
    await at(new Date(start.getTime() - minutes(2)));
    assert.match(ada.reminders()[0]?.text ?? '', /^Meeting evlate starts in 2 minutes \(9:30 AM\)/);
  });

  it('disconnect deletes the person’s reminder jobs', async () => {
    await ada.calendar.put(meeting('evbye', new Date(Date.parse(T0) + minutes(30))));
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: 'reminder' } }), 1);
    const sent = await t.command('disconnect', 'U_ADA');
    await t.slack.state.waitForResponse(sent.responseUrl);
    assert.equal(await t.ctx.db.models.SlackIdentity.count(), 0, 'unlinked');
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: 'reminder' } }), 0);
  });

  it('uninstalling Lume deletes the workspace’s reminder and leave-now jobs', async () => {
    await ada.calendar.put(meeting('evuninstall', new Date(Date.parse(T0) + minutes(30))));
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: 'reminder' } }), 1);
    const sent = await t.event({ type: 'app_uninstalled' });
    await t.logs.processed(sent.eventId);
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: ['reminder', 'leave-now'] } }), 0);
    await at(new Date(Date.parse(T0) + minutes(25)));
    assert.equal(ada.reminders().length, 0);
  });

  it('Slack’s 429 is honoured: the reminder waits its Retry-After, unpunished, and then goes once', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('ev429', start));
    t.slack.state.failures.push({
      method: 'chat.postMessage',
      error: 'ratelimited',
      retryAfter: 20,
      times: 1,
    });
    const due = start.getTime() - minutes(5);
    await at(new Date(due));
    assert.equal(ada.reminders().length, 0);
    const job = await t.ctx.db.models.Job.findOne({ where: { kind: 'reminder' } });
    assert.equal(job?.runAt.getTime(), due + 20_000);
    assert.equal(job?.attempts, 0, 'a snooze is not an attempt');
    await at(new Date(due + 20_000));
    assert.equal(ada.reminders().length, 1);
  });

  it('a revoked Google grant: no DM, the job is dead at once, the account marked revoked', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('evrevoked', start));
    t.google.state.revokeAccount(ada.linked.account.sub);
    t.ctx.google.evict(ada.linked.user.id);
    await t.ctx.db.models.User.update({ accessTokenEnc: null }, { where: { id: ada.linked.user.id } });
    await at(new Date(start.getTime() - minutes(5)));
    assert.equal(ada.reminders().length, 0);
    const job = await t.ctx.db.models.Job.findOne({ where: { kind: 'reminder' } });
    assert.equal(job?.state, 'dead');
    assert.equal((await t.ctx.db.models.User.findByPk(ada.linked.user.id))?.status, 'revoked');
  });

  it('the Join button is a URL button whose click Slack still sends: acked, nothing else', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await ada.calendar.put(meeting('evjoin', start));
    await at(new Date(start.getTime() - minutes(5)));
    const [dm] = ada.reminders();
    const calls = t.slack.state.calls.length;
    const res = await t.action({
      userId: 'U_ADA',
      actionId: 'lume_join_link',
      container: { type: 'message', channelId: dm.channel, messageTs: dm.ts },
    });
    assert.equal(res.status, 200);
    assert.equal(t.slack.state.calls.length, calls, 'no Slack call for a click on Join');
  });

  it('one Google account linked in two workspaces: each Slack identity gets its own reminder, once', async () => {
    const start = new Date(Date.parse(T0) + minutes(30));
    await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_ADA2',
      teamId: 'T0OTHER',
      account: ada.linked.account,
    });
    await ada.calendar.put(meeting('evtwo', start));
    await at(new Date(start.getTime() - minutes(5)));
    const posts = t.slack.state.calls
      .filter((c) => c.method === 'chat.postMessage')
      .map((c) => c.args.channel);
    assert.deepEqual(posts.sort(), ['U_ADA', 'U_ADA2']);
  });
});
