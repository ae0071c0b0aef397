import { eventRef } from '../calendar/event-ref';
import type { RsvpAnswer } from './notices';
import { noticeKey } from './sent-notices';

/** What an invitation's notice keeps (sealed): which version of the event it showed, and the answer it shows now. */
export interface InvitationState {
  eventId: string;
  /** Google's `updated` when the DM was sent: a click on an older version is refused. */
  version: string | null;
  answer: RsvpAnswer | null;
  /** Set once the DM says the invitation was cancelled. */
  cancelled?: boolean;
}

/** The job kinds of invitations (src/jobs/invitation.ts and invitation-update.ts run them). */
export const INVITATION_JOBS = { send: 'invitation', update: 'invitation-update' } as const;

/** The invitation's notice key, also the key of the job that sends it (one DM per person and event). */
export const invitationKey = (identityId: number, eventId: string) =>
  noticeKey('invitation', identityId, eventId);

/** The job that brings an invitation's DM up to date (answered elsewhere, cancelled): one per person and event. */
export const invitationUpdateKey = (identityId: number, eventId: string) =>
  `invitation-update:${identityId}:${eventRef(eventId).slice(0, 32)}`;

/** Every key prefix of one identity's invitation jobs. */
export const invitationJobPrefixes = (identityId: number) => [
  `invitation:${identityId}:`,
  `invitation-update:${identityId}:`,
];
