/**
 * What Lume records about itself, as services see it: the port every part reports through
 * (`ctx.telemetry`). It knows no Prometheus and no Slack; src/metrics implements it (counters and
 * histograms on a prom-client registry, plus the last Slack and Google calls for /ready). Label-like
 * arguments are closed sets or names from Lume's own code (a tool, a job kind, a Slack method), never
 * a person's id, address or text.
 */

/** How one agent turn ended. */
export const TURN_OUTCOMES = [
  'answered',
  'failed',
  'busy',
  'timeout',
  'revoked',
  'not_connected',
  'not_configured',
  'rate_limited',
] as const;
export type TurnOutcome = (typeof TURN_OUTCOMES)[number];

/**
 * One tool call: it ran (`ok`, or `error` returned to the model as data), a change tool only
 * `proposed` its card, or it was `refused` (not declared, bad arguments, over the turn's budget).
 */
export type ToolCallOutcome = 'ok' | 'error' | 'proposed' | 'refused';

/** The life of a confirmation card. */
export type ConfirmationStage = 'proposed' | 'confirmed' | 'cancelled' | 'expired';

/** What the agent reports; it sees only this much of telemetry. */
export interface AgentTelemetry {
  /** A turn begins; call what it returns once, with how the turn ended (it measures the duration). */
  turnStarted(): (outcome: TurnOutcome) => void;
  /** `tool` is the declared tool's name; a name the model made up is reported as `unknown`. */
  toolCall(tool: string, outcome: ToolCallOutcome): void;
  confirmation(stage: ConfirmationStage, tool: string, count?: number): void;
}

/** What Lume says first (src/notify): one kind per proactive message. A new kind is one more name here. */
export const NOTIFICATION_KINDS = ['reminder', 'leave_now', 'invitation', 'change', 'briefing'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationTelemetry {
  /** A proactive message went out (call it once Slack accepted it). */
  notificationSent(kind: NotificationKind): void;
}

/** Which Google API a call went to (from its URL: see src/google/observe-calls.ts). */
export const GOOGLE_APIS = [
  'gmail',
  'calendar',
  'tasks',
  'keep',
  'userinfo',
  'places',
  'routes',
  'oauth_token',
  'oauth_revoke',
  'oauth_certs',
  'other',
] as const;
export type GoogleApi = (typeof GOOGLE_APIS)[number];

/**
 * How a call to Slack or Google ended. `status` is the HTTP status Google answered, or Slack's own
 * verdict: `ok`, its error code (`channel_not_found`), `rate_limited` (HTTP 429) or `http_<status>`;
 * `network` when no answer came, `aborted` when Lume itself gave up (a deadline, a shutdown).
 */
export interface GoogleCall {
  api: GoogleApi;
  status: number | 'network' | 'aborted';
}
export interface SlackCall {
  /** The Web API method (`chat.postMessage`), or `response_url` for a reply to a command's URL. */
  method: string;
  status: string;
}

export interface CallTelemetry {
  googleCall(call: GoogleCall): void;
  slackCall(call: SlackCall): void;
}

export interface JobTelemetry {
  /** An attempt began, `lagMs` after the job was due (engine clock). */
  jobStarted(kind: string, lagMs: number): void;
  /** An attempt failed and will be tried again, or the job is dead. */
  jobFailed(kind: string, outcome: 'retried' | 'dead'): void;
  /** The engine finished a pass over the queue (its heartbeat); stale after `staleAfterMs` without another. */
  enginePassed(at: Date, staleAfterMs: number): void;
  /** The engine stopped (shutdown): this instance claims no more jobs. */
  engineStopped(): void;
}

export interface HttpTelemetry {
  /** One answered HTTP request; `route` is the matched route's pattern, never the path asked for. */
  httpRequest(r: { method: string; route: string; status: number; seconds: number }): void;
}

/** The last call to one upstream, as the hooks saw it. */
export interface LastCall {
  at: Date;
  ok: boolean;
  /** As in GoogleCall/SlackCall: `2xx`-style class for Google, Slack's verdict for Slack. */
  result: string;
  lastOkAt: Date | null;
  lastFailedAt: Date | null;
}

/** The engine's heartbeat as last reported. */
export interface EngineBeat {
  state: 'running' | 'stopped';
  /** null when it stopped before its first pass. */
  lastPassAt: Date | null;
  staleAfterMs: number;
}

/** What /ready reports beside the database: gathered by the same hooks as the metrics, no I/O. */
export interface Vitals {
  slack: LastCall | null;
  google: LastCall | null;
  /** null while no job engine has run in this process. */
  jobs: EngineBeat | null;
}

export interface Telemetry
  extends AgentTelemetry,
    NotificationTelemetry,
    CallTelemetry,
    JobTelemetry,
    HttpTelemetry {
  vitals(): Vitals;
}
