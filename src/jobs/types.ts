import type { AppContext } from '../context';

/**
 * Background work Lume does on a schedule, one job per file (registered in ./index.ts). Today an
 * interval runner starts them; a durable, database-backed engine can run the same definitions.
 */
export interface RecurringJob {
  /** kebab-case, unique */
  name: string;
  everyMs: number;
  /** Resolves to what it did (rows removed etc.), for the log. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a job that reports nothing just returns; the engine shares this shape.
  run(ctx: AppContext): Promise<number | void>;
}
