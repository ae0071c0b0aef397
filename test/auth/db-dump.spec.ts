import assert from 'node:assert/strict';
import { ADA } from '../fakes/google/server';
import { type AuthApp, connect, startAuthApp } from '../helpers/auth-app';

describe('data at rest', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
    app.fake.state.addAccount(ADA);
  });
  afterEach(() => app.close());

  it('a dump of every table contains no plaintext token, state, link or PKCE verifier', async () => {
    const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
    const linkToken = new URL(url).searchParams.get('link') as string;
    const res = await connect(app, new URL(url).pathname + new URL(url).search);
    assert.equal(res.status, 200);
    await app.ctx.accounts.refreshNow((await app.ctx.db.models.User.findOne())!);

    const qi = app.tdb.db.sequelize.getQueryInterface();
    let dump = '';
    for (const table of (await qi.showAllTables()).map(String)) {
      const [rows] = await app.tdb.db.sequelize.query(`SELECT * FROM ${qi.quoteIdentifier(table)}`);
      dump += JSON.stringify(rows);
    }
    const secrets = [
      ...app.fake.state.accessTokens.keys(),
      ...app.fake.state.refreshTokens.keys(),
      linkToken,
      ...app.fake.state.requestsTo('/o/oauth2/v2/auth').map((r) => String(r.query.state)),
      ...app.fake.state
        .requestsTo('/token')
        .map((r) => String((r.body as Record<string, string>).code_verifier ?? ''))
        .filter(Boolean),
    ];
    assert.ok(secrets.length >= 5);
    for (const s of secrets)
      assert.ok(!dump.includes(s), `plaintext secret found in the dump: ${s.slice(0, 8)}…`);
    assert.ok(dump.includes(ADA.email), 'the dump itself is real');
  });
});
