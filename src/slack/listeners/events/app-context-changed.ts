import type { SlackDeps } from '../../deps';
import { channelFromContext } from '../../viewing';
import type { EventArgs } from '../args';

/**
 * app_context_changed (agent view): the person opened another channel, canvas or list beside Lume.
 * Remembered (in memory) so "the people in this channel" works in their next question; a context
 * without a channel forgets the last one.
 */
export function appContextChanged(deps: SlackDeps) {
  return async ({ event, context, body }: EventArgs<'app_context_changed'>): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    // Slack's own example carries the person only in `authorizations`; the event type has `user`.
    const userId =
      event.user ??
      (body as { authorizations?: { user_id?: string; is_bot?: boolean }[] }).authorizations?.find(
        (a) => !a.is_bot,
      )?.user_id;
    if (!userId) {
      deps.ctx.log.debug({ eventId: body.event_id }, 'app_context_changed without a person ignored');
      return;
    }
    deps.viewing.update(teamId, userId, channelFromContext(event.context) ?? null);
  };
}
