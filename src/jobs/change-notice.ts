import { CHANGE_JOB, type ChangePayload, sendChangeNotice } from '../notify/change-send';
import { deliverNotice } from './notice-delivery';
import type { JobKind } from './types';

/** A change notice (src/notify/change-send.ts): one per person, event and what it became. */
export const changeNoticeJob: JobKind<ChangePayload> = {
  kind: CHANGE_JOB,
  sealed: true,
  run: (payload, job, ctx, ports) =>
    deliverNotice(ports, job, (m, run) => sendChangeNotice(ctx, m, payload, run)),
};
