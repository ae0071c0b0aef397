import type { AppContext } from '../context';
import { createJobEngine, type JobEngine, type JobEngineOptions, type JobEvents } from './engine';
import { jobCatalogue } from './index';
import type { JobPorts } from './ports';
import type { JobCatalogue } from './types';

export interface AppJobEngineOptions {
  /** Names this process in leases and logs; unique per running instance. */
  instanceId: string;
  ports: JobPorts;
  /** More hooks (tests); ctx.telemetry always hears the engine's events (job lag, failures, heartbeat). */
  events?: JobEvents;
  /** What runs; the one list in ./index.ts unless a test gives its own (give ctx.jobs the same one). */
  catalogue?: JobCatalogue;
  /** Engine tuning and test switches (`poll: false`: driven by runDue only). */
  tuning?: Pick<
    JobEngineOptions,
    'poll' | 'pollMs' | 'leaseMs' | 'heartbeatMs' | 'takeoverMs' | 'concurrency' | 'batchSize'
  >;
}

/**
 * The engine that runs Lume's jobs on the app's database, clock and cipher: each kind and recurring
 * job of the catalogue, handed the context and the ports. Built and started by the composition root
 * (src/run.ts), which stops it on shutdown; services only ever see `ctx.jobs`.
 */
export function createAppJobEngine(ctx: AppContext, o: AppJobEngineOptions): JobEngine {
  const { kinds, recurring } = o.catalogue ?? jobCatalogue;
  return createJobEngine({
    db: ctx.db,
    log: ctx.log,
    now: ctx.now,
    cipher: ctx.cipher,
    instanceId: o.instanceId,
    definitions: kinds.map((k) => ({
      kind: k.kind,
      sealed: k.sealed,
      maxAttempts: k.maxAttempts,
      run: (payload, job) => k.run(payload, job, ctx, o.ports),
    })),
    recurring: recurring.map((r) => ({ name: r.name, everyMs: r.everyMs, run: () => r.run(ctx, o.ports) })),
    events: withTelemetry(ctx, o.events),
    ...o.tuning,
  });
}

/** The engine's events as ctx.telemetry records them (metrics, and the heartbeat /ready reads), then `more`'s. */
function withTelemetry(ctx: AppContext, more: JobEvents = {}): JobEvents {
  const t = ctx.telemetry;
  return {
    started: (e) => {
      t.jobStarted(e.kind, e.lagMs);
      more.started?.(e);
    },
    done: (e) => more.done?.(e),
    retried: (e) => {
      t.jobFailed(e.kind, 'retried');
      more.retried?.(e);
    },
    dead: (e) => {
      t.jobFailed(e.kind, 'dead');
      more.dead?.(e);
    },
    passed: (e) => {
      t.enginePassed(e.at, e.staleAfterMs);
      more.passed?.(e);
    },
    stopped: (e) => {
      t.engineStopped();
      more.stopped?.(e);
    },
  };
}
