import { INVITATION_JOBS } from '../notify/invitation-state';
import { updateInvitation } from '../notify/invitation-update';
import type { NoticeTarget } from '../notify/notice-target';
import { deliverNotice } from './notice-delivery';
import type { JobKind } from './types';

/** An invitation's DM brought up to date after it was answered elsewhere or cancelled (src/notify/invitation-update.ts). */
export const invitationUpdateJob: JobKind<NoticeTarget> = {
  kind: INVITATION_JOBS.update,
  sealed: true,
  run: (target, job, ctx, ports) =>
    deliverNotice(ports, job, (m, run) => updateInvitation(ctx, m, target, run)),
};
