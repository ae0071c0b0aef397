import { OAuth2Client } from 'google-auth-library';
import { convert } from 'html-to-text';
import type { User } from '../models';
import { GoogleApis } from '../src/google/apis';
import { createLogger } from '../src/log';
import { forwardEmail } from '../src/tools/forward-email';
import { readEmail } from '../src/tools/read-email';
import { readEmailThread } from '../src/tools/read-email-thread';
import type { ToolContext } from '../src/tools/types';
import { startHeavyMailFake } from '../test/fakes/google/heavy-mail';
import { ADA } from '../test/fakes/google/server';
import { measureStalls, type Stalls } from '../test/helpers/event-loop';
import { median, ms } from './slack-load';
import type { Benchmark } from './types';

const RUNS = 5;

/** What the code did before: the whole answer parsed at once, then html-to-text over all 15 MB. */
async function oldRead(ctx: ToolContext, id: string): Promise<string> {
  const res = await ctx.google.gmail().users.messages.get({ userId: 'me', id, format: 'full' });
  const html = Buffer.from(res.data.payload?.body?.data ?? '', 'base64url').toString('utf8');
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).slice(0, 12_000);
}

export const heavyMailBenchmark: Benchmark = {
  name: 'tools: reading a 15 MB HTML mail, event-loop stalls',
  async run() {
    const fake = await startHeavyMailFake();
    try {
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: fake.accessToken, expiry_date: Date.now() + 3_600_000 });
      const ctx: ToolContext = {
        user: { id: 'user-ada', email: ADA.email, name: ADA.name } as User,
        timeZone: 'UTC',
        now: () => new Date(),
        google: new GoogleApis(auth, fake.url),
        log: createLogger('silent'),
      };
      await ctx.google.gmail().users.labels.list({ userId: 'me' }); // the HTTP stack's first load
      const idle = await measureStalls(() => new Promise((r) => setTimeout(r, 2000)));
      const rows: string[] = [];
      const row = (name: string, runs: Stalls[]) =>
        rows.push(
          `| ${name} | ${ms(median(runs.map((r) => r.wallMs)))} | ${ms(median(runs.map((r) => r.maxMs)))} (worst ${ms(Math.max(...runs.map((r) => r.maxMs)))}) | ${ms(median(runs.map((r) => r.p99Ms)))} |`,
        );
      for (const [name, work] of [
        [
          'read_email (text cut at 12,000 characters)',
          () => readEmail.handler({ messageId: fake.messageId }, ctx),
        ],
        [
          'read_email_thread (the one-message thread)',
          () => readEmailThread.handler({ threadId: fake.threadId }, ctx),
        ],
        [
          'forward_email preview (up to 500,000 characters of text)',
          () => forwardEmail.preview?.({ messageId: fake.messageId, to: ['bob@example.com'] }, ctx),
        ],
      ] as const) {
        const runs: Stalls[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measureStalls(work as () => Promise<unknown>));
        row(name, runs);
      }
      row('before: the answer parsed whole, html-to-text over all of it (one run)', [
        await measureStalls(() => oldRead(ctx, fake.messageId)),
      ]);
      row('nothing running, 2 s (the machine’s own noise)', [idle]);
      return [
        `One HTML-only mail of ${(fake.htmlBytes / 2 ** 20).toFixed(1)} MiB (a 212 KiB style sheet, a 215 KiB inline image, then a layout table of text rows with links), served by the fake Gmail from a child process (Google is another machine; its 20 MB JSON answer is built there). Median of ${RUNS} runs; stalls from \`monitorEventLoopDelay\` sampled every 5 ms.`,
        '',
        '| read | wall time | longest stall | p99 stall |',
        '|---|---|---|---|',
        ...rows,
      ].join('\n');
    } finally {
      await fake.close();
    }
  },
};
