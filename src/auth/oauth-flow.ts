import { createHmac } from 'node:crypto';
import { type Credentials, OAuth2Client } from 'google-auth-library';
import type { User } from '../../models';
import type { Config } from '../config';
import { GoogleApis } from '../google/apis';
import { createOAuthClient } from '../google/oauth-client';
import { type GoogleCallRecorder, observeGoogleCalls } from '../google/observe-calls';
import { REQUESTED_SCOPES } from '../google/scopes';
import type { Logger } from '../log';
import type { Accounts, GoogleProfile } from './accounts';
import type { ConnectLinks, SlackRef } from './connect-links';
import { MAX_PLAIN_STATES_IN_PROGRESS, type OAuthStates } from './oauth-states';
import { safeEqual, sha256Hex } from './secrets';

export type StartOutcome =
  | { kind: 'redirect'; url: string; binding: BrowserBinding }
  | { kind: 'invalid_link' }
  | { kind: 'too_many_in_progress' };

/** A cookie tying the callback to the browser that started the flow (stops login CSRF). */
export interface BrowserBinding {
  name: string;
  value: string;
}

export type CallbackOutcome =
  | { kind: 'linked'; user: User; slack: SlackRef | null }
  | { kind: 'denied'; error: string }
  | { kind: 'bad_request'; reason: string }
  | { kind: 'exchange_failed' }
  | { kind: 'profile_failed' }
  | { kind: 'no_offline_access' };

export interface CallbackParams {
  code?: string;
  state?: string;
  error?: string;
  cookies: Record<string, string>;
}

interface FlowDeps {
  config: Config;
  states: OAuthStates;
  links: ConnectLinks;
  accounts: Accounts;
  log: Logger;
  /** Hears about each call to Google (code exchange, id_token keys, userinfo). */
  calls?: GoogleCallRecorder;
}

/** Google account linking: authorisation-code flow with PKCE S256 and single-use, hashed state. */
export class GoogleOAuthFlow {
  /** Verifies id_tokens; one client for the process, so Google's signing keys are fetched once per their lifetime. */
  private readonly verifier: OAuth2Client;

  constructor(private readonly deps: FlowDeps) {
    this.verifier = createOAuthClient(deps.config.google, deps.calls);
  }

  bindingFor(state: string): BrowserBinding {
    return {
      name: `lume_oauth_${sha256Hex(state).slice(0, 16)}`,
      value: createHmac('sha256', this.deps.config.jwtSecret)
        .update(`oauth-binding:${state}`)
        .digest('base64url'),
    };
  }

  async start(link: string | undefined): Promise<StartOutcome> {
    let slack: SlackRef | null = null;
    if (link !== undefined) {
      slack = await this.deps.links.consume(link);
      if (!slack) return { kind: 'invalid_link' };
    } else if ((await this.deps.states.plainInProgress()) >= MAX_PLAIN_STATES_IN_PROGRESS) {
      return { kind: 'too_many_in_progress' };
    }
    const { state, codeChallenge } = await this.deps.states.create(slack);
    const url = createOAuthClient(this.deps.config.google, this.deps.calls).generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: true,
      scope: REQUESTED_SCOPES,
      state,
      code_challenge: codeChallenge,
      // google-auth-library's enum; the wire value is "S256".
      code_challenge_method: 'S256' as never,
    });
    return { kind: 'redirect', url, binding: this.bindingFor(state) };
  }

  async complete(params: CallbackParams): Promise<CallbackOutcome> {
    if (params.error) return { kind: 'denied', error: oauthErrorCode(params.error) };
    if (!params.state || !params.code) return { kind: 'bad_request', reason: 'missing code or state' };
    const binding = this.bindingFor(params.state);
    const cookie = params.cookies[binding.name];
    // Checked before the state is consumed, so a forged callback cannot burn a real user's state.
    if (!cookie || !safeEqual(cookie, binding.value)) {
      return { kind: 'bad_request', reason: 'this sign-in was started in another browser' };
    }
    const consumed = await this.deps.states.consume(params.state);
    if (!consumed) return { kind: 'bad_request', reason: 'unknown, expired or already used state' };

    const client = createOAuthClient(this.deps.config.google, this.deps.calls);
    let tokens: Credentials;
    try {
      ({ tokens } = await client.getToken({ code: params.code, codeVerifier: consumed.codeVerifier }));
    } catch (err) {
      this.deps.log.warn({ err }, 'Google code exchange failed');
      return { kind: 'exchange_failed' };
    }
    if (!tokens.access_token) return { kind: 'exchange_failed' };

    const profile = await this.profileOf(tokens);
    if (!profile) return { kind: 'profile_failed' };
    // Without a refresh token Lume would work for an hour and then fail; refuse now instead of
    // announcing "Connected". Google omits it when re-consenting to an existing grant, which is
    // fine only if we still hold a working one.
    if (!tokens.refresh_token && !(await this.deps.accounts.holdsRefreshToken(profile.googleId))) {
      this.deps.log.warn('Google granted no refresh token and none is stored; not linking');
      return { kind: 'no_offline_access' };
    }
    const user = await this.deps.accounts.link(profile, tokens, consumed.slack);
    return { kind: 'linked', user, slack: consumed.slack };
  }

  /**
   * Who signed in. With openid granted Google returns an id_token, verified here (Google's signature,
   * this client as audience, Google as issuer, not expired) with the signing keys cached as long as
   * Google allows; without one, Google's userinfo endpoint is asked with the new access token.
   */
  private async profileOf(tokens: Credentials): Promise<GoogleProfile | null> {
    let claims: { sub?: string | null; id?: string | null; email?: string | null; name?: string | null };
    try {
      if (tokens.id_token) {
        const ticket = await this.verifier.verifyIdToken({
          idToken: tokens.id_token,
          audience: this.deps.config.google.clientId,
        });
        claims = ticket.getPayload() ?? {};
      } else {
        const auth = new OAuth2Client();
        if (this.deps.calls) observeGoogleCalls(auth, this.deps.calls);
        auth.setCredentials({ access_token: tokens.access_token });
        ({ data: claims } = await new GoogleApis(auth, this.deps.config.google.apiRootUrl)
          .oauth2()
          .userinfo.get());
      }
    } catch (err) {
      if (!tokens.id_token) {
        this.deps.log.warn({ err }, 'Google userinfo failed');
        return null;
      }
      // The library's messages go on to quote the token or its claims (the person's e-mail): only the
      // reason before them is logged.
      const reason = (err instanceof Error ? err.message : String(err)).split(': ')[0].slice(0, 200);
      this.deps.log.warn({ reason }, 'Google id_token did not verify');
      return null;
    }
    const googleId = claims.sub ?? claims.id;
    if (!googleId || !claims.email) return null;
    return { googleId, email: claims.email, name: claims.name ?? null };
  }
}

/**
 * The `error` of a callback as an OAuth error code (access_denied, server_error…). Anyone can craft a
 * callback link, so free text in it must never reach the page as Lume's words.
 */
export function oauthErrorCode(error: string): string {
  return /^[a-z_]{1,64}$/.test(error) ? error : 'unknown_error';
}
