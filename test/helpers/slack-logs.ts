import { Writable } from 'node:stream';

/** Every log line the server wrote (pino JSON, level debug), for assertions and for waiting on. */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  readonly stream = new Writable({
    write: (chunk, _enc, done) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        try {
          this.lines.push(JSON.parse(line));
        } catch {
          this.lines.push({ msg: line });
        }
      }
      for (const w of this.waiters) w();
      done();
    },
  });

  text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }

  /** Resolves with the first line `match` accepts (already written or still to come). */
  waitFor(match: (line: Record<string, unknown>) => boolean, what = 'a log line', timeoutMs = 5000) {
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const hit = this.lines.find(match);
        if (!hit) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  /** After this line, every listener for the event has returned (written by the dedupe middleware). */
  processed(eventId: string) {
    return this.waitFor(
      (l) => l.msg === 'Slack event processed' && l.eventId === eventId,
      `event ${eventId}`,
    );
  }
}
