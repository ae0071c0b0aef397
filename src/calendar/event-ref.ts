import { createHash } from 'node:crypto';

/** A Google event id as Lume's tables index it: ids run to 1,024 characters, so rows key on their sha256. */
export const eventRef = (eventId: string) => createHash('sha256').update(eventId).digest('hex');
