import { BRIEFING_KIND, type BriefingPayload } from '../notify/briefings';
import type { BriefingNotice } from '../notify/notices';
import { noticeKey } from '../notify/sent-notices';
import { HOUR_MS } from '../time/duration';
import { safeZone } from '../time/zone';
import { asJobFailure } from './notice-failure';
import type { JobKind } from './types';

/** A briefing that could not go out within this of its minute (Lume was down) is skipped, not sent late. */
export const BRIEFING_MAX_LATE_MS = 2 * HOUR_MS;

/**
 * One person's briefing for one local date. For a connected person it plans the next one first (so
 * nothing after that can end the chain), then sends today's at most once: the sent-notices key per date is checked before the
 * agenda is built and again just before the Slack call, and recorded right after it.
 */
export const briefingJob: JobKind<BriefingPayload> = {
  kind: BRIEFING_KIND,
  async run(p, job, ctx, ports) {
    const person = { teamId: p.teamId, slackUserId: p.slackUserId };
    const identityId = await ctx.notices.identityId(person);
    if (identityId === null) return;
    const account = await ctx.accounts.accountOf(p.teamId, p.slackUserId);
    if (account.kind !== 'connected') {
      // Nothing more is planned: connecting again (onAccountLinked) plans it anew.
      ctx.log.info({ identityId, date: p.date }, 'briefing not sent: Google account not connected');
      return;
    }
    const dueAt = new Date(p.at);
    const now = ctx.now();
    // After this one's minute and after now: a briefing skipped for lateness does not plan the days missed.
    await ctx.briefings.planNext(person, {
      after: new Date(Math.max(dueAt.getTime(), now.getTime())),
      identityId,
    });
    const lateMs = now.getTime() - dueAt.getTime();
    if (lateMs > BRIEFING_MAX_LATE_MS) {
      ctx.log.warn({ identityId, date: p.date, lateMs }, 'briefing skipped: more than two hours late');
      return;
    }
    const key = noticeKey('briefing', identityId, p.date);
    if (await ctx.notices.find(key)) return;
    const settings = await ctx.settings.get(person);
    if (!settings.briefing) return;
    if (!ports.messenger) throw new Error('no messenger port: this process cannot post to Slack');
    const timeZone = safeZone(settings.timeZone);
    let notice: BriefingNotice;
    try {
      const { agenda, attention } = await ctx.briefings.compose(account.user, timeZone, job.signal);
      notice = { kind: 'briefing', timeZone, agenda, attention };
    } catch (err) {
      throw asJobFailure(err);
    }
    job.signal.throwIfAborted();
    if (await ctx.notices.find(key)) return;
    try {
      const posted = await ports.messenger.post(person, notice, { dueAt, signal: job.signal });
      await ctx.notices.record({ key, identityId, kind: 'briefing', posted });
      ctx.telemetry.notificationSent('briefing');
    } catch (err) {
      throw asJobFailure(err);
    }
  },
};
