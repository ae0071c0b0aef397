import { randomBytes } from 'node:crypto';
import { type Config, parseConfig } from '../../src/config';

export const TEST_KEY = randomBytes(32).toString('base64');

/** A valid environment for tests; fakes' URLs are passed in as overrides. */
export function testEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    PORT: '0',
    PUBLIC_URL: 'http://lume.test',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    GOOGLE_CLIENT_ID: 'lume-test-client.apps.googleusercontent.com',
    GOOGLE_CLIENT_SECRET: 'lume-test-client-secret',
    JWT_SECRET: 'test-jwt-secret-that-is-at-least-32-bytes-long',
    TOKEN_ENCRYPTION_KEY: TEST_KEY,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  const result = parseConfig(testEnv(overrides));
  if (!result.ok) throw new Error(`test config invalid: ${result.problems.join('; ')}`);
  return result.config;
}

/** Google endpoint variables pointing at a fake Google server. */
export function googleEnv(baseUrl: string): Record<string, string> {
  return {
    GOOGLE_AUTH_URL: `${baseUrl}/o/oauth2/v2/auth`,
    GOOGLE_TOKEN_URL: `${baseUrl}/token`,
    GOOGLE_REVOKE_URL: `${baseUrl}/revoke`,
    GOOGLE_API_ROOT_URL: baseUrl,
  };
}
