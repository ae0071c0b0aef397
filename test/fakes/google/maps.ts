import express, { type Request, type Response, type Router } from 'express';
import { googleError } from './api-auth';
import { applyFieldMask } from './field-mask';
import type { FakeGoogleState } from './state';

/** A place in Places API (New) shape (displayName as LocalizedText, location as LatLng). */
export interface FakePlace {
  id: string;
  displayName: { text: string; languageCode: string };
  formattedAddress: string;
  location: { latitude: number; longitude: number };
  types?: string[];
  rating?: number;
  userRatingCount?: number;
  googleMapsUri?: string;
  websiteUri?: string;
  nationalPhoneNumber?: string;
  regularOpeningHours?: { weekdayDescriptions?: string[] };
  currentOpeningHours?: { openNow?: boolean; weekdayDescriptions?: string[] };
  priceLevel?: string;
}

// Places live beside the state (not per user: Maps is keyed by API key, not by account).
const worlds = new WeakMap<FakeGoogleState, FakePlace[]>();
export const placesOf = (state: FakeGoogleState): FakePlace[] => {
  if (!worlds.has(state)) worlds.set(state, []);
  return worlds.get(state) as FakePlace[];
};

/** Maps Platform auth: X-Goog-Api-Key (or ?key=) must be a key in state.mapsKeys; a field mask is required. */
function mapsGate(state: FakeGoogleState, req: Request, res: Response): string[] | undefined {
  const key = req.get('x-goog-api-key') ?? (req.query.key as string | undefined);
  if (!key) return void googleError(res, 403, 'The request is missing a valid API key.', 'forbidden');
  if (!state.mapsKeys.has(key)) {
    return void googleError(res, 400, 'API key not valid. Please pass a valid API key.', 'badRequest', {
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
        },
      ],
    });
  }
  const mask = req.get('x-goog-fieldmask') ?? (req.query.fields as string | undefined);
  if (!mask) {
    return void googleError(
      res,
      400,
      "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an example, you can set the header 'X-Goog-FieldMask' to value 'displayName', 'id' to ask for the display name and the place id of a place.",
      'badRequest',
    );
  }
  return mask
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

const STOP_WORDS = new Set(['near', 'in', 'at', 'the', 'a', 'an', 'of', 'around', 'by', 'to', 'close', 'me']);

function matches(place: FakePlace, query: string): boolean {
  const hay = [place.displayName.text, place.formattedAddress, ...(place.types ?? [])]
    .join(' ')
    .toLowerCase()
    .replace(/_/g, ' ');
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
  return words.length > 0 && words.every((w) => hay.includes(w));
}

/** Places API (New): places:searchText and place details. Routes are in routes-api.ts. */
export function placesRoutes(state: FakeGoogleState): Router {
  const router = express.Router();

  // ':' is path-to-regexp syntax, hence the escaped colon in Google's custom-method path.
  router.post('/v1/places\\:searchText', (req, res) => {
    const mask = mapsGate(state, req, res);
    if (!mask) return;
    const { textQuery, pageSize, maxResultCount } = (req.body ?? {}) as {
      textQuery?: string;
      pageSize?: number;
      maxResultCount?: number;
    };
    if (!textQuery) return googleError(res, 400, 'Empty text_query.', 'badRequest');
    const size = Math.min(pageSize ?? maxResultCount ?? 20, 20);
    const found = placesOf(state)
      .filter((p) => matches(p, textQuery))
      .slice(0, size);
    res.json(applyFieldMask(found.length ? { places: found } : {}, mask));
  });

  router.get('/v1/places/:id', (req, res) => {
    const mask = mapsGate(state, req, res);
    if (!mask) return;
    const place = placesOf(state).find((p) => p.id === req.params.id);
    if (!place) return googleError(res, 404, `Place '${req.params.id}' not found.`, 'notFound');
    res.json(applyFieldMask(place, mask));
  });

  return router;
}
