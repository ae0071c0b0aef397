import type { AppContext } from '../../context';
import { hasAnyScope } from '../../google/scopes';
import { FREEBUSY_SCOPES } from '../../tools/check-free-busy';
import type { Directory, LinkedCalendar, Team, Viewing } from '../../tools/lib/directory';
import { ownBusy } from '../../tools/lib/free-busy';

/**
 * The person's teammates for one turn: Slack's directory (through the chat's port), and each
 * teammate's own Lume link. A linked teammate's token is used for one thing only: their own
 * free/busy (no titles, no details), which they agreed to by linking. Anything wrong with their
 * link (revoked, unreadable, no calendar scope) makes them an ordinary teammate, never an error
 * for the person asking.
 */
export function teamFor(o: {
  ctx: AppContext;
  directory: Directory;
  teamId: string;
  selfId: string;
  viewing?: Viewing;
  signal?: AbortSignal;
}): Team {
  const { ctx } = o;
  const linked = async (slackUserId: string): Promise<LinkedCalendar | undefined> => {
    try {
      const user = await ctx.accounts.findBySlack(o.teamId, slackUserId);
      if (!ctx.accounts.isConnected(user)) return undefined;
      const google = await ctx.google.forUser(user);
      if (!hasAnyScope(google.scopes, FREEBUSY_SCOPES)) return undefined;
      return {
        email: user.email,
        busy: (min, max) => ownBusy(google.apis.calendar(), min, max, o.signal),
      };
    } catch (err) {
      ctx.log.warn({ err, slackUserId }, "a teammate's Lume link could not be used");
      return undefined;
    }
  };
  return { selfId: o.selfId, directory: o.directory, linked, ...(o.viewing ? { viewing: o.viewing } : {}) };
}
