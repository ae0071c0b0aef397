import type { ToolContext } from '../types';
import { type Interval, queryBusy } from './free-busy';
import type { Teammate } from './resolve-people';

export interface TeamBusy {
  /** The person's own busy times; undefined when Google would not say. */
  self?: Interval[];
  /** Busy times by teammate e-mail (lower case), for those whose calendar could be seen. */
  byEmail: Map<string, Interval[]>;
  /** Teammates whose calendars Lume cannot see (not shared with the person, not linked). */
  unseen: Teammate[];
}

const key = (email: string) => email.toLowerCase();

/**
 * Everyone's busy times, and only those (Google's free/busy never carries titles or guests). A
 * teammate linked to Lume is read with their own token, which they agreed to by linking; everyone
 * else, and the person themself, in one freeBusy.query with the person's token (Google answers
 * only for calendars that share free/busy with them). All calls run at once. A linked read that
 * fails falls back to the person's view of that calendar.
 */
export async function teamBusy(ctx: ToolContext, people: Teammate[], start: Date, end: Date) {
  const linked = people.filter((p) => p.linked);
  const others = people.filter((p) => !p.linked);
  const [own, batch] = await Promise.all([
    Promise.all(linked.map((p) => p.linked?.busy(start, end).catch(() => undefined))),
    queryBusy(
      ctx,
      start,
      end,
      others.map((p) => p.email),
    ),
  ]);
  const byEmail = new Map<string, Interval[]>();
  linked.forEach((p, i) => {
    const busy = own[i];
    if (busy) byEmail.set(key(p.email), busy);
  });
  for (const [id, busy] of batch.busy) if (id !== 'primary') byEmail.set(key(id), busy);
  const failed = linked.filter((p) => !byEmail.has(key(p.email)));
  if (failed.length) {
    const retry = await queryBusy(
      ctx,
      start,
      end,
      failed.map((p) => p.email),
    );
    for (const [id, busy] of retry.busy) if (id !== 'primary') byEmail.set(key(id), busy);
  }
  const result: TeamBusy = {
    self: batch.busy.get('primary'),
    byEmail,
    unseen: people.filter((p) => !byEmail.has(key(p.email))),
  };
  return result;
}
