import { scrubText } from '../log';

/**
 * What of an error may go into a log line. Google (gaxios) errors carry the request config, whose
 * Authorization header holds the user's access token, so errors are never logged whole: only their
 * name, message, HTTP status, Slack/Google error code and stack.
 */
export interface SafeError {
  type: string;
  message: string;
  status?: number;
  code?: string | number;
  stack?: string;
}

/** Token-shaped strings (also percent-encoded) masked and URL queries cut: see src/log.ts. */
export function redactTokens(text: string): string {
  return scrubText(text);
}

export function safeError(err: unknown): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: redactTokens(String(err)) };
  const e = err as Error & {
    status?: number;
    code?: string | number;
    response?: { status?: number };
    data?: { error?: string };
  };
  return {
    type: e.name,
    message: redactTokens(e.message),
    status: e.response?.status ?? e.status,
    code: e.data?.error ?? e.code,
    stack: e.stack ? redactTokens(e.stack) : undefined,
  };
}
