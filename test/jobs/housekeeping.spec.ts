import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../models/db';
import { recurringJobs } from '../../src/jobs';
import { type AuthApp, startAuthApp } from '../helpers/auth-app';
import { createTestDatabase, type TestDatabase, testDialect } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

const HOUR = 3600_000;
const NAMES = [
  'purge-agent-messages',
  'purge-connect-links',
  'purge-finished-jobs',
  'purge-notices',
  'purge-oauth-states',
  'purge-pending-actions',
  'purge-rsvp-claims',
];

/**
 * The recurring jobs that are not housekeeping (settling interrupted actions, the calendar poller, the
 * time-zone re-read, the hourly briefing sweep), each specced on its own.
 */
const OTHERS = recurringJobs.map((j) => j.name).filter((name) => !NAMES.includes(name));

/** The hourly housekeeping jobs each server's log says ran (src/jobs/engine/recurring.ts writes one line per run). */
const ran = (...servers: TestServer[]) =>
  servers
    .flatMap((s) => s.logs.lines)
    .filter((l) => l.msg === 'recurring job ran' && !OTHERS.includes(String(l.recurring)))
    .map((l) => String(l.recurring))
    .sort();

/** A connect link already past its ten minutes, as housekeeping finds them. */
async function expiredLink(s: TestServer, at: Date): Promise<void> {
  await s.ctx.links.create({ teamId: 'T1', slackUserId: `U${randomUUID().slice(0, 8)}` });
  await s.ctx.db.models.ConnectLink.update(
    { expiresAt: new Date(at.getTime() - 1000) },
    { where: { usedAt: null } },
  );
}

describe('housekeeping: the recurring jobs', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
  });
  afterEach(() => app.close());

  it('purge every table whose rows expire (finished jobs too), each on this database', async () => {
    const names = recurringJobs.map((j) => j.name);
    for (const name of NAMES) assert.ok(names.includes(name), `${name} is a recurring job`);
    for (const name of NAMES) assert.equal(recurringJobs.find((j) => j.name === name)?.everyMs, HOUR, name);
    for (const job of recurringJobs) assert.equal(typeof (await job.run(app.ctx, {})), 'number');
  });
});

describe('housekeeping through the running server’s job engine', () => {
  let t: Date;
  const now = () => t;
  let s: TestServer;
  beforeEach(async () => {
    t = new Date('2026-03-02T09:37:00.000Z');
    s = await startTestServer({ now });
  });
  afterEach(() => s.close());

  it('runs each job once per hour on the server’s clock: expired rows go, live ones stay, finished jobs a week on', async () => {
    await s.ctx.links.create({ teamId: 'T1', slackUserId: 'U-live' });
    await s.ctx.db.models.Job.create({
      id: randomUUID(),
      kind: 'old-kind',
      uniqueKey: 'old-kind:done',
      state: 'done',
      runAt: new Date(t.getTime() - 8 * 24 * HOUR),
      payload: '{}',
      maxAttempts: 5,
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
    });
    await s.engine.runDue();
    assert.deepEqual(ran(s), NAMES, 'the current hour ran at start');
    assert.equal(await s.ctx.db.models.ConnectLink.count(), 1, 'a live link stays');
    assert.equal(await s.ctx.db.models.Job.count({ where: { kind: 'old-kind' } }), 0);

    t = new Date('2026-03-02T09:50:00.000Z'); // the link has expired, but this hour's purge has run
    await s.engine.runDue();
    assert.equal(ran(s).length, NAMES.length, 'not again within the hour');
    assert.equal(await s.ctx.db.models.ConnectLink.count(), 1);

    t = new Date('2026-03-02T10:00:00.000Z');
    await s.engine.runDue();
    assert.equal(ran(s).length, 2 * NAMES.length);
    assert.equal(await s.ctx.db.models.ConnectLink.count(), 0, 'the next hour purged it');
    const periods = (await s.ctx.db.models.Job.findAll({ where: { kind: 'recurring' } })).filter(
      (j) => !OTHERS.includes(String(j.uniqueKey?.split(':')[1])),
    );
    const at = (state: string, hour: string) =>
      periods.filter((j) => j.state === state && j.uniqueKey?.endsWith(`:2026-03-02T${hour}:00:00.000Z`))
        .length;
    const n = NAMES.length;
    assert.deepEqual([at('done', '09'), at('done', '10'), at('queued', '11')], [n, n, n]);
  });
});

const describeMysql = testDialect() === 'mysql' ? describe : describe.skip;

describeMysql('housekeeping across two running instances on one MariaDB (skipped on SQLite)', () => {
  let t: Date;
  const now = () => t;
  let tdb: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  beforeEach(async () => {
    t = new Date('2026-03-02T09:37:00.000Z');
    tdb = await createTestDatabase();
    // Its own connection pool, as a second instance has.
    const db = await openDatabase(tdb.url);
    a = await startTestServer({ now, database: tdb });
    b = await startTestServer({
      now,
      google: a.google,
      slack: a.slack,
      database: { db, url: tdb.url, cleanup: () => db.close() },
    });
  });
  afterEach(async () => {
    await b.close();
    await a.close();
    await b.tdb.cleanup();
    await tdb.cleanup();
  });

  it('each housekeeping job runs once per hour across both, whichever claims it', async () => {
    for (let hour = 0; hour < 3; hour++) {
      await expiredLink(a, t);
      // Both instances poll at the same moment, twice.
      for (let pass = 0; pass < 2; pass++) await Promise.all([a.engine.runDue(), b.engine.runDue()]);
      const counts = new Map<string, number>();
      for (const name of ran(a, b)) counts.set(name, (counts.get(name) ?? 0) + 1);
      assert.deepEqual(
        [...counts],
        NAMES.map((n) => [n, hour + 1]),
        `hour ${hour}: each job ran once`,
      );
      assert.equal(await a.ctx.db.models.ConnectLink.count(), 0, 'the expired link was purged');
      t = new Date(t.getTime() + HOUR);
    }
    const running = await a.ctx.db.models.Job.count({ where: { state: 'running' } });
    assert.equal(running, 0);
  });
});
