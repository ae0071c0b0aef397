import { isIP } from 'node:net';
import { z } from 'zod';

// Where to get each value: shown next to the problem so a misconfigured start tells the operator what to do.
const HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'Slack app settings → OAuth & Permissions → Bot User OAuth Token (xoxb-…)',
  SLACK_SIGNING_SECRET: 'Slack app settings → Basic Information → Signing Secret',
  SLACK_APP_TOKEN:
    'Slack app settings → Basic Information → App-Level Tokens (xapp-…, scope connections:write)',
  GOOGLE_CLIENT_ID: 'Google Cloud console → APIs & Services → Credentials → OAuth client (Web application)',
  GOOGLE_CLIENT_SECRET:
    'Google Cloud console → APIs & Services → Credentials → OAuth client (Web application)',
  JWT_SECRET: 'generate one: openssl rand -base64 48',
  TOKEN_ENCRYPTION_KEY: 'generate one: openssl rand -base64 32',
  TOKEN_ENCRYPTION_PREVIOUS_KEYS:
    'the keys you rotated away from, comma-separated, each: openssl rand -base64 32',
  GEMINI_API_KEY: 'Google AI Studio → Get API key',
  GOOGLE_MAPS_API_KEY:
    'Google Cloud console → Credentials → API key restricted to Places API (New) and Routes API',
  DATABASE_URL: 'e.g. mysql://lume:secret@127.0.0.1:3306/lume or sqlite:data/lume.sqlite',
  PUBLIC_URL: 'the https URL Slack and browsers reach Lume at, e.g. https://lume.example.com',
  METRICS_TOKEN: 'generate one: openssl rand -hex 32',
  TRUST_PROXY:
    'the number of proxies in front of Lume (e.g. 1), or their addresses/CIDRs (e.g. 10.0.0.0/8,loopback)',
};

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());
const intWithDefault = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));

function base64Key(v: string): boolean {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return false;
  return Buffer.from(v, 'base64').length === 32;
}

/** Express's own names for address ranges, usable in TRUST_PROXY. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function proxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/**
 * Which hops' X-Forwarded-For to believe when taking a client's address (Express's `trust proxy`):
 * off, a hop count, or the proxies' addresses. `true` (trust any) is refused: the client writes the
 * leftmost X-Forwarded-For itself, so it could be anyone to every per-client limit.
 */
const trustProxy = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx): false | number | string[] => {
      const value = (v ?? 'false').trim().toLowerCase();
      if (value === 'false' || value === '0') return false;
      if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
      const entries = value.split(',').map((e) => e.trim());
      if (value !== 'true' && entries.every(proxyAddress)) return entries;
      ctx.addIssue({
        code: 'custom',
        message:
          value === 'true'
            ? 'true would believe any X-Forwarded-For a client sends; give the hop count or the proxy addresses'
            : 'must be false, a hop count (1–10), or comma-separated proxy addresses/CIDRs',
      });
      return z.NEVER;
    }),
);

const schema = z.object({
  NODE_ENV: optionalString,
  PORT: intWithDefault(3000, 0, 65535),
  PUBLIC_URL: optionalUrl,
  TRUST_PROXY: trustProxy,
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(sqlite:|mysql:\/\/|mariadb:\/\/)/, 'must start with sqlite:, mysql:// or mariadb://')
      .default('sqlite:data/lume.sqlite'),
  ),
  SLACK_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string({ error: 'is required' }).startsWith('xoxb-')),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.preprocess(emptyToUndefined, z.string().startsWith('xapp-').optional()),
  SLACK_API_URL: optionalUrl,
  GOOGLE_CLIENT_ID: z.preprocess(emptyToUndefined, z.string({ error: 'is required' })),
  GOOGLE_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string({ error: 'is required' })),
  GOOGLE_REDIRECT_URI: optionalUrl,
  GOOGLE_AUTH_URL: optionalUrl,
  GOOGLE_TOKEN_URL: optionalUrl,
  GOOGLE_REVOKE_URL: optionalUrl,
  GOOGLE_API_ROOT_URL: optionalUrl,
  GOOGLE_MAPS_API_KEY: optionalString,
  GEMINI_API_KEY: optionalString,
  GEMINI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gemini-2.5-flash')),
  GEMINI_BASE_URL: optionalUrl,
  JWT_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'is required' })
      .refine((v) => Buffer.byteLength(v) >= 32, 'must be at least 32 bytes long'),
  ),
  TOKEN_ENCRYPTION_KEY: z.preprocess(
    emptyToUndefined,
    z.string({ error: 'is required' }).refine(base64Key, 'must be base64 of exactly 32 bytes'),
  ),
  TOKEN_ENCRYPTION_PREVIOUS_KEYS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (v) => v.split(',').every((k) => base64Key(k.trim())),
        'every key must be base64 of exactly 32 bytes',
      )
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  AGENT_MAX_STEPS: intWithDefault(8, 1, 32),
  AGENT_MAX_TOOL_CALLS: intWithDefault(16, 1, 100),
  AGENT_TURNS_PER_MINUTE: intWithDefault(10, 1, 1000),
  AGENT_TURN_TIMEOUT_MS: intWithDefault(90_000, 1000, 600_000),
  CALENDAR_PUSH: z.preprocess(
    (v) => (typeof v === 'string' ? emptyToUndefined(v.trim().toLowerCase()) : v),
    z.enum(['auto', 'on', 'off']).default('auto'),
  ),
  CALENDAR_POLL_SECONDS: intWithDefault(60, 10, 86_400),
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(16, 'must be at least 16 characters (it is the only lock on /metrics)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it goes in an HTTP header)')
      .optional(),
  ),
});

