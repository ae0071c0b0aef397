/**
 * Per-call options for the agenda's Google reads. googleapis' own retry is off: the agenda retries
 * with src/google/retry.ts instead (two transient failures survived, jittered, 1.5 s of waiting at
 * most), so a blip does not blank a section and a struggling API cannot hold up the whole card.
 */
export const AGENDA_CALL = { timeout: 8000, retry: false } as const;

/** Runs one Google read of the agenda, retrying transient failures. */
export type AgendaRead = <T>(call: () => Promise<T>) => Promise<T>;
