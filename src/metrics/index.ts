import { collectDefaultMetrics, Registry } from 'prom-client';
import { NOTIFICATION_KINDS, type Telemetry, TURN_OUTCOMES } from '../telemetry';
import { lumeInstruments } from './instruments';
import {
  googleApiLabel,
  httpMethodLabel,
  jobKindLabel,
  notificationKindLabel,
  routeLabel,
  slackMethodLabel,
  slackStatusLabel,
  statusClass,
  toolLabel,
} from './labels';
import { VitalSigns } from './vitals';

export interface MetricsOptions {
  /** Stamps the last Slack and Google calls (the context's clock). */
  now: () => Date;
  /**
   * Add prom-client's process metrics (CPU, memory, event-loop lag, GC) to the registry. On in
   * production; each registry that has them keeps an event-loop monitor and a GC observer alive.
   */
  processMetrics?: boolean;
}

/** The telemetry port on a prom-client registry of its own (never the library's global one). */
export interface Metrics extends Telemetry {
  readonly registry: Registry;
}

export function createMetrics(o: MetricsOptions): Metrics {
  const registry = new Registry();
  if (o.processMetrics) collectDefaultMetrics({ register: registry });
  const vitals = new VitalSigns();
  const m = lumeInstruments(registry);
  // Closed sets start at zero, so rate() and alerts see a series before the first event.
  for (const outcome of TURN_OUTCOMES) m.turns.inc({ outcome }, 0);
  for (const kind of NOTIFICATION_KINDS) m.notifications.inc({ kind }, 0);

  return {
    registry,
    turnStarted() {
      const end = m.turnSeconds.startTimer();
      return (outcome) => {
        m.turns.inc({ outcome });
        end({ outcome });
      };
    },
    toolCall: (tool, outcome) => m.toolCalls.inc({ tool: toolLabel(tool), outcome }),
    confirmation: (stage, tool, count = 1) => m.confirmations.inc({ stage, tool: toolLabel(tool) }, count),
    notificationSent: (kind) => m.notifications.inc({ kind: notificationKindLabel(kind) }),
    googleCall({ api, status }) {
      const cls = statusClass(status);
      m.googleCalls.inc({ api: googleApiLabel(api), status_class: cls });
      vitals.google.record(o.now(), cls === '2xx' || cls === '3xx', cls);
    },
    slackCall({ method, status }) {
      const labels = { method: slackMethodLabel(method), status: slackStatusLabel(status) };
      m.slackCalls.inc(labels);
      if (labels.status === 'rate_limited') m.slackLimited.inc({ method: labels.method });
      vitals.slack.record(o.now(), labels.status === 'ok', labels.status);
    },
    jobStarted: (kind, lagMs) => m.jobLag.observe({ kind: jobKindLabel(kind) }, Math.max(0, lagMs) / 1000),
    jobFailed: (kind, outcome) => m.jobFailures.inc({ kind: jobKindLabel(kind), outcome }),
    enginePassed(at, staleAfterMs) {
      m.enginePass.set(at.getTime() / 1000);
      vitals.enginePassed(at, staleAfterMs);
    },
    engineStopped: () => vitals.engineStopped(),
    httpRequest({ method, route, status, seconds }) {
      const labels = { method: httpMethodLabel(method), route: routeLabel(route) };
      m.httpRequests.inc({ ...labels, status: String(status) });
      m.httpSeconds.observe(labels, seconds);
    },
    vitals: () => vitals.read(),
  };
}
