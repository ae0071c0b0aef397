import assert from 'node:assert/strict';
import { startHousekeeping } from '../../src/housekeeping';
import { purgeTasks } from '../../src/maintenance';
import { type AuthApp, startAuthApp } from '../helpers/auth-app';
import { captureLogger } from '../helpers/log-capture';

describe('housekeeping', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
  });
  afterEach(() => app.close());

  it('purges expired connect links and OAuth states, keeps live ones, and survives a failing task', async () => {
    await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
    await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U2' });
    await app.ctx.states.create(null);
    await app.ctx.states.create(null);
    const [oldLink] = await app.ctx.db.models.ConnectLink.findAll();
    await oldLink.update({ expiresAt: new Date(Date.now() - 1000) });
    const [oldState] = await app.ctx.db.models.OAuthState.findAll();
    await oldState.update({ expiresAt: new Date(Date.now() - 1000) });

    const { log, lines } = captureLogger('debug');
    let resolveDone: () => void = () => {};
    const done = new Promise<void>((r) => {
      resolveDone = r;
    });
    const stop = startHousekeeping(
      [
        { name: 'broken', run: async () => Promise.reject(new Error('boom')) },
        { name: 'connect-links', run: () => app.ctx.links.purgeExpired() },
        {
          name: 'oauth-states',
          run: async () => {
            const n = await app.ctx.states.purgeExpired();
            resolveDone();
            return n;
          },
        },
      ],
      60_000,
      log,
    );
    await done;
    stop();
    assert.equal(await app.ctx.db.models.ConnectLink.count(), 1);
    assert.equal(await app.ctx.db.models.OAuthState.count(), 1);
    assert.ok(lines().some((l) => l.task === 'broken' && l.level === 40));
  });
});

describe('maintenance task lists', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
  });
  afterEach(() => app.close());

  it('purges every table whose rows expire, and each purge runs on this database', async () => {
    const tasks = purgeTasks(app.ctx);
    assert.deepEqual(tasks.map((t) => t.name).sort(), [
      'agent_messages',
      'connect_links',
      'oauth_states',
      'pending_actions',
    ]);
    for (const task of tasks) assert.equal(typeof (await task.run()), 'number');
  });
});
