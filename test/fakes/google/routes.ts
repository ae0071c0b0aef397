import type { Router } from 'express';
import { calendarRoutes } from './calendar';
import { gmailRoutes } from './gmail';
import { oauthRoutes } from './oauth';
import type { FakeGoogleState } from './state';
import { tasksRoutes } from './tasks';

/** Every fake Google API; adding an API = one file and one line here. */
export const fakeGoogleRoutes: ((state: FakeGoogleState) => Router)[] = [
  oauthRoutes,
  gmailRoutes,
  calendarRoutes,
  tasksRoutes,
];
