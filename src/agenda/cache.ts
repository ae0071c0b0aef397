import { LRUCache } from 'lru-cache';
import { MINUTE_MS } from '../time/duration';

/**
 * Two small caches that take the second round trip out of a repeated agenda: task-list ids (they
 * rarely change; ten minutes of staleness is harmless for a day view) and message headers (a Gmail
 * message's Subject and From never change, so a cached copy is always right). Bounded, per process.
 */

export interface CachedHeaders {
  subject: string;
  from: string;
}

type TaskList = { id: string; title: string };

const LIST_TTL_MS = 10 * MINUTE_MS;
const MAX_HEADERS = 5000;
const MAX_USERS = 5000;

export class AgendaCache {
  private readonly lists = new LRUCache<string, TaskList[]>({ max: MAX_USERS, ttl: LIST_TTL_MS });
  private readonly headers = new LRUCache<string, CachedHeaders>({ max: MAX_HEADERS });

  taskLists(userId: string): TaskList[] | undefined {
    return this.lists.get(userId);
  }

  setTaskLists(userId: string, lists: TaskList[]): void {
    this.lists.set(userId, lists);
  }

  messageHeaders(userId: string, messageId: string): CachedHeaders | undefined {
    return this.headers.get(`${userId}:${messageId}`);
  }

  setMessageHeaders(userId: string, messageId: string, value: CachedHeaders): void {
    this.headers.set(`${userId}:${messageId}`, value);
  }

  /** A user disconnected or was removed: nothing of theirs stays in memory. */
  forget(userId: string): void {
    this.lists.delete(userId);
    for (const key of [...this.headers.keys()]) if (key.startsWith(`${userId}:`)) this.headers.delete(key);
  }
}
