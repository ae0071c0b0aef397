import { OAuth2Client } from 'google-auth-library';
import type { Config } from '../config';

type GoogleConfig = Config['google'];

/** An OAuth2Client with Lume's client credentials and Google's endpoints (overridable for tests). */
export function createOAuthClient(google: GoogleConfig): OAuth2Client {
  return new OAuth2Client({
    clientId: google.clientId,
    clientSecret: google.clientSecret,
    redirectUri: google.redirectUri,
    endpoints: {
      ...(google.authUrl ? { oauth2AuthBaseUrl: google.authUrl } : {}),
      ...(google.tokenUrl ? { oauth2TokenUrl: google.tokenUrl } : {}),
      ...(google.revokeUrl ? { oauth2RevokeUrl: google.revokeUrl } : {}),
    },
  });
}
