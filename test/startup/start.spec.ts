import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../models/db';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { freePort } from '../helpers/free-port';

/** What `npm start` runs: the built Lume, compiled first only when a source changed. */
const START = resolve('scripts/start.js');
const RECORD_MODULES = resolve('test/startup/record-modules.js');
const builder = require('../../scripts/build.js') as {
  isBuilt(root?: string): boolean;
  build(root?: string): boolean;
  paths(root: string): { stamp: string };
};

function run(cwd: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', RECORD_MODULES, START], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LUME_MODULES_OUT: join(cwd, 'modules.txt'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Modules the started process had loaded when it exited (see record-modules.js). */
const loadedModules = (dir: string) => readFileSync(join(dir, 'modules.txt'), 'utf8').split('\n');

const collect = (child: ChildProcess) => {
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d) => (out.stdout += d));
  child.stderr?.on('data', (d) => (out.stderr += d));
  return out;
};

describe('starting Lume (the built start, as `npm start` runs it)', function () {
  this.timeout(30_000);
  let dir: string;
  let slack: FakeSlack;
  let stampBefore: number;
  before(function () {
    // `npm install` builds (prepare); a tree edited since is built once here, not on every start.
    this.timeout(300_000);
    if (!builder.isBuilt()) assert.ok(builder.build(), 'the build failed');
    stampBefore = statSync(builder.paths(resolve('.')).stamp).mtimeMs;
  });
  after(() => {
    assert.equal(
      statSync(builder.paths(resolve('.')).stamp).mtimeMs,
      stampBefore,
      'no start rebuilt the tree',
    );
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lume-start-'));
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await slack.close();
  });

  /** .env.template with every required value filled in, Slack pointing at the fake. */
  function filledEnv(port: number, overrides: Record<string, string> = {}): string {
    let text = readFileSync('.env.template', 'utf8')
      .replace(/^PORT=.*$/m, `PORT=${port}`)
      .replace(/^PUBLIC_URL=.*$/m, `PUBLIC_URL=http://127.0.0.1:${port}`)
      .replace(/^SLACK_BOT_TOKEN=.*$/m, 'SLACK_BOT_TOKEN=xoxb-test-token')
      .replace(/^SLACK_SIGNING_SECRET=.*$/m, 'SLACK_SIGNING_SECRET=start-test-secret')
      .replace(/^SLACK_API_URL=.*$/m, `SLACK_API_URL=${slack.apiUrl}`)
      .replace(/^GOOGLE_CLIENT_ID=.*$/m, 'GOOGLE_CLIENT_ID=start-test.apps.googleusercontent.com')
      .replace(/^GOOGLE_CLIENT_SECRET=.*$/m, 'GOOGLE_CLIENT_SECRET=start-test-secret')
      .replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${randomBytes(48).toString('base64')}`)
      .replace(/^TOKEN_ENCRYPTION_KEY=.*$/m, `TOKEN_ENCRYPTION_KEY=${randomBytes(32).toString('base64')}`)
      .replace(/^LOG_LEVEL=.*$/m, 'LOG_LEVEL=warn');
    for (const [k, v] of Object.entries(overrides))
      text = text.replace(new RegExp(`^${k}=.*$`, 'm'), `${k}=${v}`);
    return text;
  }

  async function exitOf(child: ChildProcess): Promise<number | null> {
    return new Promise((r) => child.on('exit', r));
  }

  it('with a bot token Slack refuses, exits 1 with one line naming SLACK_BOT_TOKEN, no stack trace', async () => {
    writeFileSync(join(dir, '.env'), filledEnv(await freePort(), { SLACK_BOT_TOKEN: 'xoxb-revoked-token' }));
    const child = run(dir, {});
    const out = collect(child);
    assert.equal(await exitOf(child), 1);
    assert.match(out.stderr, /^Lume failed to start: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/m);
    assert.doesNotMatch(out.stderr, /^\s+at /m);
  });

  it('when Slack cannot be reached, exits 1 saying where it looked', async () => {
    writeFileSync(
      join(dir, '.env'),
      filledEnv(await freePort(), { SLACK_API_URL: 'http://127.0.0.1:9/api/' }),
    );
    const child = run(dir, {});
    const out = collect(child);
    assert.equal(await exitOf(child), 1);
    assert.match(
      out.stderr,
      /could not reach Slack's Web API at http:\/\/127\.0\.0\.1:9\/api\/ to check SLACK_BOT_TOKEN/,
    );
    assert.doesNotMatch(out.stderr, /^\s+at /m);
  });

  it('with required variables missing, exits 1 naming each of them before loading Bolt, googleapis or the database', async () => {
    const child = run(dir, {});
    const out = collect(child);
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 1);
    assert.doesNotMatch(out.stderr, /compiling/, 'a built tree is not compiled again');
    const loaded = loadedModules(dir);
    assert.ok(loaded.some((m) => m.endsWith(join('dist', 'src', 'config.js'))));
    for (const heavy of ['@slack/bolt', 'googleapis', 'sequelize', '@google/genai', 'html-to-text'])
      assert.ok(!loaded.some((m) => m.includes(`node_modules/${heavy}/`)), `${heavy} was loaded`);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
      'JWT_SECRET',
      'TOKEN_ENCRYPTION_KEY',
    ]) {
      assert.match(out.stderr, new RegExp(`^  - ${name}: `, 'm'));
    }
    assert.doesNotMatch(out.stderr, /^\s+at /m);
  });

  it('with .env.template filled in, migrates the embedded SQLite database and serves /health and /ready', async () => {
    const port = await freePort();
    const filled = filledEnv(port);
    writeFileSync(join(dir, '.env'), filled);
    const child = run(dir, {});
    const out = collect(child);
    try {
      let health: Response | undefined;
      for (let i = 0; i < 100 && !health; i++) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(health, `Lume did not start: ${out.stderr}`);
      assert.equal(health.status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/ready`)).status, 200);
      assert.ok(
        existsSync(join(dir, 'data', 'lume.sqlite')),
        'the SQLite database was created on first start',
      );
      assert.doesNotMatch(out.stderr, /compiling/, 'a built tree is not compiled again');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }
  });

  it('runs the hourly housekeeping through the job engine, and on SIGTERM stops it before closing the database', async () => {
    const port = await freePort();
    writeFileSync(join(dir, '.env'), filledEnv(port, { LOG_LEVEL: 'debug' }));
    const child = run(dir, {});
    const out = collect(child);
    const exited = exitOf(child);
    const lines = () =>
      out.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; recurring?: string });
    try {
      // The hourly housekeeping; the minute job that settles interrupted actions and the hourly
      // briefing sweep run beside it.
      const others = ['recover-stalled-actions', 'plan-briefings'];
      const hourly = () =>
        lines().filter((l) => l.msg === 'recurring job ran' && !others.includes(String(l.recurring)));
      for (let i = 0; i < 150 && hourly().length < 5; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(hourly().length, 5, out.stderr);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
    const msgs = lines().map((l) => l.msg);
    assert.ok(msgs.indexOf('job engine stopped') > msgs.indexOf('shutting down'), msgs.join(' | '));
    const db = await openDatabase(`sqlite:${join(dir, 'data', 'lume.sqlite')}`);
    try {
      const jobs = (await db.models.Job.findAll({ where: { kind: 'recurring' } })).filter(
        (j) => !['recover-stalled-actions', 'plan-briefings'].some((o) => j.uniqueKey?.includes(o)),
      );
      const count = (state: string) => jobs.filter((j) => j.state === state).length;
      // This hour's five done and the next five queued (ten done if the hour turned meanwhile); none running.
      assert.deepEqual([count('running'), count('queued')], [0, 5]);
      assert.ok([5, 10].includes(count('done')), `${count('done')} done`);
    } finally {
      await db.close();
    }
  });
});
