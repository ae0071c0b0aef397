import { Op } from 'sequelize';
import type { Models } from '../../models';
import { DecryptError, type TokenCipher } from '../crypto/token-cipher';
import type { SlackRef } from './connect-links';
import { createPkcePair } from './pkce';
import { randomToken, sha256Hex } from './secrets';
import { consumeOnce } from './single-use';

export const STATE_TTL_MS = 10 * 60 * 1000;
/**
 * Plain web sign-ins (no Slack link) in progress at once, across all clients. Each stores a row
 * before anyone proves anything, so many clients together could otherwise fill the table; sign-ins
 * from a Slack connect link need that one-time link and are not counted.
 */
export const MAX_PLAIN_STATES_IN_PROGRESS = 1000;

/** Where a PKCE verifier is sealed: bound to its state's row. */
export const verifierContext = (stateHash: string) => ({
  table: 'oauth_states',
  column: 'pkce_verifier',
  row: stateHash,
});

export interface ConsumedState {
  slack: SlackRef | null;
  codeVerifier: string;
}

/**
 * OAuth `state` values: 256 random bits, stored only as a hash, with the PKCE verifier encrypted
 * beside it; valid ten minutes and consumable exactly once.
 */
export class OAuthStates {
  constructor(
    private readonly models: Models,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date,
  ) {}

  /** Unused, unexpired states of plain sign-ins: what MAX_PLAIN_STATES_IN_PROGRESS bounds. */
  async plainInProgress(): Promise<number> {
    return this.models.OAuthState.count({
      where: { teamId: null, usedAt: null, expiresAt: { [Op.gt]: this.now() } },
    });
  }

  async create(slack: SlackRef | null): Promise<{ state: string; codeChallenge: string }> {
    const state = randomToken(32);
    const stateHash = sha256Hex(state);
    const { verifier, challenge } = createPkcePair();
    await this.models.OAuthState.create({
      stateHash,
      teamId: slack?.teamId ?? null,
      slackUserId: slack?.slackUserId ?? null,
      pkceVerifierEnc: this.cipher.encrypt(verifier, verifierContext(stateHash)),
      expiresAt: new Date(this.now().getTime() + STATE_TTL_MS),
      usedAt: null,
    });
    return { state, codeChallenge: challenge };
  }

  /**
   * One conditional UPDATE marks the state used; the database decides which of two concurrent
   * callbacks wins, so a replayed or raced state never reaches Google's token endpoint.
   */
  async consume(state: string): Promise<ConsumedState | null> {
    const row = await consumeOnce(this.models.OAuthState, 'stateHash', state, this.now());
    if (!row) return null;
    let codeVerifier: string;
    try {
      codeVerifier = this.cipher.decrypt(row.pkceVerifierEnc, verifierContext(row.stateHash));
    } catch (err) {
      // A key dropped mid-flow or a tampered row: the flow cannot finish, so it starts again (400).
      if (err instanceof DecryptError) return null;
      throw err;
    }
    return {
      slack: row.teamId && row.slackUserId ? { teamId: row.teamId, slackUserId: row.slackUserId } : null,
      codeVerifier,
    };
  }

  async purgeExpired(): Promise<number> {
    return this.models.OAuthState.destroy({ where: { expiresAt: { [Op.lt]: this.now() } } });
  }
}
