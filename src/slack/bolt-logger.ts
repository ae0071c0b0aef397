import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log';
import { scrubText } from '../log';

const PINO_TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

// Debug lines that carry whole payloads: the Web API client's request bodies and results (answers built
// from people's mail and calendars, profiles, connect links) and Socket Mode's frames (people's messages,
// response_urls). Which method or event it was is logged by lines of their own.
const CONTENT =
  /^(http request (?:body|result)|Received a message on the WebSocket|Sending a WebSocket message):[\s\S]*$/;

/**
 * Bolt's and the Web API client's logs as pino lines (component "slack"), so one log stream carries
 * everything. Bolt logs free text; token-shaped strings are masked before they are written.
 */
export function boltLogger(root: Logger): BoltLogger {
  const log = root.child({ component: 'slack' });
  let name = 'bolt';
  const line = (args: unknown[]) =>
    scrubText(
      format(...args.map((a) => (a instanceof Error ? a.message : a))).replace(CONTENT, '$1: [omitted]'),
    );
  return {
    debug: (...args) => log.debug({ src: name }, line(args)),
    info: (...args) => log.info({ src: name }, line(args)),
    warn: (...args) => log.warn({ src: name }, line(args)),
    error: (...args) => log.error({ src: name }, line(args)),
    // Bolt calls setLevel(INFO) while it starts; LOG_LEVEL decides instead, so debug means debug.
    setLevel: () => undefined,
    getLevel: () => PINO_TO_BOLT[log.level] ?? LogLevel.ERROR,
    setName: (n) => {
      name = n;
    },
  };
}
