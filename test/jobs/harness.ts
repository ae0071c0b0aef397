import pino from 'pino';
import { type Database, openDatabase } from '../../models/db';
import { TokenCipher } from '../../src/crypto/token-cipher';
import {
  createJobEngine,
  type JobDefinition,
  type JobEngine,
  type JobEngineOptions,
} from '../../src/jobs/engine';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

export const silent = pino({ level: 'silent' });
export const cipher = new TokenCipher(Buffer.alloc(32, 9));

/** A clock the test moves; every engine in a test reads the same one. */
export class Clock {
  constructor(private t: number) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

/** A handler's promise that the test settles. */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface Harness {
  tdb: TestDatabase;
  clock: Clock;
  /** An engine on the test database; `own: true` opens its own connection pool, as a second instance would. */
  engine(
    opts: Partial<JobEngineOptions> & { definitions: JobDefinition[]; own?: boolean },
  ): Promise<JobEngine>;
  cleanup(): Promise<void>;
}

export async function harness(start = '2026-03-02T09:00:00.000Z'): Promise<Harness> {
  const tdb = await createTestDatabase();
  const clock = new Clock(Date.parse(start));
  const engines: JobEngine[] = [];
  const extraDbs: Database[] = [];
  let n = 0;
  return {
    tdb,
    clock,
    async engine({ own, ...opts }) {
      let db = tdb.db;
      if (own) {
        db = await openDatabase(tdb.url);
        extraDbs.push(db);
      }
      const engine = createJobEngine({
        db,
        log: silent,
        now: clock.now,
        instanceId: `test-${++n}`,
        cipher,
        random: () => 0.5,
        ...opts,
      });
      engines.push(engine);
      return engine;
    },
    async cleanup() {
      for (const e of engines) await e.stop(0).catch(() => undefined);
      for (const db of extraDbs) await db.close();
      await tdb.cleanup();
    },
  };
}

/** A definition whose runs are recorded (job key or id per run). */
export function recording(kind: string, run?: (payload: unknown) => Promise<void>) {
  const runs: string[] = [];
  const definition: JobDefinition = {
    kind,
    async run(payload, job) {
      runs.push(job.key ?? job.id);
      await run?.(payload);
    },
  };
  return { runs, definition };
}
