/**
 * Two small caches that take the second round trip out of a repeated agenda: task-list ids (they
 * rarely change; ten minutes of staleness is harmless for a day view) and message headers (a Gmail
 * message's Subject and From never change, so a cached copy is always right). Bounded, per process.
 */

export interface CachedHeaders {
  subject: string;
  from: string;
}

const LIST_TTL_MS = 10 * 60 * 1000;
const MAX_HEADERS = 5000;
const MAX_USERS = 5000;

export class AgendaCache {
  private readonly lists = new Map<string, { at: number; lists: { id: string; title: string }[] }>();
  private readonly headers = new Map<string, CachedHeaders>();

  constructor(private readonly now: () => number = Date.now) {}

  taskLists(userId: string): { id: string; title: string }[] | undefined {
    const hit = this.lists.get(userId);
    if (!hit || this.now() - hit.at > LIST_TTL_MS) return undefined;
    return hit.lists;
  }

  setTaskLists(userId: string, lists: { id: string; title: string }[]): void {
    if (this.lists.size >= MAX_USERS) this.lists.delete(this.lists.keys().next().value as string);
    this.lists.set(userId, { at: this.now(), lists });
  }

  messageHeaders(userId: string, messageId: string): CachedHeaders | undefined {
    const key = `${userId}:${messageId}`;
    const hit = this.headers.get(key);
    if (hit) {
      // Re-insert: Map order doubles as least-recently-used order.
      this.headers.delete(key);
      this.headers.set(key, hit);
    }
    return hit;
  }

  setMessageHeaders(userId: string, messageId: string, value: CachedHeaders): void {
    if (this.headers.size >= MAX_HEADERS) this.headers.delete(this.headers.keys().next().value as string);
    this.headers.set(`${userId}:${messageId}`, value);
  }

  /** A user disconnected or was removed: nothing of theirs stays in memory. */
  forget(userId: string): void {
    this.lists.delete(userId);
    for (const key of this.headers.keys()) if (key.startsWith(`${userId}:`)) this.headers.delete(key);
  }
}
