import { z } from 'zod';

import { LOCAL_TIME } from '../../time/zone';

/** "Thu, May 2, 3:00 PM PDT": what a person reads on a confirmation card. */
export function humanTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "4:00 PM PDT": the end of a same-day range. */
export function humanClock(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Thu, May 2, 2024": for all-day items and due dates. */
export function humanDate(date: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Zod field for a time the model supplies; described so it never invents an offset or a date. */
export const localTimeField = (what: string) =>
  z
    .string()
    .regex(LOCAL_TIME, 'ISO 8601, e.g. 2024-05-02T15:00')
    .describe(
      `${what}: ISO 8601 local date-time in the user's time zone, e.g. "2024-05-02T15:00" (no offset needed). Resolve words like "tomorrow" with get_current_time first.`,
    );

export const localDateField = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .describe(`${what}: a date YYYY-MM-DD in the user's time zone.`);
