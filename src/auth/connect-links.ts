import { Op } from 'sequelize';
import type { Models } from '../../models';
import { randomToken, sha256Hex } from './secrets';
import { consumeOnce } from './single-use';

export const CONNECT_LINK_TTL_MS = 10 * 60 * 1000;

export interface SlackRef {
  teamId: string;
  slackUserId: string;
}

/** One-time links handed out by `/lume connect`: bound to the Slack user who asked, valid 10 minutes. */
export class ConnectLinks {
  constructor(
    private readonly models: Models,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(ref: SlackRef): Promise<{ url: string; expiresAt: Date }> {
    const token = randomToken();
    const expiresAt = new Date(this.now().getTime() + CONNECT_LINK_TTL_MS);
    await this.models.ConnectLink.create({
      tokenHash: sha256Hex(token),
      teamId: ref.teamId,
      slackUserId: ref.slackUserId,
      expiresAt,
      usedAt: null,
    });
    return { url: `${this.publicUrl}/auth/oauth/google?link=${encodeURIComponent(token)}`, expiresAt };
  }

  /** Marks the link used in one conditional UPDATE, so of two concurrent uses only one gets the binding. */
  async consume(token: string): Promise<SlackRef | null> {
    const link = await consumeOnce(this.models.ConnectLink, 'tokenHash', token, this.now());
    return link ? { teamId: link.teamId, slackUserId: link.slackUserId } : null;
  }

  /** Housekeeping: drop links that can no longer be used. */
  async purgeExpired(): Promise<number> {
    return this.models.ConnectLink.destroy({ where: { expiresAt: { [Op.lt]: this.now() } } });
  }
}
