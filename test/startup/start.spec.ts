import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';

const ENTRY = resolve('src/index.ts');
const TSX = require.resolve('tsx/cjs');

function run(cwd: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', TSX, ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const collect = (child: ChildProcess) => {
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d) => (out.stdout += d));
  child.stderr?.on('data', (d) => (out.stderr += d));
  return out;
};

describe('starting Lume', function () {
  this.timeout(30_000);
  let dir: string;
  let slack: FakeSlack;
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

  it('with required variables missing, exits 1 naming each of them, without a stack trace', async () => {
    const child = run(dir, {});
    const out = collect(child);
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 1);
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
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }
  });
});
