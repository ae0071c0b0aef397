import { randomBytes } from 'node:crypto';
import type { Logger } from '../../log';
import { type AttemptDeps, type Outcome, runAttempt } from './attempt';
import { claimDue } from './claim';
import type { HeldLease } from './leases';
import type { JobRow, Sql } from './sql';
import type { JobDefinition, StopReport } from './types';

interface Attempt extends HeldLease {
  controller: AbortController;
  done: Promise<void>;
  /**
   * running: the handler has not settled; ending: it has, and its ending is being written (one
   * statement); handed back: a stopping engine gave the lease back, so the ending is never written.
   */
  phase: 'running' | 'ending' | 'handed back';
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
 * Claims due jobs and runs them, at most `concurrency` attempts at once. A claim takes up to twice
 * that (capped by `batchSize`), the extra waiting here under the same heartbeat-renewed lease, and the
 * next claim comes when that reserve is used up: claims stay large (few statements per job) without an
 * idle slot. While claims come back full there may be more, so a freed slot claims again at once; once
 * one comes back short, the queue is drained and the next poll looks again.
 */
export class Runner {
  private readonly attempts = new Map<string, Attempt>();
  private readonly waiting: { row: JobRow; owner: string }[] = [];
  private readonly kinds: string[];
  private readonly owner: string;
  private claimNo = 0;
  private filling: Promise<void> | null = null;
  private again = false;
  private busy = false;
  private stopping = false;
  private readonly tally = { claimed: 0, done: 0, retried: 0, dead: 0 };

  constructor(private readonly o: RunnerOptions) {
    this.kinds = [...o.definitions.keys()];
    // A restarted process may reuse its instance id: the nonce keeps its claims apart from its predecessor's.
    this.owner = `${o.instanceId.slice(0, 64)}/${randomBytes(4).toString('hex')}`;
  }

  counts() {
    return { ...this.tally };
  }

  held(): HeldLease[] {
    return [
      ...[...this.attempts.values()].map(({ id, owner }) => ({ id, owner })),
      ...this.waiting.map(({ row, owner }) => ({ id: row.id, owner })),
    ];
  }

  private get holding(): number {
    return this.attempts.size + this.waiting.length;
  }

  /** Claim while the reserve is used up; concurrent calls share one claim loop. */
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

  private wantsMore(): boolean {
    return !this.stopping && this.holding <= this.o.concurrency;
  }

  private async claimLoop(): Promise<void> {
    if (this.kinds.length === 0) return;
    do {
      this.again = false;
      while (this.wantsMore()) {
        const limit = Math.min(this.o.batchSize, 2 * this.o.concurrency - this.holding);
        const claim = await claimDue(this.o.sql, {
          owner: `${this.owner}:${++this.claimNo}`,
          limit,
          kinds: this.kinds,
          now: this.o.now(),
          leaseMs: this.o.leaseMs,
          probe: !this.busy,
        });
        this.tally.claimed += claim.rows.length;
        for (const row of claim.rows) this.waiting.push({ row, owner: claim.owner });
        this.startWaiting();
        this.busy = claim.rows.length === limit;
        if (!this.busy) break;
      }
    } while (this.again && this.wantsMore());
  }

  private startWaiting(): void {
    while (!this.stopping && this.attempts.size < this.o.concurrency && this.waiting.length > 0) {
      const { row, owner } = this.waiting.shift()!;
      this.begin(row, owner);
    }
  }

  private begin(row: JobRow, owner: string): void {
    const slot = `${owner} ${row.id}`;
    const definition = this.o.definitions.get(row.kind) as JobDefinition;
    const attempt: Attempt = {
      id: row.id,
      owner,
      controller: new AbortController(),
      done: Promise.resolve(),
      phase: 'running',
    };
    // Decided in the turn the handler settles, so stop() and the attempt never both write the row.
    const mayRecord = () => {
      if (attempt.phase === 'handed back') return false;
      attempt.phase = 'ending';
      return true;
    };
    this.attempts.set(slot, attempt);
    attempt.done = runAttempt(row, owner, definition, attempt.controller.signal, this.o.attempt, mayRecord)
      .catch((err): Outcome => {
        this.o.log.error({ err, jobId: row.id }, 'job attempt failed inside the engine');
        return 'lost';
      })
      .then((outcome) => {
        this.attempts.delete(slot);
        this.count(outcome);
        this.startWaiting();
        if (this.busy && this.wantsMore())
          this.fill().catch((err) => this.o.log.warn({ err }, 'job claim failed'));
      });
  }

  private count(outcome: Outcome): void {
    if (outcome === 'done' || outcome === 'retried' || outcome === 'dead') this.tally[outcome] += 1;
  }

  /** Claim and run until nothing is due (tests and tools drive the engine with this). */
  async drainDue(): Promise<void> {
    for (;;) {
      this.busy = true;
      await this.fill();
      if (this.holding === 0) return;
      // Attempts started as others end: wait until this claim's work is all done, then look again.
      while (this.attempts.size > 0) await Promise.all([...this.attempts.values()].map((a) => a.done));
    }
  }

  /**
   * After a heartbeat over `renewed` (the leases held when it began), `stillHeld` are the ids whose
   * lease it still found: drop waiting jobs that lost theirs, and abort such attempts before their next
   * side effect. Jobs claimed or finished while the heartbeat ran are not judged by it.
   */
  abortLost(renewed: readonly HeldLease[], stillHeld: Set<string>): void {
    const lost = new Set(renewed.filter((h) => !stillHeld.has(h.id)).map((h) => `${h.owner} ${h.id}`));
    if (lost.size === 0) return;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const { row, owner } = this.waiting[i];
      if (lost.has(`${owner} ${row.id}`)) this.waiting.splice(i, 1);
    }
    for (const [slot, a] of this.attempts) {
      if (!lost.has(slot) || a.controller.signal.aborted) continue;
      this.o.log.warn({ jobId: a.id }, 'job lease lost (taken over or cancelled); aborting its attempt');
      a.controller.abort(new Error('job lease lost'));
    }
  }

  /**
   * Stop claiming, give attempts up to `deadlineMs` to end, then hand back what is still running.
   * An attempt whose handler ended before the deadline is not handed back even if its ending is still
   * being written (its side effects are done; handing it back would run them again): that write, one
   * statement, is awaited. Those handed back are marked first, then aborted, then released in one
   * statement, so a handler that throws on the abort cannot overwrite the hand-back with a retry.
   */
  async stop(deadlineMs: number, handBack: (held: HeldLease[]) => Promise<number>): Promise<StopReport> {
    this.stopping = true;
    await this.filling?.catch(() => undefined);
    // Claimed but not started: straight back to the queue.
    const unstarted = this.waiting.splice(0).map(({ row, owner }) => ({ id: row.id, owner }));
    const running = [...this.attempts.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(running.map((a) => a.done)),
      new Promise((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      }),
    ]);
    clearTimeout(timer);
    const left = running.filter((a) => a.phase === 'running');
    for (const a of left) a.phase = 'handed back';
    for (const a of left) a.controller.abort(new Error('job engine stopping'));
    const back = [...unstarted, ...left.map(({ id, owner }) => ({ id, owner }))];
    await Promise.all([
      back.length ? handBack(back) : 0,
      ...running.filter((a) => a.phase === 'ending').map((a) => a.done),
    ]);
    // Ended in time (handed back by an earlier stop() are neither): their endings are written by now.
    return { finished: running.filter((a) => a.phase === 'ending').length, handedBack: back.length };
  }
}
