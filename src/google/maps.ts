import type { GoogleCallRecorder } from './observe-calls';

/** Google's hosts for Maps Platform; tests and proxies replace them with one root (GOOGLE_API_ROOT_URL). */
const HOSTS = { places: 'https://places.googleapis.com', routes: 'https://routes.googleapis.com' } as const;

export type MapsApi = keyof typeof HOSTS;

/** A Maps Platform key and, when set, the one root every Google API is reached at. */
export interface MapsAccess {
  apiKey: string;
  rootUrl?: string;
  /** Hears about each request (the other Google APIs report through their OAuth client). */
  calls?: GoogleCallRecorder;
}

/** A non-2xx answer, shaped like a gaxios error (status + response.data) so the shared error helpers read it. */
export class MapsHttpError extends Error {
  readonly response: { status: number; data: unknown };
  constructor(
    readonly status: number,
    data: unknown,
  ) {
    const message = (data as { error?: { message?: string } } | undefined)?.error?.message;
    super(message ?? `Maps request failed with HTTP ${status}`);
    this.name = 'MapsHttpError';
    this.response = { status, data };
  }
}

/**
 * One Maps Platform REST call: API key and response field mask in Google's headers (the key never
 * goes in the URL, where logs would keep it). Used by the Maps tools and by settings (a person's
 * leave-now start).
 */
export async function mapsFetch<T>(
  access: MapsAccess,
  api: MapsApi,
  req: { method: 'GET' | 'POST'; path: string; fieldMask: string[]; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  const root = (access.rootUrl ?? HOSTS[api]).replace(/\/$/, '');
  const res = await fetch(`${root}${req.path}`, {
    method: req.method,
    headers: {
      'X-Goog-Api-Key': access.apiKey,
      'X-Goog-FieldMask': req.fieldMask.join(','),
      ...(req.body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(req.body ? { body: JSON.stringify(req.body) } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
  }).catch((err: unknown) => {
    access.calls?.googleCall({ api, status: req.signal?.aborted ? 'aborted' : 'network' });
    throw err;
  });
  access.calls?.googleCall({ api, status: res.status });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) throw new MapsHttpError(res.status, data);
  return data as T;
}
