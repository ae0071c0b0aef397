import assert from 'node:assert/strict';
import { recurringJobs } from '../../src/jobs';
import { startIntervalRunner } from '../../src/jobs/interval-runner';
import { type AuthApp, startAuthApp } from '../helpers/auth-app';
import { captureLogger } from '../helpers/log-capture';

describe('housekeeping: the interval runner', () => {
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
    const stop = startIntervalRunner(
      [
        { name: 'broken', everyMs: 60_000, run: async () => Promise.reject(new Error('boom')) },
        { name: 'connect-links', everyMs: 60_000, run: () => app.ctx.links.purgeExpired() },
        {
          name: 'oauth-states',
          everyMs: 60_000,
          run: async () => {
            const n = await app.ctx.states.purgeExpired();
            resolveDone();
            return n;
          },
        },
      ],
      { ...app.ctx, log },
    );
    await done;
    stop();
    assert.equal(await app.ctx.db.models.ConnectLink.count(), 1);
    assert.equal(await app.ctx.db.models.OAuthState.count(), 1);
    assert.ok(lines().some((l) => l.task === 'broken' && l.level === 40));
  });
});

describe('recurring jobs', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
  });
  afterEach(() => app.close());

  it('purges every table whose rows expire, recovers interrupted actions, and each runs on this database', async () => {
    assert.deepEqual(recurringJobs.map((j) => j.name).sort(), [
      'purge-agent-messages',
      'purge-connect-links',
      'purge-oauth-states',
      'purge-pending-actions',
      'recover-stalled-actions',
    ]);
    for (const job of recurringJobs) assert.equal(typeof (await job.run(app.ctx)), 'number');
  });
});
