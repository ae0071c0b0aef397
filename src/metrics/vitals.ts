import type { EngineBeat, LastCall, Vitals } from '../telemetry';

/** The last call to one upstream, and when one last succeeded and last failed. */
class LastCallTracker {
  private last: LastCall | null = null;

  record(at: Date, ok: boolean, result: string): void {
    this.last = {
      at,
      ok,
      result,
      lastOkAt: ok ? at : (this.last?.lastOkAt ?? null),
      lastFailedAt: ok ? (this.last?.lastFailedAt ?? null) : at,
    };
  }

  get(): LastCall | null {
    return this.last;
  }
}

/**
 * What /ready reports beside the database, kept in memory by the telemetry hooks: the last Slack and
 * Google calls and the job engine's heartbeat. Reading it costs no I/O.
 */
export class VitalSigns {
  readonly slack = new LastCallTracker();
  readonly google = new LastCallTracker();
  private jobs: EngineBeat | null = null;

  enginePassed(at: Date, staleAfterMs: number): void {
    this.jobs = { state: 'running', lastPassAt: at, staleAfterMs };
  }

  engineStopped(): void {
    this.jobs = { lastPassAt: null, staleAfterMs: 0, ...this.jobs, state: 'stopped' };
  }

  read(): Vitals {
    return { slack: this.slack.get(), google: this.google.get(), jobs: this.jobs };
  }
}
