import assert from 'node:assert/strict';
import { REREAD_EVERY_MS } from '../../src/jobs/reread-time-zones';
import { DAY_MS, HOUR_MS } from '../../src/time/duration';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google/server';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

const TEAM = 'T0LUME';

/** Issue 9 item 3: "Time zone follows Slack (users.info), re-read daily so a traveller's reminders follow them." */
describe('jobs: the daily Slack time-zone re-read', function () {
  this.timeout(60_000);
  let google: FakeGoogle;
  let slack: FakeSlack;
  let tdb: TestDatabase;
  let clock: number;
  const servers: TestServer[] = [];
  const now = () => new Date(clock);
  const server = async () => {
    const s = await startTestServer({ now, google, slack, database: tdb });
    servers.push(s);
    return s;
  };
  const reads = (user: string) =>
    slack.state.callsTo('users.info').filter((c) => c.args.user === user).length;
  const zoneOf = async (s: TestServer, slackUserId: string) =>
    (await s.ctx.settings.get({ teamId: TEAM, slackUserId })).timeZone;
  const traveller = async (s: TestServer, id: string, tz: string, sub: string) => {
    slack.state.addUser({ id, name: id.toLowerCase(), tz });
    await connectSlackUser(s.ctx, google, {
      slackUserId: id,
      account: { sub, email: `${sub}@example.com`, name: id },
    });
  };

  beforeEach(async () => {
    clock = Date.parse('2026-03-02T09:00:00.000Z');
    google = await startFakeGoogle();
    slack = await startFakeSlack();
    tdb = await createTestDatabase();
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    await google.close();
    await slack.close();
    await tdb.cleanup();
  });

  it('re-reads a person a day after the last read; their stored zone follows Slack and the change is announced', async () => {
    const s = await server();
    const heard: { before: string | null; after: string | null }[] = [];
    s.ctx.settings.onChanged(({ person, before, after }) => {
      if (person.slackUserId === 'U_TRAV') heard.push({ before: before.timeZone, after: after.timeZone });
    });
    await traveller(s, 'U_TRAV', 'America/Los_Angeles', 'g-trav');
    await s.engine.runDue();
    assert.equal(reads('U_TRAV'), 1, 'never read: read on the first pass');
    assert.equal(await zoneOf(s, 'U_TRAV'), 'America/Los_Angeles');

    // They fly to Berlin; Slack's profile follows them.
    slack.state.addUser({ id: 'U_TRAV', name: 'trav', tz: 'Europe/Berlin' });
    for (const step of [REREAD_EVERY_MS, 6 * HOUR_MS, 12 * HOUR_MS]) {
      clock += step;
      await s.engine.runDue();
    }
    assert.equal(reads('U_TRAV'), 1, 'a read less than a day old is not re-read');
    assert.equal(await zoneOf(s, 'U_TRAV'), 'America/Los_Angeles');

    clock = Date.parse('2026-03-03T09:05:00.000Z');
    await s.engine.runDue();
    assert.equal(reads('U_TRAV'), 2);
    const after = await s.ctx.settings.get({ teamId: TEAM, slackUserId: 'U_TRAV' });
    assert.equal(after.timeZone, 'Europe/Berlin');
    assert.equal(after.timeZoneReadAt?.toISOString(), '2026-03-03T09:05:00.000Z');
    assert.deepEqual(heard.at(-1), { before: 'America/Los_Angeles', after: 'Europe/Berlin' });
  });

  it('a 429 from users.info ends the pass without failing the job; the next pass reads the rest', async () => {
    const s = await server();
    for (const [i, tz] of ['Asia/Tokyo', 'Europe/Paris', 'America/Chicago'].entries())
      await traveller(s, `U_P${i}`, tz, `g-p${i}`);
    slack.state.failures.push({ method: 'users.info', error: 'ratelimited', retryAfter: 30, times: 1 });
    const pass = await s.engine.runDue();
    assert.equal(slack.state.callsTo('users.info').length, 1, 'no call after the 429');
    assert.deepEqual([pass.retried, pass.dead], [0, 0], 'the pass is not a failure');
    const period = await s.tdb.db.models.Job.findOne({
      where: { uniqueKey: 'recurring:reread-time-zones:2026-03-02T09:00:00.000Z' },
    });
    assert.equal(period?.state, 'done');
    assert.equal(period?.lastError, null);
    assert.deepEqual(await Promise.all(['U_P0', 'U_P1', 'U_P2'].map((u) => zoneOf(s, u))), [
      null,
      null,
      null,
    ]);

    clock += REREAD_EVERY_MS;
    await s.engine.runDue();
    assert.deepEqual(await Promise.all(['U_P0', 'U_P1', 'U_P2'].map((u) => zoneOf(s, u))), [
      'Asia/Tokyo',
      'Europe/Paris',
      'America/Chicago',
    ]);
    assert.equal(slack.state.callsTo('users.info').length, 4);
  });

  it('a person Slack cannot answer for does not hold up the others, nor every later pass', async () => {
    const s = await server();
    // Both read at the same time: U_GONE (linked first) comes first in the next pass.
    await traveller(s, 'U_GONE', 'Asia/Tokyo', 'g-gone');
    await traveller(s, 'U_HERE', 'Europe/Paris', 'g-here');
    await s.engine.runDue();
    assert.equal(await zoneOf(s, 'U_GONE'), 'Asia/Tokyo');
    slack.state.users.delete('U_GONE');
    slack.state.addUser({ id: 'U_HERE', name: 'here', tz: 'Europe/Berlin' });
    clock += DAY_MS + REREAD_EVERY_MS;
    const pass = await s.engine.runDue();
    assert.deepEqual([pass.retried, pass.dead], [0, 0]);
    assert.equal(await zoneOf(s, 'U_HERE'), 'Europe/Berlin', 'read after the one Slack could not answer for');
    assert.equal(reads('U_GONE'), 2);
    await s.logs.waitFor((l) => l.msg === 'could not re-read a Slack time zone', 'the warning');
    const gone = await s.ctx.settings.get({ teamId: TEAM, slackUserId: 'U_GONE' });
    assert.equal(gone.timeZone, 'Asia/Tokyo', 'the zone they had is kept');
    assert.equal(gone.timeZoneReadAt?.getTime(), clock, 'asked again tomorrow, not every pass');
    clock += REREAD_EVERY_MS;
    await s.engine.runDue();
    assert.equal(reads('U_GONE'), 2);
  });

  it('two instances on one database run each pass once', async () => {
    const a = await server();
    const b = await server();
    await traveller(a, 'U_TRAV', 'America/Los_Angeles', 'g-trav');
    await Promise.all([a.engine.runDue(), b.engine.runDue()]);
    await Promise.all([a.engine.runDue(), b.engine.runDue()]);
    assert.equal(reads('U_TRAV'), 1);
    slack.state.addUser({ id: 'U_TRAV', name: 'trav', tz: 'Europe/Berlin' });
    clock += DAY_MS + REREAD_EVERY_MS;
    await Promise.all([a.engine.runDue(), b.engine.runDue()]);
    await Promise.all([b.engine.runDue(), a.engine.runDue()]);
    assert.equal(reads('U_TRAV'), 2);
    assert.equal(await zoneOf(b, 'U_TRAV'), 'Europe/Berlin');
  });
});
