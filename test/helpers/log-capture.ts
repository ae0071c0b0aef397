import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log';

/** A real pino logger (with Lume's redaction) writing into memory, for asserting what reaches the logs. */
export function captureLogger(level = 'trace'): {
  log: Logger;
  text: () => string;
  lines: () => Record<string, unknown>[];
} {
  let buffer = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      buffer += chunk.toString();
      cb();
    },
  });
  const log = createLogger(level, stream);
  return {
    log,
    text: () => buffer,
    lines: () =>
      buffer
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
