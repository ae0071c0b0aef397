import { ToolInputError } from '../errors';
import type { ToolContext } from '../types';

/** Google's hosts for Maps Platform; tests and proxies replace them with ctx.maps.rootUrl. */
const HOSTS = { places: 'https://places.googleapis.com', routes: 'https://routes.googleapis.com' } as const;

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
 * goes in the URL, where logs would keep it).
 */
export async function mapsRequest<T>(
  ctx: ToolContext,
  api: keyof typeof HOSTS,
  req: { method: 'GET' | 'POST'; path: string; fieldMask: string[]; body?: unknown },
): Promise<T> {
  if (!ctx.maps) throw new ToolInputError('Maps is not configured for this Lume (no GOOGLE_MAPS_API_KEY).');
  const root = (ctx.maps.rootUrl ?? HOSTS[api]).replace(/\/$/, '');
  const calls = ctx.maps.calls;
  const res = await fetch(`${root}${req.path}`, {
    method: req.method,
    headers: {
      'X-Goog-Api-Key': ctx.maps.apiKey,
      'X-Goog-FieldMask': req.fieldMask.join(','),
      ...(req.body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(req.body ? { body: JSON.stringify(req.body) } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  }).catch((err: unknown) => {
    calls?.googleCall({ api, status: ctx.signal?.aborted ? 'aborted' : 'network' });
    throw err;
  });
  calls?.googleCall({ api, status: res.status });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) throw new MapsHttpError(res.status, data);
  return data as T;
}

/** Places API (New) place, as far as Lume asks for it. */
export interface Place {
  id?: string;
  displayName?: { text?: string };
  formattedAddress?: string;
  location?: { latitude?: number; longitude?: number };
  rating?: number;
  userRatingCount?: number;
  googleMapsUri?: string;
  websiteUri?: string;
  nationalPhoneNumber?: string;
  currentOpeningHours?: { openNow?: boolean; weekdayDescriptions?: string[] };
  priceLevel?: string;
}

export function summarizePlace(p: Place) {
  return {
    placeId: p.id,
    name: p.displayName?.text,
    address: p.formattedAddress,
    ...(p.rating !== undefined ? { rating: p.rating, ratings: p.userRatingCount } : {}),
    ...(p.currentOpeningHours?.openNow !== undefined ? { openNow: p.currentOpeningHours.openNow } : {}),
    ...(p.currentOpeningHours?.weekdayDescriptions
      ? { hours: p.currentOpeningHours.weekdayDescriptions }
      : {}),
    ...(p.nationalPhoneNumber ? { phone: p.nationalPhoneNumber } : {}),
    ...(p.websiteUri ? { website: p.websiteUri } : {}),
    ...(p.priceLevel ? { priceLevel: p.priceLevel.replace('PRICE_LEVEL_', '').toLowerCase() } : {}),
    ...(p.googleMapsUri ? { mapsLink: p.googleMapsUri } : {}),
  };
}
