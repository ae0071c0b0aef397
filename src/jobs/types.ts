import type { AppContext } from '../context';

export interface RecurringJob {
  name: string;
  everyMs: number;
  // biome-ignore lint/suspicious/noConfusingVoidType: a task returns how many rows it removed, or nothing
  run(ctx: AppContext): Promise<number | void>;
}
