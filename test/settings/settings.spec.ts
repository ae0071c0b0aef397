import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { buildContext } from '../../src/build-context';
import type { AppContext } from '../../src/context';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { createLogger } from '../../src/log';
import { reencryptSettings } from '../../src/rotate-keys';
import { LEAD_MINUTES } from '../../src/settings/rules';
import { defaultSettings, Settings } from '../../src/settings/settings';
import type { Location, SlackPerson } from '../../src/settings/types';
import { InvalidSettingsError } from '../../src/settings/validate';
import { testConfig } from '../helpers/config';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const HOME: Location = {
  input: '1 Market St, San Francisco',
  formattedAddress: '1 Market St, San Francisco, CA 94105, USA',
  placeId: 'ChIJ-market',
  lat: 37.7941,
  lng: -122.395,
};

describe('settings service (src/settings)', () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let clock: Date;
  const statements: string[] = [];

  before(async () => {
    t = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
    clock = new Date('2025-06-10T16:00:00Z');
    ctx = buildContext(testConfig(), t.db, createLogger('silent'), () => clock);
  });
  after(() => t.cleanup());

  /** A Slack person linked to a Google account, as the OAuth callback leaves them. */
  async function linked(slackUserId: string, o: { teamId?: string; userId?: string } = {}) {
    const teamId = o.teamId ?? 'T1';
    let userId = o.userId;
    if (!userId) {
      userId = randomUUID();
      await t.db.models.User.create({
        id: userId,
        googleId: `g-${userId}`,
        email: `${slackUserId.toLowerCase()}@example.com`,
        name: null,
        accessTokenEnc: null,
        refreshTokenEnc: 'v1.sealed',
        tokenExpiresAt: null,
        grantedScopes: '',
        status: 'connected',
      });
    }
    await t.db.models.SlackIdentity.create({ teamId, slackUserId, userId });
    return { person: { teamId, slackUserId } as SlackPerson, userId };
  }

  it('someone who never chose anything has the defaults, and nothing is stored for them', async () => {
    const { person } = await linked('U_DEF');
    assert.deepEqual(await ctx.settings.get(person), defaultSettings());
    assert.deepEqual(defaultSettings().reminders, { enabled: true, leadMinutes: LEAD_MINUTES.default });
    assert.equal(defaultSettings().invitations.enabled, true);
    assert.equal(defaultSettings().briefing, null);
    assert.equal(defaultSettings().travelMode, 'driving');
    assert.equal(await t.db.models.PersonSetting.count(), 0);
  });

  it('stores a change and returns the settings as they now stand; what the change leaves out stays', async () => {
    const { person } = await linked('U_SET');
    let s = await ctx.settings.update(person, { reminders: { leadMinutes: 12 } });
    assert.deepEqual(s.reminders, { enabled: true, leadMinutes: 12 });
    s = await ctx.settings.update(person, { briefing: { hour: 8, minute: 30, days: 'weekdays' } });
    s = await ctx.settings.update(person, { travelMode: 'transit', invitations: { enabled: false } });
    assert.deepEqual(s, {
      ...defaultSettings(),
      reminders: { enabled: true, leadMinutes: 12 },
      briefing: { hour: 8, minute: 30, days: 'weekdays' },
      invitations: { enabled: false },
      travelMode: 'transit',
    });
    s = await ctx.settings.update(person, { briefing: null, reminders: { enabled: false } });
    assert.equal(s.briefing, null);
    assert.deepEqual(s.reminders, { enabled: false, leadMinutes: 12 });
    assert.deepEqual(await ctx.settings.get(person), s);
  });

  it('two changes at once to different settings both hold (only the named columns are written)', async () => {
    const { person } = await linked('U_RACE');
    await Promise.all([
      ctx.settings.update(person, { reminders: { leadMinutes: 30 } }),
      ctx.settings.update(person, { travelMode: 'walking' }),
      ctx.settings.update(person, { briefing: { hour: 7, minute: 0, days: 'daily' } }),
    ]);
    const s = await ctx.settings.get(person);
    assert.equal(s.reminders.leadMinutes, 30);
    assert.equal(s.travelMode, 'walking');
    assert.deepEqual(s.briefing, { hour: 7, minute: 0, days: 'daily' });
  });

  it('the location is stored only sealed, bound to its Slack identity', async () => {
    const { person } = await linked('U_LOC');
    const { person: other } = await linked('U_LOC2');
    assert.deepEqual((await ctx.settings.update(person, { location: HOME })).location, HOME);
    await ctx.settings.update(other, { travelMode: 'bicycling' });
    const [rows] = (await t.db.sequelize.query(
      'SELECT location_enc FROM person_settings WHERE location_enc IS NOT NULL',
    )) as [{ location_enc: string }[], unknown];
    assert.equal(rows.length, 1);
    assert.match(rows[0].location_enc, /^v1\./);
    const dump = JSON.stringify(rows);
    for (const secret of ['Market', '37.79', 'ChIJ-market']) assert.ok(!dump.includes(secret), secret);
    // The ciphertext copied onto someone else's row does not open there.
    const otherId = (await t.db.models.SlackIdentity.findOne({ where: { slackUserId: 'U_LOC2' } }))?.id;
    await t.db.models.PersonSetting.update(
      { locationEnc: rows[0].location_enc },
      { where: { slackIdentityId: otherId } },
    );
    assert.equal((await ctx.settings.get(other)).location, null);
    assert.deepEqual((await ctx.settings.get(person)).location, HOME);
    assert.deepEqual((await ctx.settings.update(person, { location: null })).location, null);
  });

  it('key rotation re-seals stored locations, so the old key can go', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const log = createLogger('silent');
    const settingsWith = (cipher: TokenCipher) =>
      new Settings({ models: t.db.models, cipher, log, now: () => clock });
    const { person } = await linked('U_ROT');
    await t.db.models.PersonSetting.update({ locationEnc: null }, { where: {} });
    await settingsWith(new TokenCipher(oldKey)).update(person, { location: HOME });
    const during = new TokenCipher(newKey, [oldKey]);
    assert.deepEqual(await reencryptSettings(t.db.models, during), { rewritten: 1, unreadable: 0 });
    assert.deepEqual(await reencryptSettings(t.db.models, during), { rewritten: 0, unreadable: 0 });
    assert.deepEqual((await settingsWith(new TokenCipher(newKey)).get(person)).location, HOME);
  });

  it('refuses a change that breaks the rules, and writes nothing', async () => {
    const { person } = await linked('U_BAD');
    const bad = [
      { reminders: { leadMinutes: 61 } },
      { reminders: { leadMinutes: -1 } },
      { reminders: { leadMinutes: 2.5 } },
      { briefing: { hour: 24, minute: 0, days: 'weekdays' as const } },
      { briefing: { hour: 8, minute: 60, days: 'daily' as const } },
      { briefing: { hour: 8, minute: 0, days: 'weekends' as never } },
      { travelMode: 'flying' as never },
      { location: { ...HOME, input: '' } },
      { location: { ...HOME, input: 'x'.repeat(201) } },
      { location: { ...HOME, lat: 91 } },
    ];
    statements.length = 0;
    for (const change of bad)
      await assert.rejects(ctx.settings.update(person, change), InvalidSettingsError, JSON.stringify(change));
    assert.deepEqual(statements, [], 'not even a read');
    assert.equal(await t.db.models.PersonSetting.count({ where: { slackIdentityId: -1 } }), 0);
  });

  it('stores nothing for someone who is not linked', async () => {
    const stranger = { teamId: 'T1', slackUserId: 'U_STRANGER' };
    await assert.rejects(ctx.settings.update(stranger, { travelMode: 'walking' }), /linked Slack identity/);
    assert.equal(await ctx.settings.refreshTimeZone(stranger, 'Europe/Berlin'), false);
    assert.deepEqual(await ctx.settings.get(stranger), defaultSettings());
  });

  it('records the Slack time zone with when it was read; an older read never overwrites a newer one', async () => {
    const { person } = await linked('U_TZ');
    const at = new Date('2025-06-10T15:00:00Z');
    assert.equal(await ctx.settings.refreshTimeZone(person, 'Asia/Tokyo', at), true);
    let s = await ctx.settings.get(person);
    assert.equal(s.timeZone, 'Asia/Tokyo');
    assert.equal(s.timeZoneReadAt?.toISOString(), at.toISOString());
    assert.equal(
      await ctx.settings.refreshTimeZone(person, 'Europe/Paris', new Date('2025-06-10T14:00:00Z')),
      false,
    );
    assert.equal((await ctx.settings.get(person)).timeZone, 'Asia/Tokyo');
    await ctx.settings.refreshTimeZone(person, 'Not/AZone', new Date('2025-06-10T15:30:00Z'));
    s = await ctx.settings.get(person);
    assert.equal(s.timeZone, 'UTC', 'what Slack gave, made safe the way every other reader makes it');
    // Other settings are untouched by a zone read.
    await ctx.settings.update(person, { reminders: { leadMinutes: 1 } });
    await ctx.settings.refreshTimeZone(person, 'America/Chicago');
    s = await ctx.settings.get(person);
    assert.equal(s.reminders.leadMinutes, 1);
    assert.equal(s.timeZone, 'America/Chicago');
    assert.equal(s.timeZoneReadAt?.toISOString(), clock.toISOString());
  });

  it('lists every Slack person of one Google account with their settings', async () => {
    const { person, userId } = await linked('U_MULTI', { teamId: 'T_A' });
    await linked('U_MULTI', { teamId: 'T_B', userId });
    await ctx.settings.update(person, { reminders: { leadMinutes: 15 } });
    const all = await ctx.settings.ofGoogleUser(userId);
    assert.deepEqual(
      all.map((x) => [x.person.teamId, x.settings.reminders.leadMinutes]),
      [
        ['T_A', 15],
        ['T_B', LEAD_MINUTES.default],
      ],
    );
  });

  it('forgets a Google account’s people (disconnect) and a workspace’s (uninstall)', async () => {
    const a = await linked('U_F1', { teamId: 'T_F' });
    const b = await linked('U_F2', { teamId: 'T_F' });
    const c = await linked('U_F3', { teamId: 'T_G' });
    for (const p of [a, b, c]) await ctx.settings.update(p.person, { location: HOME });
    assert.equal(await ctx.settings.forgetUser(a.userId), 1);
    assert.equal((await ctx.settings.get(a.person)).location, null);
    assert.equal(await ctx.settings.forgetTeam('T_F'), 1);
    assert.equal((await ctx.settings.get(b.person)).location, null);
    assert.deepEqual((await ctx.settings.get(c.person)).location, HOME);
  });
});

