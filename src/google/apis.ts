import type { OAuth2Client } from 'google-auth-library';
import { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { keep_v1 } from 'googleapis/build/src/apis/keep';
import { oauth2_v2 } from 'googleapis/build/src/apis/oauth2';
import { tasks_v1 } from 'googleapis/build/src/apis/tasks';

// googleapis ignores google.options({rootUrl}); each client must be given its root explicitly.
const opts = (auth: OAuth2Client, rootUrl?: string) => ({
  auth,
  ...(rootUrl ? { rootUrl: `${rootUrl}/` } : {}),
});

/** Per-API clients for one user, built lazily (each API module is imported once, not all of googleapis). */
export class GoogleApis {
  private cache = new Map<string, unknown>();

  constructor(
    readonly auth: OAuth2Client,
    readonly rootUrl?: string,
  ) {}

  private once<T>(key: string, build: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, build());
    return this.cache.get(key) as T;
  }

  gmail(): gmail_v1.Gmail {
    return this.once('gmail', () => new gmail_v1.Gmail(opts(this.auth, this.rootUrl)));
  }
  calendar(): calendar_v3.Calendar {
    return this.once('calendar', () => new calendar_v3.Calendar(opts(this.auth, this.rootUrl)));
  }
  tasks(): tasks_v1.Tasks {
    return this.once('tasks', () => new tasks_v1.Tasks(opts(this.auth, this.rootUrl)));
  }
  keep(): keep_v1.Keep {
    return this.once('keep', () => new keep_v1.Keep(opts(this.auth, this.rootUrl)));
  }
  oauth2(): oauth2_v2.Oauth2 {
    return this.once('oauth2', () => new oauth2_v2.Oauth2(opts(this.auth, this.rootUrl)));
  }
}
