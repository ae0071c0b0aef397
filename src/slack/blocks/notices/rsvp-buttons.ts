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
