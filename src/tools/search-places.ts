import { z } from 'zod';
import { mapsRequest, PLACE_LINK_FIELDS, type Place, summarizePlace } from './lib/maps';
import { defineTool } from './types';

/** Only what the answer needs: the mask decides both the payload and what Google bills. */
export const SEARCH_FIELD_MASK = [
  'places.id',
  'places.displayName',
  'places.formattedAddress',
  'places.rating',
  'places.userRatingCount',
  'places.currentOpeningHours.openNow',
  'places.googleMapsUri',
];

export const searchPlaces = defineTool({
  name: 'search_places',
  description:
    'Search Google Maps for places by text ("coffee near Union Square SF", "Priya\'s office 1 Market St"): names, addresses, rating, open now, place ids. Use it to turn a name into an address or place id before get_travel_time or get_place_details.',
  input: z.object({
    query: z
      .string()
      .min(2)
      .max(300)
      .describe('What and where, as the user said it; include the city when known.'),
    maxResults: z.number().int().min(1).max(10).optional().describe('How many places (default 5).'),
    openNow: z.boolean().optional().describe('True to return only places open now.'),
  }),
  scopes: [],
  requiresMaps: true,
  sideEffect: false,
  linkFields: PLACE_LINK_FIELDS,
  async handler(input, ctx) {
    const data = await mapsRequest<{ places?: Place[] }>(ctx, 'places', {
      method: 'POST',
      path: '/v1/places:searchText',
      fieldMask: SEARCH_FIELD_MASK,
      body: {
        textQuery: input.query,
        pageSize: input.maxResults ?? 5,
        ...(input.openNow ? { openNow: true } : {}),
      },
    });
    return { places: (data.places ?? []).map(summarizePlace) };
  },
});
