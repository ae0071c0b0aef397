import type { Logger } from '../../log';
import { type AttemptDeps, type Outcome, runAttempt } from './attempt';
import { claimDue } from './claim';
import type { HeldLease } from './leases';
import type { JobRow, Sql } from './sql';
import type { JobDefinition, StopReport } from './types';

interface Attempt extends HeldLease {
  controller: AbortController;
  done: Promise<void>;
}

export interface RunnerOptions {
  sql: Sql;
  log: Logger;
  now: () => Date;
  definitions: Map<string, JobDefinition>;
  instanceId: string;
  leaseMs: number;
  concurrency: number;
  batchSize: number;
  attempt: AttemptDeps;
}

/**
 * Claims due jobs into free slots (at most `concurrency` attempts at once) and runs them. While claims
 * come back full, every attempt that ends claims again at once; once one comes back short, the queue is
 * drained and the next poll looks again.
 */
export class Runner {
  private readonly attempts = new Map<string, Attempt>();
  private readonly kinds: string[];
  private claimNo = 0;
  private filling: Promise<void> | null = null;
  private again = false;
  private busy = false;
  private stopping = false;
  private readonly tally = { claimed: 0, done: 0, retried: 0, dead: 0 };

  constructor(private readonly o: RunnerOptions) {
    this.kinds = [...o.definitions.keys()];
  }

  counts() {
    return { ...this.tally };
  }

  held(): HeldLease[] {
    return [...this.attempts.values()].map(({ id, owner }) => ({ id, owner }));
  }

  /** Claim into every free slot; concurrent calls share one claim loop. */
  fill(): Promise<void> {
    if (this.filling) {
      this.again = true;
      return this.filling;
    }
    this.filling = this.claimLoop().finally(() => {
      this.filling = null;
    });
    return this.filling;
  }

  private async claimLoop(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopping && this.attempts.size < this.o.concurrency) {
        const limit = Math.min(this.o.batchSize, this.o.concurrency - this.attempts.size);
        const claim = await claimDue(this.o.sql, {
          owner: `${this.o.instanceId}/${++this.claimNo}`,
          limit,
          kinds: this.kinds,
          now: this.o.now(),
          leaseMs: this.o.leaseMs,
          probe: !this.busy,
        });
        this.tally.claimed += claim.rows.length;
        for (const row of claim.rows) this.begin(row, claim.owner);
        this.busy = claim.rows.length === limit;
        if (!this.busy) break;
      }
    } while (this.again && !this.stopping && this.attempts.size < this.o.concurrency);
  }

  private begin(row: JobRow, owner: string): void {
    const controller = new AbortController();
    const slot = `${owner} ${row.id}`;
    const definition = this.o.definitions.get(row.kind) as JobDefinition;
    const done = runAttempt(row, owner, definition, controller.signal, this.o.attempt).then((outcome) => {
      this.attempts.delete(slot);
      this.count(outcome);
      if (this.busy && !this.stopping)
        this.fill().catch((err) => this.o.log.warn({ err }, 'job claim failed'));
    });
    this.attempts.set(slot, { id: row.id, owner, controller, done });
  }

  private count(outcome: Outcome): void {
    if (outcome === 'done' || outcome === 'retried' || outcome === 'dead') this.tally[outcome] += 1;
  }

  /** Claim and run until nothing is due (tests and tools drive the engine with this). */
  async drainDue(): Promise<void> {
    for (;;) {
      this.busy = true;
      await this.fill();
      if (this.attempts.size === 0) return;
      await Promise.all([...this.attempts.values()].map((a) => a.done));
    }
  }

  /** After a heartbeat: abort attempts whose lease was lost, so they stop before their next side effect. */
  abortLost(stillHeld: Set<string>): void {
    for (const a of this.attempts.values()) {
      if (stillHeld.has(a.id) || a.controller.signal.aborted) continue;
      this.o.log.warn({ jobId: a.id }, 'job lease lost (taken over or cancelled); aborting its attempt');
      a.controller.abort(new Error('job lease lost'));
    }
  }

  async stop(deadlineMs: number, handBack: (held: HeldLease[]) => Promise<number>): Promise<StopReport> {
    this.stopping = true;
    await this.filling?.catch(() => undefined);
    const running = [...this.attempts.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(running.map((a) => a.done)),
      new Promise((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      }),
    ]);
    clearTimeout(timer);
    const left = [...this.attempts.values()];
    for (const a of left) a.controller.abort(new Error('job engine stopping'));
    if (left.length) await handBack(left.map(({ id, owner }) => ({ id, owner })));
    return { finished: running.length - left.length, handedBack: left.length };
  }
}
