import { Op } from 'sequelize';
import type { Models, User } from '../../models';
import type { Agenda, AgendaService } from '../agenda';
import type { LinkHooks } from '../auth/link-hooks';
import type { JobQueue } from '../job-queue';
import type { Logger } from '../log';
import { nextBriefingAt } from '../settings/briefing-time';
import type { Settings } from '../settings/settings';
import type { PersonSettings, SlackPerson } from '../settings/types';
import { localDate, safeZone } from '../time/zone';
import { Semaphore } from './semaphore';

export const BRIEFING_KIND = 'briefing';

/**
 * Two or three sentences on what needs attention in an agenda, from one model call with no tools
 * (the agenda passed as untrusted data); null when the model had nothing to say. Throws on failure.
 */
export interface AttentionWriter {
  write(agenda: Agenda, signal: AbortSignal): Promise<string | null>;
}

/** Agendas built at once by one instance in a morning burst: Google's per-project quotas hold. */
export const BRIEFING_AGENDA_CONCURRENCY = 8;

/** What a briefing job carries: whose, the local date it is for, and the instant it was due (no content). */
export interface BriefingPayload {
  teamId: string;
  slackUserId: string;
  date: string;
  /** ISO instant: lateness is measured from it, whatever snoozes moved the job's own run time to. */
  at: string;
}

/** One key per identity per local date: restarts and other instances find the same job. */
export const briefingJobKey = (identityId: number, date: string) => `${BRIEFING_KIND}:${identityId}:${date}`;

export interface BriefingsDeps {
  models: Models;
  settings: Settings;
  jobs: JobQueue;
  log: Logger;
  now: () => Date;
  agenda: AgendaService;
  /** Present when GEMINI_API_KEY is set (src/agent implements it with one model call). */
  model?: AttentionWriter;
  agendaConcurrency?: number;
}

/**
 * The daily briefing's schedule and content. Each Slack person with a briefing has one job, for
 * the next local date it applies to; a change of settings or zone, a new link, and every run plan
 * it again, and unlinking cancels it. The job (briefing-job.ts) decides at run time.
 */
export class Briefings {
  private readonly gate: Semaphore;

  constructor(private readonly deps: BriefingsDeps) {
    this.gate = new Semaphore(deps.agendaConcurrency ?? BRIEFING_AGENDA_CONCURRENCY);
  }

  get modelConfigured(): boolean {
    return !!this.deps.model;
  }

  /** Re-plan on every settings change and link; cancel on unlink. One line each in build-context. */
  listen(hooks: LinkHooks): void {
    this.deps.settings.onChanged(({ person, before, after }) => {
      if (sameSchedule(before, after)) return;
      return this.replan(person);
    });
    // Not awaited, like calendar sync's: the "Connected" DM (a later listener) must not wait on the database.
    hooks.onAccountLinked(({ teamId, slackUserId }) => {
      this.replan({ teamId, slackUserId }).catch((err: unknown) =>
        this.deps.log.error({ err, teamId }, 'could not plan the briefing of a new link'),
      );
    });
    hooks.onIdentityUnlinked(async ({ teamId, slackUserId }) => {
      const id = await this.identityId({ teamId, slackUserId });
      if (id !== null) await this.cancel(id);
    });
  }

  /** Whatever was planned goes, and the next briefing (if any) is planned from the settings as they stand. */
  async replan(person: SlackPerson): Promise<void> {
    const id = await this.identityId(person);
    if (id === null) return;
    await this.cancel(id);
    await this.planNext(person, { after: this.deps.now(), identityId: id });
  }

  /** Plans the first briefing after `after` unless one is already planned for that date (kept). */
  async planNext(person: SlackPerson, o: { after: Date; identityId?: number }): Promise<Date | null> {
    const id = o.identityId ?? (await this.identityId(person));
    if (id === null) return null;
    const settings = await this.deps.settings.get(person);
    if (!settings.briefing) return null;
    const zone = safeZone(settings.timeZone);
    const at = nextBriefingAt(settings.briefing, zone, o.after);
    const date = localDate(at, zone);
    await this.deps.jobs.enqueue<BriefingPayload>({
      kind: BRIEFING_KIND,
      key: briefingJobKey(id, date),
      payload: { teamId: person.teamId, slackUserId: person.slackUserId, date, at: at.toISOString() },
      runAt: at,
      onConflict: 'keep',
    });
    return at;
  }

  async cancel(identityId: number): Promise<number> {
    return this.deps.jobs.cancel({ kind: BRIEFING_KIND, keyPrefix: `${BRIEFING_KIND}:${identityId}:` });
  }

  /**
   * The day's agenda (at most `agendaConcurrency` built at once) and, with a model, its two or three
   * sentences; a model that fails leaves them out and the briefing still goes.
   */
  async compose(
    user: User,
    zone: string,
    signal: AbortSignal,
  ): Promise<{ agenda: Agenda; attention: string | null }> {
    const agenda = await this.gate.run(() => this.deps.agenda.forUser(user, zone));
    let attention: string | null = null;
    if (this.deps.model) {
      try {
        attention = await this.deps.model.write(agenda, signal);
      } catch (err) {
        if (signal.aborted) throw err;
        this.deps.log.warn({ err, userId: user.id }, 'briefing model call failed; the agenda goes alone');
      }
    }
    return { agenda, attention };
  }

  /** Every person with a briefing, for the hourly sweep that plans any whose chain broke. */
  async everyone(): Promise<SlackPerson[]> {
    const rows = await this.deps.models.SlackIdentity.findAll({
      attributes: ['teamId', 'slackUserId'],
      include: [
        {
          model: this.deps.models.PersonSetting,
          as: 'settings',
          attributes: [],
          where: { briefingHour: { [Op.ne]: null } },
        },
        // Connected as Accounts judges it; someone who connects again is planned by onAccountLinked.
        {
          model: this.deps.models.User,
          as: 'user',
          attributes: [],
          where: { status: 'connected', refreshTokenEnc: { [Op.ne]: null } },
        },
      ],
    });
    return rows.map((r) => ({ teamId: r.teamId, slackUserId: r.slackUserId }));
  }

  async identityId(person: SlackPerson): Promise<number | null> {
    const row = await this.deps.models.SlackIdentity.findOne({
      attributes: ['id'],
      where: { teamId: person.teamId, slackUserId: person.slackUserId },
    });
    return row?.id ?? null;
  }
}

/** Whether a change leaves the briefing's time, days and zone as they were (nothing to re-plan). */
function sameSchedule(a: PersonSettings, b: PersonSettings): boolean {
  return JSON.stringify([a.briefing, a.timeZone]) === JSON.stringify([b.briefing, b.timeZone]);
}
