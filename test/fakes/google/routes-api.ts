import express, { type Router } from 'express';
import { googleError } from './api-auth';
import { applyFieldMask } from './field-mask';
import { type FakePlace, placesOf } from './maps';
import type { FakeGoogleState } from './state';

interface Waypoint {
  address?: string;
  placeId?: string;
  location?: { latLng?: { latitude: number; longitude: number } };
}

/** Average speeds (km/h) that turn distance into a plausible, deterministic duration. */
const SPEED: Record<string, number> = { DRIVE: 40, TWO_WHEELER: 35, BICYCLE: 15, WALK: 5, TRANSIT: 25 };

function resolve(
  places: FakePlace[],
  w: Waypoint | undefined,
): { latitude: number; longitude: number } | undefined {
  if (w?.location?.latLng) return w.location.latLng;
  if (w?.placeId) return places.find((p) => p.id === w.placeId)?.location;
  const text = w?.address?.toLowerCase().trim();
  if (!text) return undefined;
  return places.find(
    (p) => p.formattedAddress.toLowerCase() === text || p.displayName.text.toLowerCase() === text,
  )?.location;
}

function haversineMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const minutesText = (s: number) =>
  s < 3600
    ? `${Math.max(1, Math.round(s / 60))} mins`
    : `${Math.floor(s / 3600)} hours ${Math.round((s % 3600) / 60)} mins`;

/**
 * Routes API directions/v2:computeRoutes. Waypoints resolve against the seeded places (address or
 * name, placeId) or lat/lng; a route that cannot be found is `{}`, as Google answers it.
 */
export function routesApiRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  router.post('/directions/v2\\:computeRoutes', (req, res) => {
    const key = req.get('x-goog-api-key') ?? (req.query.key as string | undefined);
    if (!key) return googleError(res, 403, 'The request is missing a valid API key.', 'forbidden');
    if (!state.mapsKeys.has(key))
      return googleError(res, 400, 'API key not valid. Please pass a valid API key.', 'badRequest');
    const mask = (req.get('x-goog-fieldmask') ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (!mask.length) return googleError(res, 400, 'FieldMask is a required parameter.', 'badRequest');
    const body = (req.body ?? {}) as {
      origin?: Waypoint;
      destination?: Waypoint;
      travelMode?: string;
      routingPreference?: string;
      departureTime?: string;
    };
    const mode = body.travelMode ?? 'DRIVE';
    if (!SPEED[mode]) return googleError(res, 400, `Invalid value at 'travel_mode' (${mode})`, 'badRequest');
    if (body.routingPreference && !['DRIVE', 'TWO_WHEELER'].includes(mode)) {
      return googleError(res, 400, 'Routing preference cannot be set for this travel mode.', 'badRequest');
    }
    if (body.departureTime && Date.parse(body.departureTime) < Date.now() - 60_000 && mode !== 'TRANSIT') {
      return googleError(res, 400, 'Timestamp must be set to a future time.', 'badRequest');
    }
    const places = placesOf(state);
    const from = resolve(places, body.origin);
    const to = resolve(places, body.destination);
    if (!from || !to) return res.json({});
    const meters = Math.round(haversineMeters(from, to) * 1.3);
    const staticSeconds = Math.round(meters / ((SPEED[mode] * 1000) / 3600));
    const trafficSeconds = body.routingPreference?.startsWith('TRAFFIC_AWARE')
      ? Math.round(staticSeconds * 1.2)
      : staticSeconds;
    const route = {
      distanceMeters: meters,
      duration: `${trafficSeconds}s`,
      staticDuration: `${staticSeconds}s`,
      description: mode === 'WALK' ? 'Walking route' : 'Fastest route',
      localizedValues: {
        distance: { text: `${(meters / 1000).toFixed(1)} km` },
        duration: { text: minutesText(trafficSeconds) },
        staticDuration: { text: minutesText(staticSeconds) },
      },
    };
    res.json(applyFieldMask({ routes: [route] }, mask));
  });
  return router;
}
