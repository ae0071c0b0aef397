import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { MAPS_KEY, seedStartPlaces } from '../helpers/places';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

type Reply = { response_type?: string; text?: string; blocks?: unknown[] };

/** Every settings subcommand through the signed endpoint: good values, bad values, and who may set them. */
describe('/lume settings commands', () => {
  let t: TestServer;
  let tdb: TestDatabase;
  let clock = new Date('2025-06-10T16:00:00Z'); // Tuesday, 09:00 in Los Angeles
  const sql: string[] = [];
  const settingsWrites = () => sql.filter((q) => /\b(INSERT|UPDATE|DELETE)\b[^;]*person_settings/i.test(q));
  let sub = 900;
  const connect = (slackUserId: string) =>
    connectSlackUser(t.ctx, t.google, {
      slackUserId,
      account: { sub: String(++sub), email: `${slackUserId.toLowerCase()}@example.com`, name: slackUserId },
    });
  const person = (slackUserId: string) => ({ teamId: t.who.teamId, slackUserId });

  before(async () => {
    tdb = await createTestDatabase({ onQuery: (q) => sql.push(q) });
    t = await startTestServer({ database: tdb, now: () => clock, env: { GOOGLE_MAPS_API_KEY: MAPS_KEY } });
    seedStartPlaces(t.google);
    for (const [id, tz] of [
      ['U_ADA', 'America/Los_Angeles'],
      ['U_TOKYO', 'Asia/Tokyo'],
      ['U_BERLIN', 'Europe/Berlin'],
      ['U_NEW', 'America/New_York'],
      ['U_LOC', 'America/Los_Angeles'],
      ['U_TRIP', 'America/Los_Angeles'],
      ['U_BYE', 'America/Los_Angeles'],
      ['U_TZ', 'America/Chicago'],
    ])
      t.slack.state.addUser({ id, name: id.toLowerCase(), tz });
    for (const id of ['U_ADA', 'U_TOKYO', 'U_BERLIN', 'U_LOC', 'U_TRIP', 'U_BYE']) await connect(id);
  });
  after(async () => {
    await t.close();
    await tdb.cleanup();
  });

  /** `/lume <text>` answered after the ack, through response_url. */
  async function run(text: string, userId: string): Promise<Reply> {
    const res = await t.command(text, userId);
    assert.equal(res.status, 200);
    assert.equal(res.text, '', `${text}: acked empty, answered through response_url`);
    const [r] = await t.slack.state.waitForResponse(res.responseUrl);
    assert.equal(r.body.response_type, 'ephemeral', text);
    return r.body as Reply;
  }

  /** A bad value: one line in the ack itself, nothing run, nothing written. */
  async function refused(text: string, userId = 'U_ADA'): Promise<string> {
    const writes = settingsWrites().length;
    const before = await t.ctx.settings.get(person(userId));
    const res = await t.command(text, userId);
    assert.equal(res.status, 200);
    const body = res.json() as Reply;
    assert.equal(body.response_type, 'ephemeral', text);
    assert.equal(t.slack.state.responsesTo(res.responseUrl).length, 0, `${text}: nothing ran`);
    assert.equal(settingsWrites().length, writes, `${text}: no write`);
    assert.deepEqual(await t.ctx.settings.get(person(userId)), before, `${text}: nothing changed`);
    assert.equal((body.text ?? '').split('\n').length, 1, 'one line');
    return body.text ?? '';
  }

  it('not connected: the connect link saying why, and nothing is stored', async () => {
    const writes = settingsWrites().length;
    const r = await run('reminders 10', 'U_NEW');
    assert.match(JSON.stringify(r.blocks), /Reminders, invitations, the daily briefing and leave-now/);
    assert.match(JSON.stringify(r.blocks), /auth\/oauth\/google\?link=/);
    assert.equal(settingsWrites().length, writes);
  });

  it('reminders: shows the default, takes minutes (turning them on) and on/off, answers with the setting', async () => {
    assert.match(
      (await run('reminders', 'U_ADA')).text ?? '',
      /Meeting reminders:\* on, 5 minutes before each meeting/,
    );
    assert.match((await run('reminders 10', 'U_ADA')).text ?? '', /on, 10 minutes before each meeting\.$/);
    assert.match((await run('reminders off', 'U_ADA')).text ?? '', /Meeting reminders:\* off\.$/);
    assert.deepEqual((await t.ctx.settings.get(person('U_ADA'))).reminders, {
      enabled: false,
      leadMinutes: 10,
    });
    assert.match((await run('reminders ON', 'U_ADA')).text ?? '', /on, 10 minutes before/);
    await run('reminders off', 'U_ADA');
    assert.match((await run('reminders 0', 'U_ADA')).text ?? '', /on, as each meeting starts/);
    assert.match((await run('reminders 60 minutes', 'U_ADA')).text ?? '', /on, 60 minutes before/);
    assert.deepEqual((await t.ctx.settings.get(person('U_ADA'))).reminders, {
      enabled: true,
      leadMinutes: 60,
    });
  });

  it('reminders: a bad value says what is allowed and changes nothing', async () => {
    for (const bad of [
      'reminders 61',
      'reminders -5',
      'reminders 2.5',
      'reminders soon',
      'reminders 90 minutes',
    ])
      assert.match(await refused(bad), /0 to 60.*`on` \/ `off`\. Nothing changed\./, bad);
  });

  it('briefing: a time in the person’s Slack zone, weekdays unless daily, the zone and next day said', async () => {
    assert.match(
      (await run('briefing', 'U_ADA')).text ?? '',
      /Daily briefing:\* off — `\/lume briefing 8:30`/,
    );
    const r = await run('briefing 8:30', 'U_ADA');
    assert.match(
      r.text ?? '',
      /Daily briefing:\* every weekday at 8:30 AM, America\/Los_Angeles time \(your Slack time zone\) — the next one tomorrow\.$/,
    );
    assert.deepEqual((await t.ctx.settings.get(person('U_ADA'))).briefing, {
      hour: 8,
      minute: 30,
      days: 'weekdays',
    });
    // 09:00 on Tuesday in LA: 17:05 is still today.
    assert.match(
      (await run('briefing 17:05 daily', 'U_ADA')).text ?? '',
      /every day at 5:05 PM, .* the next one today/,
    );
    assert.match((await run('briefing 5pm', 'U_ADA')).text ?? '', /every weekday at 5:00 PM/);
    assert.match((await run('briefing 08:30am daily', 'U_ADA')).text ?? '', /every day at 8:30 AM/);
    assert.match((await run('briefing off', 'U_ADA')).text ?? '', /Daily briefing:\* off\.$/);
    assert.equal((await t.ctx.settings.get(person('U_ADA'))).briefing, null);
  });

  it('briefing: the same words in Tokyo and Berlin are their own 8:30, and say their zone', async () => {
    // 16:00Z on Tuesday is 01:00 Wednesday in Tokyo and 18:00 Tuesday in Berlin.
    assert.match(
      (await run('briefing 8:30', 'U_TOKYO')).text ?? '',
      /8:30 AM, Asia\/Tokyo time .* the next one today/,
    );
    assert.match(
      (await run('briefing 8:30', 'U_BERLIN')).text ?? '',
      /8:30 AM, Europe\/Berlin time .* the next one tomorrow/,
    );
    clock = new Date('2025-06-13T16:00:00Z'); // Friday 18:00 in Berlin: the next weekday is Monday
    try {
      assert.match((await run('briefing', 'U_BERLIN')).text ?? '', /the next one Monday, June 16/);
    } finally {
      clock = new Date('2025-06-10T16:00:00Z');
    }
  });

  it('briefing: a bad time says what is allowed and changes nothing', async () => {
    for (const bad of [
      'briefing 25:00',
      'briefing 8:75',
      'briefing 13pm',
      'briefing noonish',
      'briefing 8:30 sometimes',
    ])
      assert.match(
        await refused(bad),
        /`8:30`, `08:30`, `8:30am`, `17:05`, `5pm`.*`off`\. Nothing changed\./,
        bad,
      );
  });

  it('invitations: on and off, and a bad value changes nothing', async () => {
    assert.match((await run('invitations', 'U_ADA')).text ?? '', /Invitations:\* on — a DM for each new one/);
    assert.match((await run('invitations off', 'U_ADA')).text ?? '', /Invitations:\* off\.$/);
    assert.equal((await t.ctx.settings.get(person('U_ADA'))).invitations.enabled, false);
    assert.match(await refused('invitations maybe'), /`on` or `off`/);
    assert.match((await run('invitations on', 'U_ADA')).text ?? '', /Invitations:\* on/);
  });

  it('location: resolved with Places text search, stored sealed, answered with Google’s address', async () => {
    const r = await run('location Ferry Building San Francisco', 'U_LOC');
    assert.match(
      r.text ?? '',
      /Leave-now start:\* 1 Ferry Building, San Francisco, CA 94111, USA \(you typed “Ferry Building San Francisco”\)\.\n.*Travel to meetings:\* driving\.$/,
    );
    const [search] = t.google.state.requests.filter((q) => q.path.includes('places:searchText')).slice(-1);
    assert.ok(search, 'Places text search was asked');
    assert.deepEqual((await t.ctx.settings.get(person('U_LOC'))).location, {
      input: 'Ferry Building San Francisco',
      formattedAddress: '1 Ferry Building, San Francisco, CA 94111, USA',
      placeId: 'ChIJ-ferry',
      lat: 37.7955,
      lng: -122.3937,
    });
    const [rows] = (await t.ctx.db.sequelize.query('SELECT * FROM person_settings')) as [unknown[], unknown];
    assert.doesNotMatch(JSON.stringify(rows), /Ferry|37\.79|ChIJ-ferry/);
    assert.match((await run('location', 'U_LOC')).text ?? '', /Leave-now start:\* 1 Ferry Building/);
  });

  it('location: several places or none → says so and changes nothing', async () => {
    const writes = settingsWrites().length;
    const before = await t.ctx.settings.get(person('U_LOC'));
    const many = await run('location 100 Main St Springfield', 'U_LOC');
    assert.match(
      many.text ?? '',
      /^“100 Main St Springfield” matches several places \(100 Main St, Springfield, IL, USA · 100 Main St, Springfield, MA, USA\)\. Add the street number, city or postcode\. Nothing changed\.$/,
    );
    const none = await run('location Nowhere Lane 99 Atlantis', 'U_LOC');
    assert.match(
      none.text ?? '',
      /Google Maps found no place for “Nowhere Lane 99 Atlantis”.*Nothing changed\.$/,
    );
    assert.equal(settingsWrites().length, writes);
    assert.deepEqual(await t.ctx.settings.get(person('U_LOC')), before);
  });

  it('location: a refused Maps key is the admin’s to fix, and changes nothing', async () => {
    t.google.state.mapsKeys.delete(MAPS_KEY);
    try {
      const r = await run('location Ferry Building', 'U_LOC');
      assert.match(
        r.text ?? '',
        /Google refused this Lume's Maps key.*tell your Slack admin\. Nothing changed\.$/,
      );
      assert.equal((await t.ctx.settings.get(person('U_LOC'))).location?.placeId, 'ChIJ-ferry');
    } finally {
      t.google.state.mapsKeys.add(MAPS_KEY);
    }
  });

  it('location: escapes what the person typed; off clears it; too long is refused', async () => {
    const r = await run('location <!channel> & <@U123>', 'U_LOC');
    assert.doesNotMatch(r.text ?? '', /<!channel>|<@U123>/);
    assert.match(r.text ?? '', /&lt;!channel&gt; &amp; &lt;@U123&gt;/);
    assert.match((await run('location off', 'U_LOC')).text ?? '', /Leave-now start:\* not set/);
    assert.equal((await t.ctx.settings.get(person('U_LOC'))).location, null);
    assert.match(await refused(`location ${'x'.repeat(201)}`, 'U_LOC'), /at most 200 characters/);
  });

  it('travel: the four modes (and everyday words for them); a bad one changes nothing', async () => {
    const r = await run('travel transit', 'U_TRIP');
    assert.match(
      r.text ?? '',
      /Travel to meetings:\* public transit\.\nLeave-now starts once you set where you start from/,
    );
    assert.match((await run('travel bike', 'U_TRIP')).text ?? '', /Travel to meetings:\* cycling/);
    assert.equal((await t.ctx.settings.get(person('U_TRIP'))).travelMode, 'bicycling');
    assert.match(await refused('travel flying', 'U_TRIP'), /`driving`, `transit`, `walking`, `bicycling`/);
  });

  it('help lists every settings command, escaped for Slack, and a question still reaches the agent', async () => {
    const res = await t.command('help', 'U_ADA');
    const body = res.json() as Reply;
    const all = JSON.stringify(body.blocks);
    for (const usage of [
      '/lume settings',
      '/lume reminders &lt;minutes&gt;|on|off',
      '/lume briefing &lt;time&gt; [weekdays|daily] · /lume briefing off',
      '/lume invitations on|off',
      '/lume location &lt;address&gt; · /lume location off',
      '/lume travel driving|transit|walking|bicycling',
    ])
      assert.ok(all.includes(usage), usage);
    assert.doesNotMatch(all, /<minutes>|<time>|<address>/);
    const ask = await run('reminders are too early, what can I do?', 'U_ADA');
    assert.match(ask.text ?? '', /I'll answer in/);
  });

  it('stores the Slack time zone whenever Lume reads users.info, and follows a traveller', async () => {
    await connect('U_TZ');
    await run('reminders', 'U_TZ');
    let s = await t.ctx.settings.get(person('U_TZ'));
    assert.equal(s.timeZone, 'America/Chicago');
    assert.equal(s.timeZoneReadAt?.toISOString(), clock.toISOString());
    // They fly to Tokyo; once the cached users.info answer ages out, the next read records it.
    t.slack.state.addUser({ id: 'U_TZ', name: 'u_tz', tz: 'Asia/Tokyo' });
    clock = new Date(clock.getTime() + 11 * 60_000);
    try {
      assert.match((await run('briefing 7:00', 'U_TZ')).text ?? '', /Asia\/Tokyo time/);
      s = await t.ctx.settings.get(person('U_TZ'));
      assert.equal(s.timeZone, 'Asia/Tokyo');
      assert.equal(s.timeZoneReadAt?.toISOString(), clock.toISOString());
    } finally {
      clock = new Date('2025-06-10T16:00:00Z');
    }
  });

  it('disconnect deletes the person’s settings; uninstalling the workspace deletes everyone’s', async () => {
    await run('briefing 8:30', 'U_BYE');
    await run('location Ferry Building', 'U_BYE');
    assert.ok(await t.ctx.db.models.PersonSetting.count({ where: {} }));
    const bye = await t.ctx.db.models.SlackIdentity.findOne({ where: { slackUserId: 'U_BYE' } });
    await run('disconnect', 'U_BYE');
    assert.equal(
      await t.ctx.db.models.SlackIdentity.count({ where: { slackUserId: 'U_BYE' } }),
      0,
      'the link too',
    );
    assert.equal(await t.ctx.db.models.PersonSetting.count({ where: { slackIdentityId: bye?.id } }), 0);
    const sent = await t.event({ type: 'app_uninstalled' });
    await t.logs.processed(sent.eventId);
    assert.equal(await t.ctx.db.models.PersonSetting.count(), 0);
  });
});

describe('/lume location without Google Maps', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    t.slack.state.addUser({ id: 'U_NOMAPS', name: 'nomaps', tz: 'Europe/London' });
    await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_NOMAPS' });
  });
  after(() => t.close());

  const reply = async (text: string) => {
    const res = await t.command(text, 'U_NOMAPS');
    const [r] = await t.slack.state.waitForResponse(res.responseUrl);
    return String(r.body.text ?? '');
  };

  it('one line: leave-now needs the admin to configure Maps; nothing stored, Google never asked', async () => {
    const text = await reply('location 1 Market St, San Francisco');
    assert.equal(
      text,
      "Leave-now reminders need Google Maps, which this Lume's admin hasn't configured yet (GOOGLE_MAPS_API_KEY). Nothing changed.",
    );
    assert.equal(t.google.state.requests.filter((q) => q.path.includes('places')).length, 0);
    assert.equal(
      (await t.ctx.settings.get({ teamId: t.who.teamId, slackUserId: 'U_NOMAPS' })).location,
      null,
    );
  });

  it('travel still takes a mode, and says leave-now needs Maps', async () => {
    assert.match(await reply('travel walking'), /walking\.\nLeave-now reminders need Google Maps/);
  });
});
