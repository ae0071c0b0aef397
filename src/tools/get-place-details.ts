import { z } from 'zod';
import { mapsRequest, PLACE_LINK_FIELDS, type Place, summarizePlace } from './lib/maps';
import { defineTool } from './types';

export const DETAILS_FIELD_MASK = [
  'id',
  'displayName',
  'formattedAddress',
  'rating',
  'userRatingCount',
  'currentOpeningHours',
  'nationalPhoneNumber',
  'websiteUri',
  'priceLevel',
  'googleMapsUri',
];

export const getPlaceDetails = defineTool({
  name: 'get_place_details',
  description:
    'Details of one place on Google Maps: address, opening hours, phone, website, rating. Needs a placeId from search_places; never guess one.',
  input: z.object({ placeId: z.string().min(1).describe('The placeId from search_places.') }),
  scopes: [],
  requiresMaps: true,
  sideEffect: false,
  linkFields: PLACE_LINK_FIELDS,
  async handler(input, ctx) {
    const id = input.placeId.replace(/^places\//, '');
    const place = await mapsRequest<Place>(ctx, 'places', {
      method: 'GET',
      path: `/v1/places/${encodeURIComponent(id)}`,
      fieldMask: DETAILS_FIELD_MASK,
    });
    return summarizePlace(place);
  },
});