// Its own database: models are bound to one connection at a time, and this one counts every row.
describe('settings service: whose Slack time zone to read again', () => {
  let db: TestDatabase;
  let c: AppContext;
  const clock = new Date('2025-06-10T16:00:00Z');
  before(async () => {
    db = await createTestDatabase();
    c = buildContext(testConfig(), db.db, createLogger('silent'), () => clock);
  });
  after(() => db.cleanup());

  it('names connected people whose zone was read more than a day ago or never, oldest first', async () => {
    const make = async (id: string, status: 'connected' | 'revoked', readHoursAgo?: number) => {
      const userId = randomUUID();
      await db.db.models.User.create({
        id: userId,
        googleId: `g-${id}`,
        email: `${id}@example.com`,
        name: null,
        accessTokenEnc: null,
        refreshTokenEnc: status === 'connected' ? 'v1.x' : null,
        tokenExpiresAt: null,
        grantedScopes: '',
        status,
      });
      await db.db.models.SlackIdentity.create({ teamId: 'T1', slackUserId: id, userId });
      if (readHoursAgo !== undefined)
        await c.settings.refreshTimeZone(
          { teamId: 'T1', slackUserId: id },
          'Europe/Berlin',
          new Date(clock.getTime() - readHoursAgo * 3_600_000),
        );
    };
    await make('U_FRESH', 'connected', 23);
    await make('U_OLD', 'connected', 30);
    await make('U_OLDER', 'connected', 50);
    await make('U_NEVER', 'connected');
    await make('U_GONE', 'revoked', 40);
    const stale = await c.settings.staleTimeZones();
    assert.deepEqual(
      stale.map((p) => p.slackUserId),
      ['U_NEVER', 'U_OLDER', 'U_OLD'],
    );
    assert.deepEqual(stale[1], { teamId: 'T1', slackUserId: 'U_OLDER', timeZone: 'Europe/Berlin' });
    assert.deepEqual(
      (await c.settings.staleTimeZones({ limit: 1 })).map((p) => p.slackUserId),
      ['U_NEVER'],
    );
  });
});
