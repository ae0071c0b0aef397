import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every `lume_*` series, registered on one registry. Names and label names are the contract the README documents. */
export function lumeInstruments(registry: Registry) {
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: number[],
  ) => new Histogram<L>({ name, help, labelNames, buckets, registers });
  return {
    turns: counter('lume_agent_turns_total', 'Agent turns (questions to Lume), by how they ended.', [
      'outcome',
    ]),
    turnSeconds: histogram(
      'lume_agent_turn_duration_seconds',
      'How long an agent turn took, from the question to the answer (or the failure).',
      ['outcome'],
      [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 90, 120],
    ),
    toolCalls: counter(
      'lume_agent_tool_calls_total',
      'Tool calls by the agent: ran ok, failed (error), proposed a card, or refused.',
      ['tool', 'outcome'],
    ),
    confirmations: counter(
      'lume_agent_confirmations_total',
      'Confirmation cards: proposed, confirmed, cancelled, expired.',
      ['stage', 'tool'],
    ),
    googleCalls: counter(
      'lume_google_api_calls_total',
      "Calls to Google's APIs (after the client's own retries), by API and status class.",
      ['api', 'status_class'],
    ),
    slackCalls: counter(
      'lume_slack_api_calls_total',
      "HTTP requests to Slack's Web API (each retry counts), by method and Slack's verdict.",
      ['method', 'status'],
    ),
    slackLimited: counter(
      'lume_slack_api_rate_limited_total',
      'Slack Web API requests answered 429 (retried after Retry-After).',
      ['method'],
    ),
    jobLag: histogram(
      'lume_job_lag_seconds',
      'How late a job attempt started after it was due.',
      ['kind'],
      [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    ),
    jobFailures: counter(
      'lume_job_failures_total',
      'Failed job attempts: retried later, or dead (no attempts left).',
      ['kind', 'outcome'],
    ),
    enginePass: new Gauge({
      name: 'lume_job_engine_last_pass_timestamp_seconds',
      help: "When this instance's job engine last finished a pass over the queue (Unix time).",
      registers,
    }),
    notifications: counter(
      'lume_notifications_sent_total',
      'Messages Lume sent on its own (reminders, invitations, briefings…), by kind.',
      ['kind'],
    ),
    httpRequests: counter(
      'lume_http_requests_total',
      'HTTP requests answered, by route pattern and status.',
      ['method', 'route', 'status'],
    ),
    httpSeconds: histogram(
      'lume_http_request_duration_seconds',
      'HTTP request duration, by route pattern.',
      ['method', 'route'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
  };
}
