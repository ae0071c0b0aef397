import assert from 'node:assert/strict';
import { type AuthApp, startAuthApp } from '../helpers/auth-app';

describe('/health and /ready', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
  });
  afterEach(() => app.close());

  it('/health answers without touching the database', async () => {
    let queries = 0;
    const original = app.ctx.db.sequelize.query.bind(app.ctx.db.sequelize);
    app.ctx.db.sequelize.query = ((...args: Parameters<typeof original>) => {
      queries += 1;
      return original(...args);
    }) as typeof original;
    const res = await fetch(`${app.url}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
    assert.equal(queries, 0);
  });

  it('/ready is 200 while the database answers and 503 when it does not', async () => {
    const ready = await fetch(`${app.url}/ready`);
    assert.equal(ready.status, 200);
    // These routes alone run no job engine and have called neither Slack nor Google yet.
    const idle = {
      jobs: { status: 'not_running', lastPassAt: null, staleAfterSeconds: null },
      slack: null,
      google: null,
    };
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: 'ok', ...idle } });
    await app.ctx.db.close();
    const res = await fetch(`${app.url}/ready`);
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), {
      status: 'unavailable',
      reason: 'database unreachable',
      checks: { database: 'unreachable', ...idle },
    });
  });

  it('unknown /auth paths are a JSON 404', async () => {
    const res = await fetch(`${app.url}/auth/nope`);
    assert.equal(res.status, 404);
  });
});
