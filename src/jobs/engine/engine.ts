import { DEFAULT_BACKOFF } from './backoff';
import { emit } from './events';
import { Finisher } from './finish';
import { type HeldLease, handBack, renewLeases, takeOverExpired } from './leases';
import { PayloadCodec } from './payload';
import { createJobQueue } from './queue';
import { recurringDefinition, scheduleRecurring } from './recurring';
import { Runner } from './runner';
import { Sql } from './sql';
import type { JobDefinition, JobEngine, JobEngineOptions, PassReport } from './types';

const TAKEOVER_BATCH = 500;
/** How often a polling engine makes sure each recurring task's current period exists (real time). */
const RESCHEDULE_MS = 60_000;
/** An engine with no pass through for this long (or ten polls, if longer) is stuck. */
const STALE_AFTER_MS = 60_000;

/**
 * The durable job engine: jobs live in the `jobs` table, any number of instances claim due ones under
 * a lease, and everything that decides "due" or "expired" reads the injected clock (timers only wake it).
 */
export function createJobEngine(opts: JobEngineOptions): JobEngine {
  const { db, log, now } = opts;
  const sql = new Sql(db.sequelize, db.dialect);
  const leaseMs = opts.leaseMs ?? 20_000;
  const recurring = opts.recurring ?? [];
  const definitions = new Map<string, JobDefinition>();
  const finisher = new Finisher(sql, now);
  const events = opts.events ?? {};

  const all = [...opts.definitions];
  if (recurring.length)
    all.push(recurringDefinition(recurring, { enqueue: (input) => queue.enqueue(input), now, log }));
  const queue = createJobQueue({
    db,
    now,
    kinds: all,
    cipher: opts.cipher,
    maxAttempts: opts.maxAttempts,
    retention: opts.retention,
  });
  for (const d of all) definitions.set(d.kind, d);
  const schedule = () => scheduleRecurring(recurring, queue.enqueue, now());

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
      codec: new PayloadCodec(opts.cipher),
      finisher,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      random: opts.random ?? Math.random,
      events,
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
      emit(events, log, 'dead', { kind: j.kind, attempt: j.attempts, reason: 'lease expired' });
    }
    return requeued.length + dead.length;
  };

  const timers: NodeJS.Timeout[] = [];
  let started = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let lastTakeover = 0;
  let lastSchedule = Date.now();
  const pollMs = opts.pollMs ?? 1000;
  const takeoverMs = opts.takeoverMs ?? leaseMs / 4;
  const staleAfterMs = Math.max(STALE_AFTER_MS, 10 * pollMs);
  const passed = () => emit(events, log, 'passed', { at: now(), staleAfterMs });

  // The poll and heartbeat in flight: stop() waits for them, so nothing touches the database after it.
  let ticking: Promise<void> | undefined;
  let beating: Promise<void> | undefined;
  const tick = async () => {
    try {
      if (Date.now() - lastTakeover >= takeoverMs) {
        lastTakeover = Date.now();
        await takeOver();
      }
      if (recurring.length && Date.now() - lastSchedule >= RESCHEDULE_MS) {
        lastSchedule = Date.now();
        await schedule();
      }
      await runner.fill();
      passed();
    } catch (err) {
      log.warn({ err }, 'job poll failed; trying again');
    }
    if (started) pollTimer = setTimeout(poll, pollMs).unref();
  };
  const poll = () => {
    ticking = tick();
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
    ...queue,

    async start() {
      if (started) return;
      await schedule();
      passed();
      if (opts.poll === false) return;
      started = true;
      timers.push(
        setInterval(
          () => {
            beating ??= heartbeat().finally(() => {
              beating = undefined;
            });
          },
          opts.heartbeatMs ?? leaseMs / 3,
        ).unref(),
      );
      poll();
    },

    async runDue(): Promise<PassReport> {
      const before = runner.counts();
      const takenOver = await takeOver();
      await schedule();
      await runner.drainDue();
      passed();
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
      await Promise.all([ticking, beating, finisher.drain()]);
      emit(events, log, 'stopped', { at: now() });
      if (report.handedBack) log.warn(report, 'job engine stopped; unfinished jobs handed back');
      else log.info(report, 'job engine stopped');
      return report;
    },
  };
}
