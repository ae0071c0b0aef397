import type { RsvpAnswer } from '../../../notify/notices';
import type { RsvpOutcome } from '../../../notify/rsvp';
import { answerRsvp } from '../../../notify/rsvp';
import { RSVP_ACTION } from '../../blocks/action-ids';
import {
  parseRsvpRef,
  type RsvpSettled,
  rsvpSettledText,
  settleRsvpBlocks,
} from '../../blocks/notices/rsvp-buttons';
import type { Block } from '../../blocks/text';
import type { SlackDeps } from '../../deps';
import type { ButtonArgs } from '../args';

/** What the clicker is told, privately, when their click changed nothing. */
const TOLD: Partial<Record<RsvpOutcome['kind'], string>> = {
  'not-yours': 'This invitation is for someone else, so your click changed nothing.',
  'not-linked':
    'Your Google account is not connected to Lume, so nothing was answered. `/lume connect` links it again.',
  failed: 'Google did not take your answer just now, so nothing changed. Please try again in a moment.',
};
const BROKEN = 'This button no longer works, so nothing changed. Answer the invitation in Google Calendar.';

/**
 * Yes / Maybe / No on an invitation's DM or an unanswered invitation's reminder. Acked at once; the
 * answer itself is src/notify/rsvp.ts's (owner only, once, only the person's own answer, never on a
 * changed invitation). The message clicked then shows the answer — or why nothing was answered — in
 * the buttons' place; anything else is said to the clicker alone.
 */
export function rsvpClicked(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const { ctx } = deps;
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const answer = RSVP_ACTION.exec(action.action_id)?.[1] as RsvpAnswer | undefined;
    const ref = parseRsvpRef('value' in action ? action.value : undefined);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!answer || !ref) return void (await tell(BROKEN));
    const channel = body.container?.channel_id ?? body.channel?.id;
    const ts = body.container?.message_ts ?? body.message?.ts;
    try {
      const outcome = await answerRsvp(ctx, {
        clicker: { teamId, slackUserId: body.user.id },
        eventId: ref.e,
        owner: ref.u,
        version: ref.v,
        answer,
        message: channel && ts ? { channel, ts } : undefined,
      });
      if (outcome.kind === 'not-yours')
        ctx.log.warn({ teamId, clicker: body.user.id }, "RSVP clicked by someone other than the DM's owner");
      const settled: RsvpSettled | null =
        outcome.kind === 'answered'
          ? { answer: outcome.answer }
          : outcome.kind === 'stale'
            ? { stale: outcome.why }
            : null;
      const told = TOLD[outcome.kind];
      if (told) await tell(told);
      if (!settled) return void ctx.log.info({ teamId, outcome: outcome.kind }, 'RSVP click handled');
      const blocks = body.message?.blocks as Block[] | undefined;
      const shown =
        !!(channel && ts && blocks?.length) &&
        (await client.chat
          .update({
            channel,
            ts,
            text: String(body.message?.text ?? rsvpSettledText(settled)),
            blocks: settleRsvpBlocks(blocks, settled),
          })
          .then(() => true)
          .catch((err: unknown) => {
            ctx.log.warn({ err, teamId }, 'could not show the answer on the clicked message');
            return false;
          }));
      if (!shown) await tell(rsvpSettledText(settled));
      ctx.log.info({ teamId, outcome: outcome.kind }, 'RSVP click handled');
    } catch (err) {
      ctx.log.error({ err, teamId }, 'RSVP click failed');
      await tell(TOLD.failed as string).catch(() => undefined);
      ctx.log.info({ teamId, outcome: 'error' }, 'RSVP click handled');
    }
  };
}
