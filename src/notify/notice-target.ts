import type { SlackPerson } from '../settings/types';
import type { NotifyDeps } from './deps';

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
export async function stillLinked(ctx: NotifyDeps, t: NoticeTarget): Promise<SlackPerson | null> {
  const row = await ctx.db.models.SlackIdentity.findOne({
    attributes: ['id', 'userId'],
    where: { id: t.identityId, teamId: t.teamId, slackUserId: t.slackUserId },
  });
  return row && row.userId === t.userId ? { teamId: t.teamId, slackUserId: t.slackUserId } : null;
}
