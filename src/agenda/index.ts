import type { User } from '../../models';
import type { GoogleApis } from '../google/apis';
import type { GoogleClientFactory } from '../google/client-factory';
import {
  GoogleAccountRevokedError,
  httpStatusOf,
  isInsufficientScope,
  isInvalidGrant,
} from '../google/errors';
import { type RetryClock, retryTransient } from '../google/retry';
import { hasAnyScope, SCOPES } from '../google/scopes';
import type { Logger } from '../log';
import { localDay, safeZone } from '../time/zone';
import { AgendaCache } from './cache';
import { fetchEvents } from './calendar';
import { fetchMail } from './mail';
import type { AgendaRead } from './request-options';
import { fetchTasks } from './tasks';
import type { Agenda, Part } from './types';

export type { Agenda, AgendaEvent, AgendaMail, AgendaTask, Part } from './types';

const AREAS = {
  calendar: { name: 'Calendar', anyOf: [SCOPES.calendar, SCOPES.calendarEvents, SCOPES.calendarReadonly] },
  tasks: { name: 'Tasks', anyOf: [SCOPES.tasks, SCOPES.tasksReadonly] },
  mail: { name: 'Gmail', anyOf: [SCOPES.gmailReadonly, SCOPES.gmailModify] },
} as const;

export interface AgendaDeps {
  google: GoogleClientFactory;
  log: Logger;
  now: () => Date;
  /** How retries of transient Google failures wait (default: real timers). */
  retryClock?: RetryClock;
}

/**
 * Builds a person's day from Calendar, Tasks and Gmail. The three run in parallel; one that fails
 * becomes a one-line note and the others still show. Only a revoked grant fails the whole agenda,
 * because then nothing can load and the person must reconnect.
 */
export class AgendaService {
  readonly cache = new AgendaCache();

  constructor(private readonly deps: AgendaDeps) {}

  async forUser(user: User, timeZone: string): Promise<Agenda> {
    const { apis } = await this.deps.google.forUser(user);
    return this.build(user, timeZone, apis);
  }

  private async build(user: User, timeZone: string, apis: GoogleApis): Promise<Agenda> {
    const tz = safeZone(timeZone);
    const day = { ...localDay(this.deps.now(), tz), timeZone: tz };
    const granted = user.scopes;
    const read: AgendaRead = (call) =>
      retryTransient(call, {
        clock: this.deps.retryClock,
        onRetry: ({ attempt, delayMs, err }) =>
          this.deps.log.info({ err, attempt, delayMs, userId: user.id }, 'agenda Google read retried'),
      });
    const part = <T>(area: (typeof AREAS)[keyof typeof AREAS], load: () => Promise<T>): Promise<Part<T>> =>
      hasAnyScope(granted, [...area.anyOf])
        ? this.settle(area.name, user, load)
        : Promise.resolve({ ok: false, note: notGranted(area.name) });

    const [events, tasks, mail] = await Promise.all([
      part(AREAS.calendar, () => fetchEvents(apis, day, read)),
      part(AREAS.tasks, () => fetchTasks(apis, user.id, day.date, this.cache, read)),
      part(AREAS.mail, () => fetchMail(apis, user.id, this.cache, read)),
    ]);
    return { date: day.date, timeZone: tz, email: user.email, events, tasks, mail };
  }

  private async settle<T>(area: string, user: User, load: () => Promise<T>): Promise<Part<T>> {
    try {
      return { ok: true, value: await load() };
    } catch (err) {
      if (isInvalidGrant(err))
        throw err instanceof GoogleAccountRevokedError ? err : new GoogleAccountRevokedError(user.id);
      if (isInsufficientScope(err)) return { ok: false, note: notGranted(area) };
      const status = httpStatusOf(err);
      this.deps.log.warn({ err, area, userId: user.id }, 'agenda section failed');
      return {
        ok: false,
        // The status goes to the log above; the person only needs to know whose side it is on.
        note: `${area} couldn't be loaded just now${status && status >= 500 ? " (a problem on Google's side)" : ''}. Try again in a minute.`,
      };
    }
  }
}

function notGranted(area: string): string {
  return `Lume doesn't have access to ${area}. Run \`/lume connect\` and allow ${area} to see it here.`;
}
