import type { gaxios, OAuth2Client } from 'google-auth-library';
import type { GoogleApi, GoogleCall } from '../telemetry';

/** Who hears about each call to Google (ctx.telemetry in the app). */
export type GoogleCallRecorder = { googleCall(call: GoogleCall): void };

/*
 * Which API a request went to. GOOGLE_API_ROOT_URL moves every API to one host but keeps Google's
 * paths, so the path decides; the token and revoke endpoints are recognised by their last segment
 * (oauth2.googleapis.com/token, or GOOGLE_TOKEN_URL's).
 */
const BY_PATH: [RegExp, GoogleApi][] = [
  [/^(\/upload)?\/gmail\/v1\//, 'gmail'],
  [/^\/calendar\/v3\//, 'calendar'],
  [/^\/tasks\/v1\//, 'tasks'],
  [/^\/v1\/notes/, 'keep'],
  [/^\/(oauth2\/v[23]|v1)\/userinfo/, 'userinfo'],
  [/^\/oauth2\/v[13]\/certs/, 'oauth_certs'],
  [/\/token$/, 'oauth_token'],
  [/\/revoke$/, 'oauth_revoke'],
];

export function googleApiOf(url: string | URL | undefined): GoogleApi {
  if (!url) return 'other';
  let path: string;
  try {
    path = new URL(String(url)).pathname;
  } catch {
    return 'other';
  }
  return BY_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

/**
 * Every request an OAuth2Client makes (API calls through googleapis, token refreshes, code exchange,
 * revocation, id_token keys) goes through its transporter, a gaxios instance: one response
 * interceptor there sees each call's outcome, after gaxios's own retries. Only the API and the
 * status are taken; the URL, which can carry ids and queries, goes no further.
 */
export function observeGoogleCalls(client: OAuth2Client, recorder: GoogleCallRecorder): OAuth2Client {
  const record = (call: GoogleCall) => {
    try {
      recorder.googleCall(call);
    } catch {
      // Telemetry never fails a call.
    }
  };
  client.transporter.interceptors.response.add({
    resolved: async (res: gaxios.GaxiosResponse) => {
      record({ api: googleApiOf(res.config?.url), status: res.status });
      return res;
    },
    rejected: (err: gaxios.GaxiosError) => {
      const status = err.response?.status;
      const aborted = err.config?.signal?.aborted && err.code !== 'TimeoutError';
      record({
        api: googleApiOf(err.config?.url),
        status: typeof status === 'number' ? status : aborted ? 'aborted' : 'network',
      });
      throw err;
    },
  });
  return client;
}
