import type { User } from '../../../models';
import type { Config } from '../../config';
import type { GoogleApis } from '../../google/apis';
import type { GoogleCallRecorder } from '../../google/observe-calls';
import type { Logger } from '../../log';
import type { Team } from '../../tools/lib/directory';
import type { ConfirmedAction, ToolContext } from '../../tools/types';

/** Everything a tool handler may use for one user, built per turn (or per confirmed action). */
export function toolContext(deps: {
  user: User;
  timeZone: string;
  google: GoogleApis;
  config: Config;
  log: Logger;
  now: () => Date;
  signal?: AbortSignal;
  team?: Team;
  action?: ConfirmedAction;
  /** Hears about each Maps request (the Google APIs report through their client already). */
  calls?: GoogleCallRecorder;
}): ToolContext {
  const { mapsApiKey, apiRootUrl } = deps.config.google;
  return {
    user: deps.user,
    timeZone: deps.timeZone,
    now: deps.now,
    google: deps.google,
    maps: mapsApiKey ? { apiKey: mapsApiKey, rootUrl: apiRootUrl, calls: deps.calls } : undefined,
    log: deps.log,
    signal: deps.signal,
    ...(deps.team ? { team: deps.team } : {}),
    ...(deps.action ? { action: deps.action } : {}),
  };
}
