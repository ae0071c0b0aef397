import { HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/**
 * Every hour, everyone with a briefing has their next one planned (a no-op for those who do: the
 * key per date is kept). It covers people whose briefing was set before this job existed, and a
 * chain broken by a job that died.
 */
export const planBriefings: RecurringJob = {
  name: 'plan-briefings',
  everyMs: HOUR_MS,
  async run(ctx) {
    const people = await ctx.briefings.everyone();
    const after = ctx.now();
    for (const person of people) await ctx.briefings.planNext(person, { after });
    return people.length;
  },
};
