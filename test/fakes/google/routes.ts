import type { Router } from 'express';
import { oauthRoutes } from './oauth';
import type { FakeGoogleState } from './state';

/** Every fake Google API; adding an API = one file and one line here. */
export const fakeGoogleRoutes: ((state: FakeGoogleState) => Router)[] = [oauthRoutes];
