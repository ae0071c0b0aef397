import assert from 'node:assert/strict';
import { describeToolError } from '../../src/tools/errors';
import { getPlaceDetails } from '../../src/tools/get-place-details';
import { getTravelTime } from '../../src/tools/get-travel-time';
import { searchPlaces } from '../../src/tools/search-places';
import { seedEvent, seedPlace } from '../fakes/google/seed';
import { MAPS_KEY, startToolHarness, type ToolHarness } from './harness';

describe('Maps tools (Places API (New), Routes API)', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
    seedPlace(h.fake.state, {
      id: 'ChIJcafe',
      name: 'Blue Bottle Coffee',
      address: '66 Mint St, San Francisco, CA 94103',
      lat: 37.7825,
      lng: -122.4076,
      types: ['cafe'],
      rating: 4.5,
      userRatingCount: 1200,
      currentOpeningHours: { openNow: true, weekdayDescriptions: ['Monday: 7:00 AM – 5:00 PM'] },
      nationalPhoneNumber: '(510) 653-3394',
      websiteUri: 'https://bluebottlecoffee.com/',
    });
    seedPlace(h.fake.state, {
      id: 'ChIJoffice',
      name: 'Salesforce Tower',
      address: '415 Mission St, San Francisco, CA 94105',
      lat: 37.7897,
      lng: -122.3972,
    });
  });
  afterEach(() => h.close());

  it('search_places POSTs places:searchText with the key and field mask in headers, and summarises', async () => {
    const out = (await searchPlaces.handler({ query: 'coffee San Francisco', maxResults: 3 }, h.ctx())) as {
      places: Record<string, unknown>[];
    };
    const [req] = h.fake.state.requestsTo('/v1/places:searchText', 'POST');
    assert.equal(req.headers['x-goog-api-key'], MAPS_KEY);
    assert.equal(
      req.headers['x-goog-fieldmask'],
      'places.id,places.displayName,places.formattedAddress,places.rating,places.userRatingCount,places.currentOpeningHours.openNow,places.googleMapsUri',
    );
    assert.deepEqual(req.query, {}, 'the API key never goes in the URL');
    assert.deepEqual(req.body, { textQuery: 'coffee San Francisco', pageSize: 3 });
    assert.deepEqual(out.places, [
      {
        placeId: 'ChIJcafe',
        name: 'Blue Bottle Coffee',
        address: '66 Mint St, San Francisco, CA 94103',
        rating: 4.5,
        ratings: 1200,
        openNow: true,
        mapsLink: 'https://maps.google.com/?cid=ChIJcafe',
      },
    ]);
  });

  it('get_place_details reads one place with its own field mask', async () => {
    const out = (await getPlaceDetails.handler({ placeId: 'places/ChIJcafe' }, h.ctx())) as Record<
      string,
      unknown
    >;
    const [req] = h.fake.state.requestsTo('/v1/places/ChIJcafe', 'GET');
    assert.match(
      String(req.headers['x-goog-fieldmask']),
      /^id,displayName,formattedAddress,.*currentOpeningHours/,
    );
    assert.equal(out.phone, '(510) 653-3394');
    assert.deepEqual(out.hours, ['Monday: 7:00 AM – 5:00 PM']);
    assert.equal(out.website, 'https://bluebottlecoffee.com/');
  });

  it('get_travel_time asks computeRoutes with traffic for driving and parses duration and distance', async () => {
    const out = (await getTravelTime.handler(
      { origin: 'Blue Bottle Coffee', destination: '415 Mission St, San Francisco, CA 94105' },
      h.ctx(),
    )) as Record<string, number | string | boolean>;
    const [req] = h.fake.state.requestsTo('/directions/v2:computeRoutes', 'POST');
    assert.equal(
      req.headers['x-goog-fieldmask'],
      'routes.duration,routes.staticDuration,routes.distanceMeters,routes.localizedValues',
    );
    assert.deepEqual(req.body, {
      origin: { address: 'Blue Bottle Coffee' },
      destination: { address: '415 Mission St, San Francisco, CA 94105' },
      travelMode: 'DRIVE',
      routingPreference: 'TRAFFIC_AWARE',
    });
    assert.equal(out.found, true);
    assert.equal(out.distanceKm, 1.6);
    assert.equal(out.durationMinutes, 3);
    assert.equal(out.distance, '1.6 km');

    const walking = (await getTravelTime.handler(
      { origin: 'x', originPlaceId: 'ChIJcafe', destinationPlaceId: 'ChIJoffice', travelMode: 'WALK' },
      h.ctx(),
    )) as Record<string, unknown>;
    const walkReq = h.fake.state.requestsTo('/directions/v2:computeRoutes', 'POST')[1];
    assert.equal((walkReq.body as { routingPreference?: string }).routingPreference, undefined);
    assert.deepEqual((walkReq.body as { origin: unknown }).origin, { placeId: 'ChIJcafe' });
    assert.equal(walking.durationMinutes, 19);
  });

  it("travels to an event's location and says when to leave", async () => {
    const start = new Date(Date.now() + 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const e = seedEvent(h.fake.state, h.sub, {
      summary: 'Pitch',
      location: 'Salesforce Tower',
      start: { dateTime: start.toISOString() },
      end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString() },
    });
    const ctx = h.ctx({ timeZone: 'UTC' });
    const out = (await getTravelTime.handler(
      {
        origin: '66 Mint St, San Francisco, CA 94103',
        destinationEventId: e.id ?? '',
        departAt: new Date(start.getTime() - 1_800_000).toISOString(),
      },
      ctx,
    )) as Record<string, unknown>;
    assert.equal(out.event, 'Pitch');
    // Leave on a whole minute, no later than the trip allows.
    const minutesBefore = (start.getTime() - Date.parse(String(out.leaveBy))) / 60_000;
    assert.ok(Number.isInteger(minutesBefore), String(out.leaveBy));
    assert.ok(
      minutesBefore >= Number(out.durationMinutes) && minutesBefore <= Number(out.durationMinutes) + 1,
    );
    const [req] = h.fake.state.requestsTo('/directions/v2:computeRoutes', 'POST');
    assert.equal(
      (req.body as { departureTime: string }).departureTime,
      new Date(start.getTime() - 1_800_000).toISOString(),
    );

    const noPlace = seedEvent(h.fake.state, h.sub, {
      summary: 'Video call',
      start: { dateTime: start.toISOString() },
      end: { dateTime: start.toISOString() },
    });
    await assert.rejects(
      getTravelTime.handler({ origin: 'home', destinationEventId: noPlace.id ?? '' }, ctx),
      /has no location/,
    );
    const online = seedEvent(h.fake.state, h.sub, {
      summary: 'Zoom call',
      location: 'https://acme.zoom.us/j/123',
      start: { dateTime: start.toISOString() },
      end: { dateTime: start.toISOString() },
    });
    const routes = h.fake.state.requestsTo('/directions/v2:computeRoutes').length;
    await assert.rejects(
      getTravelTime.handler({ origin: 'home', destinationEventId: online.id ?? '' }, ctx),
      /is online/,
    );
    assert.equal(
      h.fake.state.requestsTo('/directions/v2:computeRoutes').length,
      routes,
      'no route asked for a URL',
    );
  });

  it('reports no route as data, and a refused API key as an admin problem', async () => {
    const out = await getTravelTime.handler({ origin: 'Atlantis', destination: 'El Dorado' }, h.ctx());
    assert.deepEqual(out, { found: false, note: 'No drive route found from "Atlantis" to "El Dorado".' });
    const ctx = h.ctx();
    ctx.maps = { apiKey: 'AIza-wrong', rootUrl: h.fake.url };
    const err = await searchPlaces.handler({ query: 'coffee' }, ctx).catch((e: unknown) => e);
    assert.equal(
      describeToolError(err, searchPlaces),
      "Google refused Lume's Maps API key; an admin needs to check GOOGLE_MAPS_API_KEY.",
    );
  });
});