/** Rules across variables; checked on the raw environment so they are reported with every other problem. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const blank = (v: string | undefined) => !v || v.trim() === '';
  if (blank(env.SLACK_APP_TOKEN) && blank(env.SLACK_SIGNING_SECRET)) {
    return [
      `SLACK_SIGNING_SECRET: is required in HTTP mode (when SLACK_APP_TOKEN is not set) (${HINTS.SLACK_SIGNING_SECRET})`,
    ];
  }
  return [];
}

export interface Config {
  env: string;
  port: number;
  publicUrl: string;
  /** Express's `trust proxy`: which X-Forwarded-For hops name the real client (false: none). */
  trustProxy: false | number | string[];
  databaseUrl: string;
  slack: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  google: {
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    authUrl?: string;
    tokenUrl?: string;
    revokeUrl?: string;
    apiRootUrl?: string;
    mapsApiKey?: string;
  };
  gemini: { apiKey?: string; model: string; baseUrl?: string };
  jwtSecret: string;
  tokenKeys: { current: Buffer; previous: Buffer[] };
  logLevel: string;
  agent: { maxSteps: number; maxToolCalls: number; turnsPerMinute: number; turnTimeoutMs: number };
  calendar: {
    /** Register Google Calendar push channels (CALENDAR_PUSH: `auto` = when PUBLIC_URL is https). */
    push: boolean;
    /** Longest a connected person's calendar goes without a sync when no push channel is live. */
    pollSeconds: number;
  };
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const stripSlash = (u: string) => u.replace(/\/+$/, '');

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const name = String(issue.path[0] ?? 'environment');
          const hint = HINTS[name] ? ` (${HINTS[name]})` : '';
          return `${name}: ${issue.message}${hint}`;
        })),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  const publicUrl = stripSlash(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    ok: true,
    config: {
      env: e.NODE_ENV ?? 'development',
      port: e.PORT,
      publicUrl,
      trustProxy: e.TRUST_PROXY,
      databaseUrl: e.DATABASE_URL,
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
      },
      google: {
        clientId: e.GOOGLE_CLIENT_ID,
        clientSecret: e.GOOGLE_CLIENT_SECRET,
        redirectUri: e.GOOGLE_REDIRECT_URI ?? `${publicUrl}/auth/oauth/google/callback`,
        authUrl: e.GOOGLE_AUTH_URL,
        tokenUrl: e.GOOGLE_TOKEN_URL,
        revokeUrl: e.GOOGLE_REVOKE_URL,
        apiRootUrl: e.GOOGLE_API_ROOT_URL ? stripSlash(e.GOOGLE_API_ROOT_URL) : undefined,
        mapsApiKey: e.GOOGLE_MAPS_API_KEY,
      },
      gemini: { apiKey: e.GEMINI_API_KEY, model: e.GEMINI_MODEL, baseUrl: e.GEMINI_BASE_URL },
      jwtSecret: e.JWT_SECRET,
      tokenKeys: {
        current: Buffer.from(e.TOKEN_ENCRYPTION_KEY, 'base64'),
        previous: (e.TOKEN_ENCRYPTION_PREVIOUS_KEYS ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
          .map((k) => Buffer.from(k, 'base64')),
      },
      logLevel: e.LOG_LEVEL,
      agent: {
        maxSteps: e.AGENT_MAX_STEPS,
        maxToolCalls: e.AGENT_MAX_TOOL_CALLS,
        turnsPerMinute: e.AGENT_TURNS_PER_MINUTE,
        turnTimeoutMs: e.AGENT_TURN_TIMEOUT_MS,
      },
      calendar: {
        push: e.CALENDAR_PUSH === 'on' || (e.CALENDAR_PUSH === 'auto' && publicUrl.startsWith('https://')),
        pollSeconds: e.CALENDAR_POLL_SECONDS,
      },
      metricsToken: e.METRICS_TOKEN,
    },
  };
}
