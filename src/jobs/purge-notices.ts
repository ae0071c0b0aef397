import { Op } from 'sequelize';
import { DAY_MS, HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/**
 * A sent notice's row only guards against sending it twice and lets its DM be updated (an invitation
 * answered elsewhere); a month after it went, the meeting is long over and nothing will ask for it.
 */
export const NOTICE_RETENTION_MS = 30 * DAY_MS;

export const purgeNotices: RecurringJob = {
  name: 'purge-notices',
  everyMs: HOUR_MS,
  run: (ctx) =>
    ctx.db.models.Notice.destroy({
      where: { sentAt: { [Op.lt]: new Date(ctx.now().getTime() - NOTICE_RETENTION_MS) } },
    }),
};
