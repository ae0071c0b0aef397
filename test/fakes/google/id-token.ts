import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import express, { type Router } from 'express';
import type { FakeAccount } from './state';

/**
 * Google's id_tokens: RS256 JWTs signed with a key whose public half Google publishes at
 * /oauth2/v1/certs (PEM by key id, what google-auth-library fetches on Node; Google's are X.509
 * certificates, the public key alone verifies the same) and /oauth2/v3/certs (JWKS). One key per test process: generating RSA keys costs tens of milliseconds.
 */
let key: { kid: string; privateKey: KeyObject; publicKey: KeyObject } | undefined;

function signingKey() {
  if (!key) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    key = { kid: randomBytes(20).toString('hex'), privateKey, publicKey };
  }
  return key;
}

const b64url = (v: object | Buffer) =>
  (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');

/** Sign claims as Google does; `with` a different key makes a token Google never issued. */
export function signJwt(claims: object, withKey: KeyObject = signingKey().privateKey): string {
  const head = b64url({ alg: 'RS256', kid: signingKey().kid, typ: 'JWT' });
  const body = b64url(claims);
  return `${head}.${body}.${b64url(sign('RSA-SHA256', Buffer.from(`${head}.${body}`), withKey))}`;
}

/** The id_token of a code exchange: `email` claims with the email scope, name and picture with profile. */
export function idTokenFor(account: FakeAccount, clientId: string, scopes: string[]): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({
    iss: 'https://accounts.google.com',
    azp: clientId,
    aud: clientId,
    sub: account.sub,
    ...(scopes.includes('email') ? { email: account.email, email_verified: true } : {}),
    ...(scopes.includes('profile')
      ? {
          name: account.name,
          given_name: account.name.split(' ')[0],
          picture: account.picture ?? 'https://lh3.googleusercontent.com/a/default-user',
        }
      : {}),
    iat: now,
    exp: now + 3600,
  });
}

export function certRoutes(): Router {
  const router = express.Router();
  const cached = (res: express.Response) => res.setHeader('Cache-Control', 'public, max-age=21600');
  router.get('/oauth2/v1/certs', (_req, res) => {
    const { kid, publicKey } = signingKey();
    cached(res);
    res.json({ [kid]: publicKey.export({ type: 'spki', format: 'pem' }) });
  });
  router.get('/oauth2/v3/certs', (_req, res) => {
    const { kid, publicKey } = signingKey();
    cached(res);
    res.json({
      keys: [{ ...createPublicKey(publicKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
    });
  });
  return router;
}
