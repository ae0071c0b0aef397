import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { SCOPES } from '../../../src/google/scopes';
import { seedMessage } from './seed';
import { ADA, startFakeGoogle } from './server';

/** What the out-of-process fake tells its parent. */
export interface HeavyMailFake {
  url: string;
  accessToken: string;
  messageId: string;
  threadId: string;
  /** The first words of the mail's text, to check what was read. */
  opening: string;
  htmlBytes: number;
  close(): Promise<void>;
}

const OPENING = 'Quarterly results are in';

/**
 * A 15 MB HTML-only mail as newsletters send them: a large style sheet, an inline data: image and
 * a layout table of thousands of rows, each with text and a tracked link.
 */
export function heavyHtml(bytes = 15 * 1024 * 1024): string {
  const head = `<html><head><style>${'.c{color:#333;padding:4px}\n'.repeat(8000)}</style></head><body>`;
  const image = `<img src="data:image/png;base64,${'iVBORw0KGgo'.repeat(20_000)}">`;
  const intro = `<table><tr><td><h1>${OPENING}</h1><p>Revenue grew <b>12%</b> this quarter.</p></td></tr>`;
  const row = (i: number) =>
    `<tr><td style="padding:4px;color:#333">Item <b>${i}</b>: a line of the report with some words in it</td><td><a href="https://news.example/t?i=${i}">details</a></td></tr>\n`;
  const parts = [head, image, intro];
  let size = parts.reduce((n, p) => n + p.length, 0);
  for (let i = 0; size < bytes; i++) {
    const r = row(i);
    parts.push(r);
    size += r.length;
  }
  parts.push('</table></body></html>');
  return parts.join('');
}

/**
 * Fake Google in a child process, holding one heavy HTML mail for Ada. Out of process so that what
 * the fake itself does with 20 MB (serialising, sending) is not counted in the event loop measured
 * here: in production Google is another machine.
 */
export async function startHeavyMailFake(): Promise<HeavyMailFake> {
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), __filename, '--child'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // Google is another machine: on a shared test machine its stand-in yields the CPU to Lume.
  if (child.pid) setPriority(child.pid, 10);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`heavy-mail fake exited with ${code}`)));
  });
  return {
    ...(JSON.parse(line) as Omit<HeavyMailFake, 'close'>),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function child(): Promise<void> {
  const fake = await startFakeGoogle();
  fake.state.addAccount(ADA);
  const html = heavyHtml();
  const m = seedMessage(fake.state, ADA.sub, {
    from: 'news@example.com',
    to: ADA.email,
    subject: 'Quarterly newsletter',
    text: '',
    html,
    htmlOnly: true,
  });
  const { token } = fake.state.issueAccessToken(ADA.sub, Object.values(SCOPES));
  const info = {
    url: fake.url,
    accessToken: token,
    messageId: m.id,
    threadId: m.threadId,
    opening: OPENING,
    htmlBytes: html.length,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  // The parent ends the fake by closing stdin (or by exiting).
  process.stdin.resume();
  process.stdin.once('end', () => void fake.close().then(() => process.exit(0)));
}

if (require.main === module && process.argv.includes('--child')) void child();
