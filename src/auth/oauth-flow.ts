import { createHmac, randomUUID } from 'node:crypto';
import { type Credentials, OAuth2Client } from 'google-auth-library';
import { UniqueConstraintError } from 'sequelize';
import type { User } from '../../models';
import type { Database } from '../../models/db';
import type { Config } from '../config';
import { GoogleApis } from '../google/apis';
import { createOAuthClient } from '../google/oauth-client';
import { REQUESTED_SCOPES } from '../google/scopes';
import type { Logger } from '../log';
import type { Accounts } from './accounts';
import type { ConnectLinks, SlackRef } from './connect-links';
import { MAX_PLAIN_STATES_IN_PROGRESS, type OAuthStates } from './oauth-states';
import { safeEqual, sha256Hex } from './secrets';
import type { TokenStore } from './token-store';

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
  db: Database;
  states: OAuthStates;
  links: ConnectLinks;
  tokens: TokenStore;
  accounts: Accounts;
  log: Logger;
}

/** Google account linking: authorisation-code flow with PKCE S256 and single-use, hashed state. */
export class GoogleOAuthFlow {
  constructor(private readonly deps: FlowDeps) {}

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
    const url = createOAuthClient(this.deps.config.google).generateAuthUrl({
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

    const client = createOAuthClient(this.deps.config.google);
    let tokens: Credentials;
    try {
      ({ tokens } = await client.getToken({ code: params.code, codeVerifier: consumed.codeVerifier }));
    } catch (err) {
      this.deps.log.warn({ err }, 'Google code exchange failed');
      return { kind: 'exchange_failed' };
    }
    if (!tokens.access_token) return { kind: 'exchange_failed' };

    let profile: { id?: string | null; email?: string | null; name?: string | null };
    try {
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: tokens.access_token });
      ({ data: profile } = await new GoogleApis(auth, this.deps.config.google.apiRootUrl)
        .oauth2()
        .userinfo.get());
    } catch (err) {
      this.deps.log.warn({ err }, 'Google userinfo failed');
      return { kind: 'profile_failed' };
    }
    if (!profile.id || !profile.email) return { kind: 'profile_failed' };
    // Without a refresh token Lume would work for an hour and then fail; refuse now instead of
    // announcing "Connected". Google omits it when re-consenting to an existing grant, which is
    // fine only if we still hold a working one.
    if (!tokens.refresh_token && !(await this.holdsRefreshToken(profile.id))) {
      this.deps.log.warn('Google granted no refresh token and none is stored; not linking');
      return { kind: 'no_offline_access' };
    }

    const { user, replacedUserId } = await this.store(
      { googleId: profile.id, email: profile.email, name: profile.name ?? null },
      tokens,
      consumed.slack,
    );
    if (replacedUserId) await this.deps.accounts.dropIfOrphaned(replacedUserId);
    return { kind: 'linked', user, slack: consumed.slack };
  }

  private async holdsRefreshToken(googleId: string): Promise<boolean> {
    const user = await this.deps.db.models.User.findOne({ where: { googleId } });
    return !!user && user.status === 'connected' && !!user.refreshTokenEnc;
  }

  private async store(
    profile: { googleId: string; email: string; name: string | null },
    tokens: Credentials,
    slack: SlackRef | null,
  ): Promise<{ user: User; replacedUserId: string | null }> {
    const { User, SlackIdentity } = this.deps.db.models;
    return this.deps.db.sequelize.transaction(async (transaction) => {
      let user = await User.findOne({ where: { googleId: profile.googleId }, transaction });
      if (!user) {
        user = User.build({
          id: randomUUID(),
          googleId: profile.googleId,
          email: profile.email,
          name: profile.name,
          accessTokenEnc: null,
          refreshTokenEnc: null,
          tokenExpiresAt: null,
          grantedScopes: '',
          status: 'connected',
        });
      }
      user.email = profile.email;
      user.name = profile.name;
      user.status = 'connected';
      // What the user actually granted: Google's granular consent lets them untick scopes.
      user.grantedScopes = '';
      this.deps.tokens.apply(user, tokens);
      await user.save({ transaction });

      let replacedUserId: string | null = null;
      if (slack) {
        const where = { teamId: slack.teamId, slackUserId: slack.slackUserId };
        const existing = await SlackIdentity.findOne({ where, transaction });
        if (existing && existing.userId !== user.id) replacedUserId = existing.userId;
        if (existing) {
          existing.userId = user.id;
          await existing.save({ transaction });
        } else {
          try {
            await SlackIdentity.create({ ...where, userId: user.id }, { transaction });
          } catch (err) {
            if (!(err instanceof UniqueConstraintError)) throw err;
            await SlackIdentity.update({ userId: user.id }, { where, transaction });
          }
        }
      }
      return { user, replacedUserId };
    });
  }
}

/**
 * The `error` of a callback as an OAuth error code (access_denied, server_error…). Anyone can craft a
 * callback link, so free text in it must never reach the page as Lume's words.
 */
export function oauthErrorCode(error: string): string {
  return /^[a-z_]{1,64}$/.test(error) ? error : 'unknown_error';
}
