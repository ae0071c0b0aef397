import { REMINDER_JOB } from '../notify/reminder-deps';
import type { ReminderPayload } from '../notify/reminder-payload';
import { sendReminder } from '../notify/reminder-send';
import { asJobFailure } from './notice-failure';
import type { JobKind } from './types';

/** A meeting reminder (or leave-now) DM, planned by src/notify/plan-reminders.ts. */
export const reminderJob: JobKind<ReminderPayload> = {
  kind: REMINDER_JOB,
  sealed: true,
  async run(payload, job, ctx, ports) {
    if (!ports.messenger) throw new Error('this process has no messenger to send reminders with');
    try {
      await sendReminder(ctx, ports.messenger, payload, job);
    } catch (err) {
      throw asJobFailure(err);
    }
  },
};
