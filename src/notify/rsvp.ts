import { answerInvitation, ownAttendee } from '../google/calendar-answer';
import { needsReconnect } from '../google/errors';
import type { SlackPerson } from '../settings/types';
import type { NotifyDeps } from './deps';
import { calendarOf, readEvent } from './google-event';
import { type InvitationState, invitationKey } from './invitation-state';
import type { PostedNotice } from './messenger';
import type { RsvpAnswer } from './notices';
import { claimKey, RsvpClaims } from './rsvp-claims';

/** A click on Yes / Maybe / No, as the Slack layer hands it over. */
export interface RsvpClick {
  /** Who clicked (Slack says so, signed). */
  clicker: SlackPerson;
  /** What the button carries: the event, whose DM it was, and the event's `updated` when it was sent. */
  eventId: string;
  owner: string;
  version: string | null;
  answer: RsvpAnswer;
  /** The message clicked (an invitation's DM or a reminder). */
  message?: PostedNotice;
  signal?: AbortSignal;
}

export type RsvpOutcome =
  | { kind: 'answered'; answer: RsvpAnswer }
  /** Someone other than the DM's owner clicked. */
  | { kind: 'not-yours' }
  /** The clicker has no working link to Google. */
  | { kind: 'not-linked' }
  /** An earlier click (a double click, Slack delivering it again) already took this one. */
  | { kind: 'duplicate' }
  /** The invitation changed or was cancelled since the DM; nothing was answered. */
  | { kind: 'stale'; why: 'changed' | 'cancelled' }
  /** Google failed; nothing changed, the person may try again. */
  | { kind: 'failed' };

/**
 * The click is the person's confirmation: only the Slack user the DM was for may answer, once, and
 * only their own answer is set (attendeesOmitted, as respond_to_event does). An invitation that changed
 * or was cancelled since the DM is not answered: the person sees what they answer, or nothing happens.
 */
export async function answerRsvp(ctx: NotifyDeps, click: RsvpClick): Promise<RsvpOutcome> {
  if (click.owner !== click.clicker.slackUserId) return { kind: 'not-yours' };
  const account = await ctx.accounts.accountOf(click.clicker.teamId, click.clicker.slackUserId);
  const identityId = await ctx.notices.identityId(click.clicker);
  if (account.kind !== 'connected' || identityId === null) return { kind: 'not-linked' };
  const claims = new RsvpClaims({ models: ctx.db.models, now: ctx.now });
  const key = claimKey(identityId, click.eventId, click.version);
  if (!(await claims.take(key, identityId, click.answer))) return { kind: 'duplicate' };
  let outcome: RsvpOutcome;
  try {
    outcome = await answerClaimed(ctx, click, account.user.id);
  } catch (err) {
    await claims.release(key);
    if (needsReconnect(err)) return { kind: 'not-linked' };
    ctx.log.warn({ err, teamId: click.clicker.teamId }, 'answering an invitation from Slack failed');
    return { kind: 'failed' };
  }
  if (outcome.kind !== 'answered') {
    await claims.release(key);
    return outcome;
  }
  await claims.done(key);
  await rememberAnswer(ctx, identityId, click);
  return outcome;
}

async function answerClaimed(ctx: NotifyDeps, click: RsvpClick, userId: string): Promise<RsvpOutcome> {
  const google = await calendarOf(ctx, userId);
  if (!google) return { kind: 'not-linked' };
  const event = await readEvent(google.calendar, click.eventId, click.signal);
  if (!event || event.status === 'cancelled') return { kind: 'stale', why: 'cancelled' };
  const own = ownAttendee(event, google.user.email);
  if (!own) return { kind: 'stale', why: 'cancelled' };
  if (click.version !== null && event.updated !== click.version) return { kind: 'stale', why: 'changed' };
  click.signal?.throwIfAborted();
  await answerInvitation(
    google.calendar,
    { eventId: click.eventId, own, answer: click.answer },
    { signal: click.signal },
  );
  return { kind: 'answered', answer: click.answer };
}

/**
 * The invitation's DM now shows the answer (the Slack layer updates the message clicked): its notice
 * says so, and a sync that sees the answer leaves it alone. A click on a reminder leaves the
 * invitation's DM to the next sync, which updates it.
 */
async function rememberAnswer(ctx: NotifyDeps, identityId: number, click: RsvpClick): Promise<void> {
  const key = invitationKey(identityId, click.eventId);
  const sent = await ctx.notices.find<InvitationState>(key);
  if (!sent?.state || !click.message) return;
  if (sent.posted.channel !== click.message.channel || sent.posted.ts !== click.message.ts) return;
  await ctx.notices.setState<InvitationState>(key, { ...sent.state, answer: click.answer });
}
