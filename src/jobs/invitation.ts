import { sendInvitation } from '../notify/invitation-send';
import { INVITATION_JOBS } from '../notify/invitation-state';
import type { NoticeTarget } from '../notify/notice-target';
import { deliverNotice } from './notice-delivery';
import type { JobKind } from './types';

/** A new invitation's DM (src/notify/invitation-send.ts), once per person and event. Sealed: the event id is theirs. */
export const invitationJob: JobKind<NoticeTarget> = {
  kind: INVITATION_JOBS.send,
  sealed: true,
  run: (target, job, ctx, ports) =>
    deliverNotice(ports, job, (m, run) => sendInvitation(ctx, m, target, run)),
};
