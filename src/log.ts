import pino, { type Logger } from 'pino';

export type { Logger };

// Anything that could carry a credential is censored wherever it appears in a log object.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'res.headers["set-cookie"]',
  'req.query',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.code',
  '*.state',
  '*.client_secret',
  '*.clientSecret',
  '*.code_verifier',
  '*.codeVerifier',
  '*.password',
  'access_token',
  'refresh_token',
  'token',
  'code',
  'state',
  'client_secret',
];

// A URL's query or fragment (OAuth codes and states, the token google-auth-library puts in its revoke
// URL) and token-shaped strings (Slack and Google tokens, JWTs such as id_tokens), also
// percent-encoded: what free text in an error may carry.
const URL_TAIL = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi;
const TOKEN_SHAPES =
  /\b(?:xox[a-z]-[\w-]+|xapp-[\w-]+|ya29\.[\w.%-]+|1(?:\/\/|%2F%2F)[\w.%-]+|eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*)/gi;

/** Free text made log-safe: URL queries cut, token-shaped strings masked. */
export function scrubText(text: string): string {
  return text.replace(URL_TAIL, '$1?[redacted]').replace(TOKEN_SHAPES, '[redacted]');
}

const MAX_CAUSES = 3;

/**
 * The `err` serializer of every Lume logger. Google (gaxios) and Slack errors carry their request —
 * headers, body, URL — in nested objects, and network failures repeat the URL in message and stack,
 * so an error is logged as its name, message, stack, status, error code, the OAuth error code Google
 * answered (invalid_grant…) and causes only, all scrubbed.
 * Already-summarised errors (plain objects, strings) are scrubbed the same way.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return scrubText(err);
  if (!err || typeof err !== 'object') return err;
  const out: Record<string, unknown> = {};
  if (err instanceof Error) {
    const e = err as Error & {
      status?: unknown;
      code?: unknown;
      response?: { status?: unknown; data?: { error?: unknown } };
      data?: { error?: unknown };
    };
    out.type = e.name;
    out.message = scrubText(e.message);
    if (e.stack) out.stack = scrubText(e.stack);
    const status = e.response?.status ?? e.status;
    if (typeof status === 'number') out.status = status;
    // Not `code`: that key is redacted everywhere, because OAuth authorisation codes travel under it.
    if (typeof e.code === 'string' || typeof e.code === 'number') out.errorCode = e.code;
    // Slack Web API errors say what went wrong in data.error (channel_not_found, ratelimited…).
    if (typeof e.data?.error === 'string') out.slackError = scrubText(e.data.error.slice(0, 64));
    const oauthError = e.response?.data?.error;
    if (typeof oauthError === 'string') out.oauthError = scrubText(oauthError.slice(0, 64));
    if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1);
    return out;
  }
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === 'string') out[key] = scrubText(value);
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      base: { app: 'lume' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Strip query strings from a URL before it is logged: OAuth codes and states travel there. */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const i = url.indexOf('?');
  return i === -1 ? url : `${url.slice(0, i)}?[redacted]`;
}
