import type { AppContext } from '../context';
import type { EngineBeat, LastCall } from '../telemetry';

type Instant = string | null;

interface CallReport {
  ok: boolean;
  at: string;
  result: string;
  lastOkAt: Instant;
  lastFailedAt: Instant;
}

interface Checks {
  database: 'ok' | 'unreachable';
  jobs: {
    status: 'ok' | 'stalled' | 'stopped' | 'not_running';
    lastPassAt: Instant;
    staleAfterSeconds: number | null;
  };
  slack: CallReport | null;
  google: CallReport | null;
}

export type ReadinessReport =
  | { status: 'ready'; checks: Checks }
  | { status: 'unavailable'; reason: string; checks: Checks };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const call = (c: LastCall | null): CallReport | null =>
  c && {
    ok: c.ok,
    at: c.at.toISOString(),
    result: c.result,
    lastOkAt: iso(c.lastOkAt),
    lastFailedAt: iso(c.lastFailedAt),
  };

/** The engine's heartbeat against the context's clock: fresh, stalled (no pass for too long) or stopped. */
function jobsCheck(beat: EngineBeat | null, now: Date): Checks['jobs'] {
  if (!beat) return { status: 'not_running', lastPassAt: null, staleAfterSeconds: null };
  const stale = !beat.lastPassAt || now.getTime() - beat.lastPassAt.getTime() > beat.staleAfterMs;
  return {
    status: beat.state === 'stopped' ? 'stopped' : stale ? 'stalled' : 'ok',
    lastPassAt: iso(beat.lastPassAt),
    staleAfterSeconds: beat.staleAfterMs / 1000,
  };
}

/**
 * Whether this instance should get traffic. Not ready (503): the database does not answer, or the
 * job engine is stalled or stopping — problems of this instance that another can take over from.
 * The last Slack and Google calls are reported only: those upstreams are shared by every instance
 * (an outage there would take all of them out of the load balancer at once, and with them the OAuth
 * pages and Slack's acks), and a single call can fail for its own person's reasons.
 */
export async function readiness(ctx: AppContext): Promise<ReadinessReport> {
  const database = await ctx.db.ping().then(
    () => 'ok' as const,
    (err: unknown) => {
      ctx.log.warn({ err }, 'readiness check failed: database unreachable');
      return 'unreachable' as const;
    },
  );
  const vitals = ctx.telemetry.vitals();
  const checks: Checks = {
    database,
    jobs: jobsCheck(vitals.jobs, ctx.now()),
    slack: call(vitals.slack),
    google: call(vitals.google),
  };
  const problems = [
    ...(database === 'unreachable' ? ['database unreachable'] : []),
    ...(checks.jobs.status === 'stalled' ? ['job engine stalled'] : []),
    ...(checks.jobs.status === 'stopped' ? ['job engine stopped'] : []),
  ];
  return problems.length
    ? { status: 'unavailable', reason: problems.join('; '), checks }
    : { status: 'ready', checks };
}
