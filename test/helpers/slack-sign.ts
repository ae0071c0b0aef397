import { createHmac } from 'node:crypto';

/** Slack's request signature: v0=HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}") in hex. */
export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The two headers Slack adds to every request, for `body` sent at `timestamp` (seconds; default now). */
export function signedHeaders(
  secret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}
