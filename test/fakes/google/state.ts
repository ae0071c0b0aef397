import { createHash, randomBytes } from 'node:crypto';
import { FakeCalendarPush } from './calendar-push';
import { FakeSyncTokens } from './calendar-sync';
import { emptyUserData, type FakeUserData } from './data';

export interface FakeAccount {
  sub: string;
  email: string;
  name: string;
  picture?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface AuthCode {
  sub: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  scopes: string[];
}

export interface AccessGrant {
  sub: string;
  scopes: string[];
  expiresAt: number;
}

/** What the consent screen does when a browser (or test) reaches the authorisation endpoint. */
export interface ConsentBehaviour {
  /** Which account signs in. */
  sub: string;
  /** Scopes the user leaves ticked; default: all requested. */
  grant?: (requested: string[]) => string[];
  /** Simulate the user clicking Cancel. */
  deny?: boolean;
}

const b64url = (buf: Buffer) => buf.toString('base64url');

/** Everything the fake Google server knows; specs read and change it directly. */
export class FakeGoogleState {
  readonly clients = new Map<string, { secret: string }>();
  readonly accounts = new Map<string, FakeAccount>();
  readonly codes = new Map<string, AuthCode>();
  readonly accessTokens = new Map<string, AccessGrant>();
  readonly refreshTokens = new Map<string, { sub: string; scopes: string[]; clientId: string }>();
  readonly revoked: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly userData = new Map<string, FakeUserData>();
  /** Answer a code exchange without refresh_token (as Google does when it reuses an existing grant). */
  omitRefreshToken = false;
  /** Sent mail gets Gmail's own Message-ID, the client's moved to X-Google-Original-Message-ID. */
  gmailReplacesMessageIds = false;
  /** Answer a code exchange without id_token (as Google does when openid was not granted). */
  omitIdToken = false;
  /** Hand out this id_token instead of a signed one (a forged or tampered token). */
  idToken?: string;
  /** Lifetime Google gives new access tokens, seconds. */
  accessTokenTtl = 3599;
  consent: ConsentBehaviour = { sub: '' };
  /** Delay every response whose path matches (ms); benchmarks and timeout tests use it. */
  delays: { match: RegExp; ms: number }[] = [];
  /**
   * Answer the next `times` matching requests (default: every one) with this status and Google's error
   * body, and a `Retry-After` of `retryAfter` seconds when given.
   */
  failures: {
    match: RegExp;
    status: number;
    reason?: string;
    message?: string;
    times?: number;
    retryAfter?: number;
  }[] = [];
  /** Maps API keys that the Places/Routes fakes accept. */
  readonly mapsKeys = new Set<string>();
  /** Calendar sync tokens (events.list syncToken / nextSyncToken; `invalidate()` makes them answer 410). */
  readonly syncTokens = new FakeSyncTokens();
  /** Calendar push channels (events.watch, channels.stop) and the notifications posted to them. */
  readonly calendarPush = new FakeCalendarPush();

  addClient(id: string, secret: string): void {
    this.clients.set(id, { secret });
  }

  addAccount(account: FakeAccount): FakeAccount {
    this.accounts.set(account.sub, account);
    if (!this.userData.has(account.sub)) this.userData.set(account.sub, emptyUserData(account.email));
    if (!this.consent.sub) this.consent = { sub: account.sub };
    return account;
  }

  dataFor(sub: string): FakeUserData {
    const data = this.userData.get(sub);
    if (!data) throw new Error(`no fake account ${sub}`);
    return data;
  }

  issueCode(code: AuthCode): string {
    const value = `4/0A${b64url(randomBytes(24))}`;
    this.codes.set(value, code);
    return value;
  }

  issueAccessToken(sub: string, scopes: string[]): { token: string; expiresIn: number } {
    const token = `ya29.fake-${b64url(randomBytes(24))}`;
    this.accessTokens.set(token, { sub, scopes, expiresAt: Date.now() + this.accessTokenTtl * 1000 });
    return { token, expiresIn: this.accessTokenTtl };
  }

  issueRefreshToken(sub: string, scopes: string[], clientId: string): string {
    const token = `1//fake-${b64url(randomBytes(24))}`;
    this.refreshTokens.set(token, { sub, scopes, clientId });
    return token;
  }

  /** Make every access token of this account expire now (forces a refresh on next use). */
  expireAccessTokens(sub?: string): void {
    for (const grant of this.accessTokens.values()) if (!sub || grant.sub === sub) grant.expiresAt = 0;
  }

  /** Revoke every refresh token of this account, as when the user removes Lume in their Google account. */
  revokeAccount(sub: string): void {
    for (const [token, grant] of this.refreshTokens) if (grant.sub === sub) this.refreshTokens.delete(token);
    for (const [token, grant] of this.accessTokens) if (grant.sub === sub) this.accessTokens.delete(token);
  }

  requestsTo(pathPrefix: string, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(pathPrefix) && (!method || r.method === method));
  }

  static s256(verifier: string): string {
    return b64url(createHash('sha256').update(verifier).digest());
  }
}
