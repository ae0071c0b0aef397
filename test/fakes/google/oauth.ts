import express, { type Router } from 'express';
import { grantOf, requireScopes } from './api-auth';
import { certRoutes, idTokenFor } from './id-token';
import type { FakeGoogleState } from './state';
import { FakeGoogleState as S } from './state';

const tokenError = (status: number, error: string, description: string) => ({
  status,
  body: { error, error_description: description },
});

/** Google's OAuth endpoints: consent redirect, token (code + PKCE, refresh), revoke, userinfo, signing keys. */
export function oauthRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false });

  // The consent screen, decided by state.consent: redirects back with a code, or error=access_denied.
  router.get('/o/oauth2/v2/auth', (req, res) => {
    const q = req.query as Record<string, string>;
    if (!q.client_id || !state.clients.has(q.client_id))
      return res.status(401).send('Error 401: invalid_client');
    if (!q.redirect_uri) return res.status(400).send('Error 400: redirect_uri_mismatch');
    const back = new URL(q.redirect_uri);
    if (q.state) back.searchParams.set('state', q.state);
    if (state.consent.deny) {
      back.searchParams.set('error', 'access_denied');
      return res.redirect(302, back.toString());
    }
    if (q.response_type !== 'code' || !q.code_challenge || q.code_challenge_method !== 'S256') {
      return res.status(400).send('Error 400: invalid_request');
    }
    const requested = (q.scope ?? '').split(' ').filter(Boolean);
    const scopes = state.consent.grant ? state.consent.grant(requested) : requested;
    const code = state.issueCode({
      sub: state.consent.sub,
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      codeChallenge: q.code_challenge,
      codeChallengeMethod: q.code_challenge_method,
      scopes,
    });
    back.searchParams.set('code', code);
    back.searchParams.set('scope', scopes.join(' '));
    res.redirect(302, back.toString());
  });

  router.post('/token', form, (req, res) => {
    const b = req.body as Record<string, string>;
    const client = state.clients.get(b.client_id);
    const fail = (e: { status: number; body: object }) => res.status(e.status).json(e.body);
    if (!client || client.secret !== b.client_secret) {
      return fail(tokenError(401, 'invalid_client', 'The OAuth client was not found.'));
    }
    if (b.grant_type === 'authorization_code') {
      const code = state.codes.get(b.code);
      state.codes.delete(b.code); // codes are single use, success or not
      if (!code || code.clientId !== b.client_id)
        return fail(tokenError(400, 'invalid_grant', 'Malformed auth code.'));
      if (code.redirectUri !== b.redirect_uri)
        return fail(tokenError(400, 'redirect_uri_mismatch', 'Bad Request'));
      if (!b.code_verifier) return fail(tokenError(400, 'invalid_request', 'Missing code verifier.'));
      if (S.s256(b.code_verifier) !== code.codeChallenge)
        return fail(tokenError(400, 'invalid_grant', 'Invalid code verifier.'));
      const access = state.issueAccessToken(code.sub, code.scopes);
      const account = state.accounts.get(code.sub);
      // Google adds an id_token when openid was granted: who signed in, signed by Google.
      const withIdToken = account && code.scopes.includes('openid') && !state.omitIdToken;
      return res.json({
        access_token: access.token,
        expires_in: access.expiresIn,
        ...(state.omitRefreshToken
          ? {}
          : { refresh_token: state.issueRefreshToken(code.sub, code.scopes, b.client_id) }),
        scope: code.scopes.join(' '),
        token_type: 'Bearer',
        ...(withIdToken ? { id_token: state.idToken ?? idTokenFor(account, b.client_id, code.scopes) } : {}),
      });
    }
    if (b.grant_type === 'refresh_token') {
      const grant = state.refreshTokens.get(b.refresh_token);
      if (!grant || grant.clientId !== b.client_id) {
        return fail(tokenError(400, 'invalid_grant', 'Token has been expired or revoked.'));
      }
      const access = state.issueAccessToken(grant.sub, grant.scopes);
      return res.json({
        access_token: access.token,
        expires_in: access.expiresIn,
        scope: grant.scopes.join(' '),
        token_type: 'Bearer',
      });
    }
    return fail(tokenError(400, 'unsupported_grant_type', 'Invalid grant_type.'));
  });

  router.post('/revoke', form, (req, res) => {
    const token =
      ((req.body ?? {}) as Record<string, string>).token ?? (req.query.token as string | undefined) ?? '';
    const refresh = state.refreshTokens.get(token);
    const access = state.accessTokens.get(token);
    const sub = refresh?.sub ?? access?.sub;
    if (!sub)
      return res.status(400).json({ error: 'invalid_token', error_description: 'Token expired or revoked' });
    state.revoked.push(token);
    state.revokeAccount(sub);
    res.status(200).json({});
  });

  router.use(certRoutes());

  router.get('/oauth2/v2/userinfo', requireScopes(state, []), (_req, res) => {
    const account = state.accounts.get(grantOf(res).sub);
    if (!account) return res.status(404).json({ error: { code: 404, message: 'Not found' } });
    res.json({
      id: account.sub,
      email: account.email,
      verified_email: true,
      name: account.name,
      given_name: account.name.split(' ')[0],
      picture: account.picture ?? 'https://lh3.googleusercontent.com/a/default-user',
    });
  });

  return router;
}
