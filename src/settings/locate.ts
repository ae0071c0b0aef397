import { type MapsAccess, MapsHttpError, mapsFetch } from '../google/maps';
import type { Location } from './types';

/** Only what a leave-now start needs: the mask decides both the payload and what Google bills. */
export const LOCATE_FIELD_MASK = ['places.id', 'places.formattedAddress', 'places.location'];

/** How many candidates to ask for: enough to tell one place from several. */
const CANDIDATES = 5;

interface Candidate {
  id?: string;
  formattedAddress?: string;
  location?: { latitude?: number; longitude?: number };
}

/** What Places made of a typed address. */
export type Located =
  | { kind: 'found'; location: Location }
  /** Several different places match; their addresses, for the person to pick from by typing more. */
  | { kind: 'ambiguous'; addresses: string[] }
  | { kind: 'not-found' }
  /** Maps could not answer: its key was refused (an admin's problem), or Google or the network failed. */
  | { kind: 'unavailable'; keyRefused: boolean; error: unknown };

const keyRefused = (err: unknown) =>
  err instanceof MapsHttpError &&
  (err.status === 400 || err.status === 403) &&
  /API key|API_KEY_INVALID/i.test(JSON.stringify(err.response.data ?? ''));

/**
 * A typed address through Places API (New) text search. One match (or several that are the same
 * place) is found; different places are ambiguous, so Lume never guesses where someone lives.
 */
export async function locate(maps: MapsAccess, input: string, signal?: AbortSignal): Promise<Located> {
  let places: Candidate[];
  try {
    const data = await mapsFetch<{ places?: Candidate[] }>(maps, 'places', {
      method: 'POST',
      path: '/v1/places:searchText',
      fieldMask: LOCATE_FIELD_MASK,
      body: { textQuery: input, pageSize: CANDIDATES },
      signal,
    });
    places = (data.places ?? []).filter(
      (p) =>
        p.id &&
        p.formattedAddress &&
        Number.isFinite(p.location?.latitude) &&
        Number.isFinite(p.location?.longitude),
    );
  } catch (error) {
    return { kind: 'unavailable', keyRefused: keyRefused(error), error };
  }
  const distinct = [...new Map(places.map((p) => [p.id, p])).values()];
  if (distinct.length === 0) return { kind: 'not-found' };
  if (distinct.length > 1)
    return { kind: 'ambiguous', addresses: distinct.map((p) => p.formattedAddress as string) };
  const [place] = distinct;
  return {
    kind: 'found',
    location: {
      input,
      formattedAddress: place.formattedAddress as string,
      placeId: place.id as string,
      lat: place.location?.latitude as number,
      lng: place.location?.longitude as number,
    },
  };
}
