import { type MapsApi, mapsFetch } from '../../google/maps';
import { ToolInputError } from '../errors';
import type { ToolContext } from '../types';

/** One Maps Platform call for a tool: refused in words when this Lume has no Maps key. */
export async function mapsRequest<T>(
  ctx: ToolContext,
  api: MapsApi,
  req: { method: 'GET' | 'POST'; path: string; fieldMask: string[]; body?: unknown },
): Promise<T> {
  if (!ctx.maps) throw new ToolInputError('Maps is not configured for this Lume (no GOOGLE_MAPS_API_KEY).');
  return mapsFetch<T>(ctx.maps, api, { ...req, signal: ctx.signal });
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

/** The field of summarizePlace that is Google's own Maps page; a place's website is its owner's. */
export const PLACE_LINK_FIELDS = ['mapsLink'] as const;

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
