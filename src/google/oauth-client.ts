import { OAuth2Client } from 'google-auth-library';
import type { Config } from '../config';
import { type GoogleCallRecorder, observeGoogleCalls } from './observe-calls';

type GoogleConfig = Config['google'];

/**
 * An OAuth2Client with Lume's client credentials and Google's endpoints (overridable for tests). The
 * keys that sign id_tokens are published under Google's API root (www.googleapis.com/oauth2/v1/certs),
 * so GOOGLE_API_ROOT_URL moves them with every other Google API. With `calls`, each request it makes is
 * reported there (metrics, /ready).
 */
export function createOAuthClient(google: GoogleConfig, calls?: GoogleCallRecorder): OAuth2Client {
  const client = new OAuth2Client({
    clientId: google.clientId,
    clientSecret: google.clientSecret,
    redirectUri: google.redirectUri,
    endpoints: {
      ...(google.authUrl ? { oauth2AuthBaseUrl: google.authUrl } : {}),
      ...(google.tokenUrl ? { oauth2TokenUrl: google.tokenUrl } : {}),
      ...(google.revokeUrl ? { oauth2RevokeUrl: google.revokeUrl } : {}),
      ...(google.apiRootUrl
        ? {
            oauth2FederatedSignonPemCertsUrl: `${google.apiRootUrl}/oauth2/v1/certs`,
            oauth2FederatedSignonJwkCertsUrl: `${google.apiRootUrl}/oauth2/v3/certs`,
          }
        : {}),
    },
  });
  return calls ? observeGoogleCalls(client, calls) : client;
}
