import { Op } from 'sequelize';
import type { Models } from '../../models';
import type { JobQueue } from '../job-queue';
import { requestSync } from './sync-requests';
import { ensureSyncRow } from './sync-store';

/**
 * One pass of the poller: a sync for each connected account whose poll is due (most overdue first),
 * and for connected accounts that have no sync state yet (linked before calendar sync existed). At
 * most `limit` per pass, so a large install is covered over several passes rather than one giant one.
 * Each picked account's next poll moves on at once, so the next pass does not pick it again while
 * its sync waits in the queue.
 */
export async function pollStale(
  deps: { models: Models; jobs: JobQueue; config: { calendar: { pollSeconds: number } }; now: () => Date },
  limit: number,
): Promise<number> {
  const { CalendarSync, User } = deps.models;
  const now = deps.now();
  const connected = { status: 'connected', refreshTokenEnc: { [Op.ne]: null } };
  const due = await CalendarSync.findAll({
    attributes: ['userId'],
    where: { pollDueAt: { [Op.lte]: now } },
    include: [{ model: User, as: 'user', attributes: [], where: connected, required: true }],
    order: [['pollDueAt', 'ASC']],
    limit,
  });
  const fresh = await User.findAll({
    attributes: ['id'],
    where: { ...connected, '$calendarSync.user_id$': null },
    include: [{ model: CalendarSync, as: 'calendarSync', attributes: [], required: false }],
    limit: Math.max(0, limit - due.length),
    subQuery: false,
  });
  const ids = [...due.map((r) => r.userId), ...fresh.map((u) => u.id)];
  if (!ids.length) return 0;
  const next = new Date(now.getTime() + deps.config.calendar.pollSeconds * 1000);
  await CalendarSync.update({ pollDueAt: next }, { where: { userId: { [Op.in]: ids } } });
  for (const u of fresh) await ensureSyncRow(deps.models, u.id, next);
  for (const id of ids) await requestSync(deps, id, now);
  return ids.length;
}
