import { DEFAULT_BACKOFF } from './backoff';
import { cancelJobs } from './cancel';
import { enqueueJob } from './enqueue';
import { emit } from './events';
import { Finisher } from './finish';
import { type HeldLease, handBack, renewLeases, takeOverExpired } from './leases';
import { PayloadCodec } from './payload';
import { DEFAULT_RETENTION, purgeFinished } from './purge';
import { recurringDefinition, scheduleRecurring } from './recurring';
import { Runner } from './runner';
import { Sql } from './sql';
import type { EnqueueInput, JobDefinition, JobEngine, JobEngineOptions, PassReport } from './types';

const TAKEOVER_BATCH = 500;

/**
 * The durable job engine: jobs live in the `jobs` table, any number of instances claim due ones under
 * a lease, and everything that decides "due" or "expired" reads the injected clock (timers only wake it).
 */
export function createJobEngine(opts: JobEngineOptions): JobEngine {
  const { db, log, now } = opts;
  const sql = new Sql(db.sequelize, db.dialect);
  const leaseMs = opts.leaseMs ?? 20_000;
  const codec = new PayloadCodec(opts.cipher);
  const definitions = new Map<string, JobDefinition>();
  const finisher = new Finisher(sql, now);

  const enqueue = <P>(input: EnqueueInput<P>) =>
    enqueueJob(
      sql,
      codec,
      definitions.get(input.kind),
      { maxAttempts: opts.maxAttempts ?? 5, now: now() },
      input,
    );

  const all = [...opts.definitions];
  if (opts.recurring)
    all.push(recurringDefinition(opts.recurring.jobs, opts.recurring.ctx, { enqueue, now, log }));
  for (const d of all) {
    if (definitions.has(d.kind)) throw new Error(`job kind "${d.kind}" is defined twice`);
    if (d.sealed && !opts.cipher)
      throw new Error(`job kind "${d.kind}" is sealed but the engine has no cipher`);
    definitions.set(d.kind, d);
  }

  const runner = new Runner({
    sql,
    log,
    now,
    definitions,
    instanceId: opts.instanceId,
    leaseMs,
    concurrency: opts.concurrency ?? 20,
    batchSize: opts.batchSize ?? 50,
    attempt: {
      log,
      now,
      codec,
      finisher,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      random: opts.random ?? Math.random,
      events: opts.events ?? {},
    },
  });

  const takeOver = async (): Promise<number> => {
    const { requeued, dead } = await takeOverExpired(sql, now(), TAKEOVER_BATCH);
    for (const j of requeued)
      log.info({ jobId: j.id, kind: j.kind, from: j.lease_owner }, 'took over a job whose lease expired');
    for (const j of dead) {
      log.error(
        { jobId: j.id, kind: j.kind, from: j.lease_owner, attempt: j.attempts },
        'job is dead: its last attempt never finished',
      );
      emit(opts.events ?? {}, log, 'dead', { kind: j.kind, attempt: j.attempts, reason: 'lease expired' });
    }
    return requeued.length + dead.length;
  };

  const timers: NodeJS.Timeout[] = [];
  let started = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let lastTakeover = 0;
  const pollMs = opts.pollMs ?? 1000;
  const takeoverMs = opts.takeoverMs ?? leaseMs / 4;

  const tick = async () => {
    try {
      if (Date.now() - lastTakeover >= takeoverMs) {
        lastTakeover = Date.now();
        await takeOver();
      }
      await runner.fill();
    } catch (err) {
      log.warn({ err }, 'job poll failed; trying again');
    }
    if (started) pollTimer = setTimeout(() => void tick(), pollMs).unref();
  };

  const heartbeat = async () => {
    const held: HeldLease[] = runner.held();
    try {
      const still = await renewLeases(sql, held, now(), leaseMs);
      runner.abortLost(held, still);
    } catch (err) {
      log.warn({ err }, 'could not renew job leases; trying again');
    }
  };

  return {
    enqueue,
    cancel: (filter) => cancelJobs(sql, filter),
    purgeFinished: () => purgeFinished(sql, now(), opts.retention ?? DEFAULT_RETENTION),

    async start() {
      if (started) return;
      if (opts.recurring) await scheduleRecurring(opts.recurring.jobs, enqueue, now());
      started = true;
      timers.push(setInterval(() => void heartbeat(), opts.heartbeatMs ?? leaseMs / 3).unref());
      void tick();
    },

    async runDue(): Promise<PassReport> {
      const before = runner.counts();
      const takenOver = await takeOver();
      await runner.drainDue();
      const after = runner.counts();
      return {
        claimed: after.claimed - before.claimed,
        done: after.done - before.done,
        retried: after.retried - before.retried,
        dead: after.dead - before.dead,
        takenOver,
      };
    },

    async stop(deadlineMs = 10_000) {
      started = false;
      clearTimeout(pollTimer);
      const report = await runner.stop(deadlineMs, (held) => handBack(sql, held, now()));
      for (const t of timers.splice(0)) clearInterval(t);
      await finisher.drain();
      if (report.handedBack) log.warn(report, 'job engine stopped; unfinished jobs handed back');
      else log.info(report, 'job engine stopped');
      return report;
    },
  };
}
