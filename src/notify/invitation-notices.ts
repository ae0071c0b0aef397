import { planChangeNotices } from './change-plan';
import type { NotifyDeps } from './deps';
import { planInvitations } from './invitation-plan';
import { invitationJobPrefixes } from './invitation-state';

/**
 * Invitations and change notices, wired once on a built context (src/build-context.ts): both plan
 * from calendar sync's batches, and a Slack person who leaves takes their queued ones along (their
 * notices and RSVP claims go with the identity row, by foreign key).
 */
export function startInvitationNotices(ctx: NotifyDeps): void {
  planInvitations(ctx);
  planChangeNotices(ctx);
  ctx.hooks.onIdentityUnlinked(async (person) => {
    const identityId = await ctx.notices.identityId(person);
    if (identityId === null) return;
    for (const keyPrefix of [...invitationJobPrefixes(identityId), `change:${identityId}:`])
      await ctx.jobs.cancel({ keyPrefix });
  });
}
