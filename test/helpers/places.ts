import { seedPlace } from '../fakes/google/seed';
import type { FakeGoogle } from '../fakes/google/server';

/** The Maps key the settings specs configure (GOOGLE_MAPS_API_KEY) and the fake Google accepts. */
export const MAPS_KEY = 'maps-test-key';

/**
 * Places for leave-now starts: one Ferry Building (a single match), and a 100 Main St in both
 * Springfield, IL and Springfield, MA (an ambiguous one). The fake Google takes MAPS_KEY.
 */
export function seedStartPlaces(google: FakeGoogle): void {
  google.state.mapsKeys.add(MAPS_KEY);
  seedPlace(google.state, {
    id: 'ChIJ-ferry',
    name: 'Ferry Building',
    address: '1 Ferry Building, San Francisco, CA 94111, USA',
    lat: 37.7955,
    lng: -122.3937,
  });
  for (const state of ['IL', 'MA'])
    seedPlace(google.state, {
      id: `ChIJ-main-${state}`,
      name: '100 Main St',
      address: `100 Main St, Springfield, ${state}, USA`,
      lat: 40,
      lng: -80,
    });
}
