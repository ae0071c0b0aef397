import { GOOGLE_APIS, NOTIFICATION_KINDS } from '../telemetry';

/*
 * Every label value passes one of these before it reaches a metric: a closed set, or a name shaped
 * like the identifiers Lume's code uses. Anything else (a tool name the model made up, a path a
 * scanner tried) becomes one catch-all value, so no person's id, address or text can become a label
 * and no caller can grow the number of series.
 */

const shaped = (pattern: RegExp, fallback: string) => (value: string) =>
  pattern.test(value) ? value : fallback;

const GOOGLE_API_SET = new Set<string>(GOOGLE_APIS);

/** A tool as declared: snake_case. */
export const toolLabel = shaped(/^[a-z][a-z0-9_]{0,63}$/, 'unknown');
/** A job kind from src/jobs: kebab-case. */
export const jobKindLabel = shaped(/^[a-z][a-z0-9-]{0,63}$/, 'other');
/** A Slack Web API method (`chat.postMessage`, `assistant.threads.setStatus`) or `response_url`. */
export const slackMethodLabel = (m: string) =>
  m === 'response_url' || /^[a-z]+(\.[a-zA-Z]+){1,3}$/.test(m) ? m : 'other';
/** Slack's verdict: `ok`, one of its snake_case error codes, `rate_limited`, `http_5xx`, `network`. */
export const slackStatusLabel = shaped(/^[a-z][a-z0-9_]{0,63}$/, 'error');
/** An Express route pattern (`/auth/me`), or `unmatched`; never a path with someone's data in it. */
export const routeLabel = (r: string) =>
  r === 'unmatched' || /^\/[A-Za-z0-9_./:{}*-]{0,100}$/.test(r) ? r : 'other';
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
export const httpMethodLabel = (m: string) => (HTTP_METHODS.has(m) ? m : 'OTHER');
export const googleApiLabel = (api: string) => (GOOGLE_API_SET.has(api) ? api : 'other');
export const notificationKindLabel = (k: string) =>
  (NOTIFICATION_KINDS as readonly string[]).includes(k) ? k : 'other';

/** An HTTP status as its class (`2xx`…`5xx`), 429 on its own; `network` / `aborted` when no answer came. */
export function statusClass(status: number | 'network' | 'aborted'): string {
  if (typeof status !== 'number') return status;
  if (status === 429) return '429';
  if (status >= 100 && status < 600) return `${Math.floor(status / 100)}xx`;
  return 'other';
}
