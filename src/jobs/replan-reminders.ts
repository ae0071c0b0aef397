import { replanPerson } from '../notify/plan-reminders';
import { REPLAN_REMINDERS_JOB } from '../notify/reminder-deps';
import type { SlackPerson } from '../settings/types';
import type { JobKind } from './types';

/** A person's reminders planned again after they changed their reminder, location or travel settings. */
export const replanRemindersJob: JobKind<SlackPerson> = {
  kind: REPLAN_REMINDERS_JOB,
  async run(person, _job, ctx) {
    await replanPerson(ctx, person);
  },
};
