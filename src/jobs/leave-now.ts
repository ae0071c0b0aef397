import { planLeaveNow } from '../notify/leave-now-plan';
import { LEAVE_NOW_JOB } from '../notify/reminder-deps';
import type { LeaveNowPayload } from '../notify/reminder-payload';
import { asJobFailure } from './notice-failure';
import type { JobKind } from './types';

/** Asks Routes for the trip to a meeting and moves its reminder to when the person should leave. */
export const leaveNowJob: JobKind<LeaveNowPayload> = {
  kind: LEAVE_NOW_JOB,
  sealed: true,
  // A failing Google read is retried once; the ordinary reminder is in place whatever happens here.
  maxAttempts: 2,
  async run(payload, job, ctx) {
    try {
      const outcome = await planLeaveNow(ctx, payload, job);
      ctx.log.debug({ job: job.id, outcome }, 'leave-now planned');
    } catch (err) {
      throw asJobFailure(err);
    }
  },
};
