import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('models and migrations', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.cleanup());

  it('creates every foundation table', async () => {
    const tables = (await t.db.sequelize.getQueryInterface().showAllTables()).map(String);
    for (const name of ['users', 'slack_identities', 'oauth_states', 'connect_links', 'schema_migrations']) {
      assert.ok(tables.includes(name), `${name} missing from ${tables.join(',')}`);
    }
  });

  it('keeps token columns out of toJSON()', async () => {
    const user = await t.db.models.User.create({
      id: randomUUID(),
      googleId: 'g-1',
      email: 'ada@example.com',
      name: 'Ada',
      accessTokenEnc: 'v1.x.y.z.w',
      refreshTokenEnc: 'v1.x.y.z.w',
      tokenExpiresAt: null,
      grantedScopes: 'openid email',
      status: 'connected',
    });
    const json = JSON.stringify(user);
    assert.ok(
      !json.includes('accessTokenEnc') && !json.includes('refreshTokenEnc') && !json.includes('v1.x'),
    );
    assert.deepEqual(user.scopes, ['openid', 'email']);
  });

  it('refuses a second link for the same Slack user in a team', async () => {
    const user = await t.db.models.User.create({
      id: randomUUID(),
      googleId: 'g-2',
      email: 'b@example.com',
      name: null,
      accessTokenEnc: null,
      refreshTokenEnc: null,
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
    await t.db.models.SlackIdentity.create({ teamId: 'T1', slackUserId: 'U1', userId: user.id });
    await assert.rejects(
      t.db.models.SlackIdentity.create({ teamId: 'T1', slackUserId: 'U1', userId: user.id }),
    );
  });
});
