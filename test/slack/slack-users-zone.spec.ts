import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import { buildContext } from '../../src/build-context';
import type { AppContext } from '../../src/context';
import { createLogger } from '../../src/log';
import { SlackUsers, slackUserCache } from '../../src/slack/slack-users';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { testConfig } from '../helpers/config';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { LogCapture } from '../helpers/slack-logs';

/** The Slack side of "the time zone follows Slack": every users.info read of a linked person is stored. */
describe('Slack users: time zones recorded as they are read', () => {
  let slack: FakeSlack;
  let tdb: TestDatabase;
  let ctx: AppContext;
  let clock = new Date('2025-06-10T16:00:00Z');
  const logs = new LogCapture();
  const person = { teamId: 'T0LUME', slackUserId: 'U_TRAV' };
  const users = () =>
    new SlackUsers(
      new WebClient('xoxb-test-token', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      slackUserCache(() => clock),
      ctx.log,
      { sink: ctx.settings, now: () => clock },
    );

  before(async () => {
    slack = await startFakeSlack();
    tdb = await createTestDatabase();
    ctx = buildContext(testConfig(), tdb.db, createLogger('debug', logs.stream), () => clock);
    const user = await tdb.db.models.User.create({
      id: '5f0c6a8e-0000-4000-8000-000000000001',
      googleId: 'g-trav',
      email: 'trav@example.com',
      name: null,
      accessTokenEnc: null,
      refreshTokenEnc: 'v1.x',
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
    await tdb.db.models.SlackIdentity.create({ ...person, userId: user.id });
    slack.state.addUser({ id: 'U_TRAV', name: 'trav', tz: 'America/New_York' });
    slack.state.addUser({ id: 'U_TEAMMATE', name: 'mate', tz: 'Europe/Paris' });
  });
  after(async () => {
    await slack.close();
    await tdb.cleanup();
  });

  it('stores a linked person’s zone with the time of the read; a cached answer stores nothing new', async () => {
    const u = users();
    assert.equal(await u.zone('T0LUME', 'U_TRAV'), 'America/New_York');
    let s = await ctx.settings.get(person);
    assert.equal(s.timeZone, 'America/New_York');
    assert.equal(s.timeZoneReadAt?.toISOString(), clock.toISOString());
    const calls = slack.state.callsTo('users.info').length;
    clock = new Date(clock.getTime() + 60_000);
    await u.zone('T0LUME', 'U_TRAV');
    assert.equal(slack.state.callsTo('users.info').length, calls, 'served from the cache');
    s = await ctx.settings.get(person);
    assert.equal(s.timeZoneReadAt?.toISOString(), '2025-06-10T16:00:00.000Z', 'still the time of the read');
  });

  it('reread asks Slack again whatever the cache holds (the daily re-read), and the new zone is stored', async () => {
    const u = users();
    await u.info('T0LUME', 'U_TRAV');
    slack.state.addUser({ id: 'U_TRAV', name: 'trav', tz: 'Asia/Singapore' });
    clock = new Date('2025-06-11T16:05:00Z');
    assert.equal((await u.reread('T0LUME', 'U_TRAV')).tz, 'Asia/Singapore');
    const s = await ctx.settings.get(person);
    assert.equal(s.timeZone, 'Asia/Singapore');
    assert.equal(s.timeZoneReadAt?.toISOString(), '2025-06-11T16:05:00.000Z');
    assert.deepEqual(await ctx.settings.staleTimeZones(), [], 'read within the day');
  });

  it('keeps nothing about someone who is not linked (a teammate looked up)', async () => {
    await users().info('T0LUME', 'U_TEAMMATE');
    assert.equal(await tdb.db.models.PersonSetting.count(), 1);
  });

  it('a failing store never fails the read that needed the zone', async () => {
    const u = new SlackUsers(
      new WebClient('xoxb-test-token', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      slackUserCache(() => clock),
      ctx.log,
      { sink: { refreshTimeZone: () => Promise.reject(new Error('database gone')) }, now: () => clock },
    );
    assert.equal(await u.zone('T0LUME', 'U_TRAV'), 'Asia/Singapore');
    await logs.waitFor((l) => l.msg === 'could not store the Slack time zone', 'the warning');
  });
});
