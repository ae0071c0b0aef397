import type { RsvpAnswer } from '../../../notify/notices';
import { ACTIONS } from '../action-ids';
import type { Block } from '../text';

/**
 * What an RSVP button carries (its value, as JSON): the event, the Slack user the DM was for (anyone
 * else's click changes nothing), and the event's Google `updated` stamp when the DM was sent (a click
 * on an invitation that changed since is refused).
 */
export interface RsvpRef {
  e: string;
  u: string;
  v: string | null;
}

const LABELS: Record<RsvpAnswer, string> = { accepted: 'Yes', tentative: 'Maybe', declined: 'No' };

/** Yes / Maybe / No, as one actions block; Yes is the primary button. */
export function rsvpButtons(ref: RsvpRef): Block {
  const value = JSON.stringify(ref);
  return {
    type: 'actions',
    block_id: 'lume_rsvp',
    elements: (Object.keys(LABELS) as RsvpAnswer[]).map((answer) => ({
      type: 'button',
      action_id: `${ACTIONS.rsvpPrefix}${answer}`,
      text: { type: 'plain_text', text: LABELS[answer] },
      value,
      ...(answer === 'accepted' ? { style: 'primary' as const } : {}),
    })),
  };
}

/** An RSVP button's value back as a ref; null for anything malformed (a forged payload). */
export function parseRsvpRef(value: string | undefined): RsvpRef | null {
  if (!value || value.length > 2000) return null;
  try {
    const v = JSON.parse(value) as Partial<RsvpRef>;
    if (typeof v.e !== 'string' || !v.e || typeof v.u !== 'string' || !v.u) return null;
    if (v.v !== null && typeof v.v !== 'string') return null;
    return { e: v.e, u: v.u, v: v.v ?? null };
  } catch {
    return null;
  }
}

/** What the buttons become once a click settled them (or once Lume found the invitation settled). */
export type RsvpSettled = { answer: RsvpAnswer } | { stale: 'changed' | 'cancelled' };

const ANSWERED: Record<RsvpAnswer, string> = {
  accepted: ':white_check_mark: You answered *Yes*.',
  tentative: ':grey_question: You answered *Maybe*.',
  declined: ':x: You answered *No*.',
};
const STALE = {
  changed:
    ':warning: This invitation changed after this message was sent, so nothing was answered. Open it in Google Calendar to see it as it is now.',
  cancelled:
    ':no_entry_sign: This event was cancelled (or you are no longer a guest), so there is nothing to answer.',
} as const;

/** The sentence for a settled invitation (one source: the invitation's DM and a clicked reminder both show it). */
export const rsvpSettledText = (s: RsvpSettled) => ('answer' in s ? ANSWERED[s.answer] : STALE[s.stale]);

/** The settled line, in the buttons' place (same block_id, so a message's buttons can be swapped for it). */
export function rsvpSettled(s: RsvpSettled): Block {
  return { type: 'context', block_id: 'lume_rsvp', elements: [{ type: 'mrkdwn', text: rsvpSettledText(s) }] };
}

/** A posted message's blocks with its Yes / Maybe / No replaced by the settled line. */
export function settleRsvpBlocks(blocks: readonly Block[], s: RsvpSettled): Block[] {
  return blocks.map((b) => ('block_id' in b && b.block_id === 'lume_rsvp' ? rsvpSettled(s) : b));
}
