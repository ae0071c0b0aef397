import type { Router } from 'express';
import { calendarRoutes } from './calendar';
import { calendarPushRoutes } from './calendar-push';
import { calendarWriteRoutes } from './calendar-write';
import { gmailRoutes } from './gmail';
import { gmailUploadRoutes } from './gmail-upload';
import { gmailWriteRoutes } from './gmail-write';
import { keepRoutes } from './keep';
import { placesRoutes } from './maps';
import { oauthRoutes } from './oauth';
import { routesApiRoutes } from './routes-api';
import type { FakeGoogleState } from './state';
import { tasksRoutes } from './tasks';
import { tasksWriteRoutes } from './tasks-write';

/** Every fake Google API; adding an API = one file and one line here. */
export const fakeGoogleRoutes: ((state: FakeGoogleState) => Router)[] = [
  oauthRoutes,
  gmailRoutes,
  gmailWriteRoutes,
  gmailUploadRoutes,
  calendarRoutes,
  calendarWriteRoutes,
  calendarPushRoutes,
  tasksRoutes,
  tasksWriteRoutes,
  keepRoutes,
  placesRoutes,
  routesApiRoutes,
];
