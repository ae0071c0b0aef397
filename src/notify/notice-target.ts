import type { AppContext } from '../context';
import { JobDiscard, JobSnooze } from '../jobs/engine/errors';
import type { JobPorts } from '../jobs/ports';
import type { SlackPerson } from '../settings/types';
import { DeliveryDeferred, DeliveryRefused, type Messenger } from './messenger';

/** Who a notice job is for, as its payload carries it (sealed: the event id is the person's). */
export interface NoticeTarget {
  identityId: number;
  teamId: string;
  slackUserId: string;
  /** users.id of the Google account the event is on. */
  userId: string;
  eventId: string;
}

/**
 * The Slack person, if they are still linked to the same Google account the job was planned for (a
 * disconnect or a switch of account since means the notice is no longer theirs to get).
 */
export async function stillLinked(ctx: AppContext, t: NoticeTarget): Promise<SlackPerson | null> {
  const row = await ctx.db.models.SlackIdentity.findOne({
    attributes: ['id', 'userId'],
    where: { id: t.identityId, teamId: t.teamId, slackUserId: t.slackUserId },
  });
  return row && row.userId === t.userId ? { teamId: t.teamId, slackUserId: t.slackUserId } : null;
}

export function messengerOf(ports: JobPorts): Messenger {
  if (!ports.messenger) throw new JobDiscard('no messenger in this process');
  return ports.messenger;
}

/** One Slack call, with the Messenger's refusals turned into what the engine understands. */
export async function delivering<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof DeliveryDeferred) throw new JobSnooze(err.retryAfterMs);
    if (err instanceof DeliveryRefused) throw new JobDiscard(err.message);
    throw err;
  }
}
