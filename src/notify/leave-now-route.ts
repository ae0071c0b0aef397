import { type MapsAccess, mapsFetch } from '../google/maps';
import type { Location, TravelMode } from '../settings/types';
import { MINUTE_MS } from '../time/duration';

/** The Routes API's name for each of Lume's travel modes. */
const ROUTES_MODE: Record<TravelMode, string> = {
  driving: 'DRIVE',
  transit: 'TRANSIT',
  walking: 'WALK',
  bicycling: 'BICYCLE',
};

/** Google Maps' own `travelmode` words for a directions link. */
const MAPS_MODE: Record<TravelMode, string> = {
  driving: 'driving',
  transit: 'transit',
  walking: 'walking',
  bicycling: 'bicycling',
};

const FIELD_MASK = ['routes.duration', 'routes.staticDuration', 'routes.distanceMeters'];

function origin(l: Location) {
  if (l.placeId) return { placeId: l.placeId };
  if (l.lat !== null && l.lng !== null)
    return { location: { latLng: { latitude: l.lat, longitude: l.lng } } };
  return { address: l.input };
}

/**
 * How long the trip from the person's start to the event takes, in seconds; null when Routes finds
 * no route. Driving is traffic-aware at the expected departure (Routes refuses a routing preference
 * for the other modes, and a departure time in the past).
 */
export async function travelSeconds(
  maps: MapsAccess,
  o: { from: Location; to: string; mode: TravelMode; departAt: Date; now: Date; signal?: AbortSignal },
): Promise<number | null> {
  const mode = ROUTES_MODE[o.mode];
  const departAt = new Date(Math.max(o.departAt.getTime(), o.now.getTime() + MINUTE_MS));
  const data = await mapsFetch<{ routes?: { duration?: string }[] }>(maps, 'routes', {
    method: 'POST',
    path: '/directions/v2:computeRoutes',
    fieldMask: FIELD_MASK,
    body: {
      origin: origin(o.from),
      destination: { address: o.to },
      travelMode: mode,
      ...(mode === 'DRIVE' ? { routingPreference: 'TRAFFIC_AWARE' } : {}),
      ...(mode === 'DRIVE' || mode === 'TRANSIT' ? { departureTime: departAt.toISOString() } : {}),
    },
    signal: o.signal,
  });
  const seconds = Number.parseInt(data.routes?.[0]?.duration ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** Google Maps directions from the person's start to the event, in their travel mode (Maps URLs API). */
export function routeUrl(from: Location, to: string, mode: TravelMode): string {
  const q = new URLSearchParams({ api: '1' });
  q.set('origin', from.formattedAddress ?? from.input);
  if (from.placeId) q.set('origin_place_id', from.placeId);
  q.set('destination', to);
  q.set('travelmode', MAPS_MODE[mode]);
  return `https://www.google.com/maps/dir/?${q.toString()}`;
}
