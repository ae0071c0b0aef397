import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeSlack } from '../test/fakes/slack/server';
import { freePort } from '../test/helpers/free-port';
import { median, ms } from './slack-load';
import type { Benchmark } from './types';

const RUNS = 5;
const ROOT = resolve('.');
const builder = require('../scripts/build.js') as { isBuilt(): boolean; build(): boolean };

/** npm does not pass SIGTERM on to the node it started: stop the whole process group. */
const stop = (child: ChildProcess) =>
  new Promise<void>((r) => {
    if (child.exitCode !== null) return r();
    child.once('exit', () => r());
    process.kill(-(child.pid as number), 'SIGTERM');
  });

/** Spawn → the process has exited (a configuration error). */
async function untilExit(cmd: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, env, stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return performance.now() - t0;
}

/** Spawn → GET /health answers 200; then the process is stopped. */
async function untilHealthy(cmd: string[], env: Record<string, string>, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  try {
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      if (res?.status === 200) return performance.now() - t0;
      if (child.exitCode !== null) throw new Error(`Lume exited with ${child.exitCode}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await stop(child);
  }
}

export const startupBenchmark: Benchmark = {
  name: 'startup: npm start to a configuration error and to /health',
  async run() {
    if (!builder.isBuilt() && !builder.build()) throw new Error('build failed');
    const slack = await startFakeSlack();
    const dir = mkdtempSync(join(tmpdir(), 'lume-bench-start-'));
    try {
      const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
      const port = await freePort();
      const full = {
        ...base,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: `sqlite:${join(dir, 'lume.sqlite')}`,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: 'bench-secret',
        SLACK_API_URL: slack.apiUrl,
        GOOGLE_CLIENT_ID: 'bench.apps.googleusercontent.com',
        GOOGLE_CLIENT_SECRET: 'bench-secret',
        JWT_SECRET: randomBytes(48).toString('base64'),
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
      };
      const npm = ['npm', 'start', '--silent'];
      const node = [process.execPath, 'scripts/start.js'];
      const rows: string[] = [];
      const measure = async (name: string, once: () => Promise<number>) => {
        const runs: number[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await once());
        rows.push(`| ${name} | ${ms(median(runs))} | ${ms(Math.max(...runs))} |`);
      };
      await measure('`npm start`, required variables missing → the list of problems, exit 1', () =>
        untilExit(npm, base),
      );
      await measure('`node scripts/start.js` (what npm start runs), the same', () => untilExit(node, base));
      await measure('`npm start`, first start on a new SQLite file (migrations) → /health 200', () => {
        rmSync(join(dir, 'lume.sqlite'), { force: true });
        return untilHealthy(npm, full, port);
      });
      await measure('`npm start`, a restart (database already migrated) → /health 200', () =>
        untilHealthy(npm, full, port),
      );

      // One source file edited: the start compiles incrementally first (once).
      utimesSync(join(ROOT, 'src/http/health.ts'), new Date(), new Date());
      const edited = await untilHealthy(npm, full, port);
      rows.push(
        `| \`npm start\` after editing one source file (incremental build first; one run) | ${ms(edited)} | |`,
      );

      // What `npm start` did before: compile the whole tree, every start.
      const out = join(dir, 'old-dist');
      const t0 = performance.now();
      spawnSync(
        process.execPath,
        [
          require.resolve('typescript/bin/tsc'),
          '-p',
          'tsconfig.build.json',
          '--incremental',
          'false',
          '--outDir',
          out,
        ],
        { cwd: ROOT, stdio: 'ignore' },
      );
      rows.push(
        `| before: the full compile \`npm start\` ran first, every time (one run) | ${ms(performance.now() - t0)} | |`,
      );
      return [
        `Each start is a fresh child process on a built tree (the fake Slack answers \`auth.test\`); time runs from spawn to the configuration error's exit, or to the first \`GET /health\` that answers 200 (polled every 10 ms). Median and worst of ${RUNS} runs.`,
        '',
        '| start | median | worst |',
        '|---|---|---|',
        ...rows,
      ].join('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await slack.close();
    }
  },
};
