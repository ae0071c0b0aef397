import { createHash } from 'node:crypto';
import { Op, UniqueConstraintError } from 'sequelize';
import type { Models } from '../../models';
import type { RsvpAnswer } from './notices';

/**
 * A pending claim older than this is taken to belong to a click whose instance died before Google
 * answered: the person may click again. Google answers an events.patch within seconds.
 */
export const STALE_CLAIM_MS = 2 * 60_000;

/** The claim of one click: person, event and the version of it the buttons were for. */
export const claimKey = (identityId: number, eventId: string, version: string | null) =>
  `rsvp:${identityId}:${createHash('sha256')
    .update(`${eventId}\n${version ?? ''}`)
    .digest('hex')}`;

/**
 * Single-use claims for Yes / Maybe / No: the first click on a DM's buttons takes the claim (a unique
 * key in the database, so across instances too) and only it asks Google; a double click or Slack
 * delivering the click again finds the claim taken and changes nothing. A click that failed gives
 * its claim back so the person can try again.
 */
export class RsvpClaims {
  constructor(private readonly deps: { models: Models; now: () => Date }) {}

  /** True when this click may answer. */
  async take(key: string, identityId: number, answer: RsvpAnswer): Promise<boolean> {
    const now = this.deps.now();
    try {
      await this.deps.models.RsvpClaim.create({
        key,
        slackIdentityId: identityId,
        status: 'pending',
        answer,
        claimedAt: now,
      });
      return true;
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
    }
    // Taken: only a pending claim abandoned long ago (its instance died mid-call) is taken over.
    const [taken] = await this.deps.models.RsvpClaim.update(
      { claimedAt: now, answer },
      {
        where: {
          key,
          status: 'pending',
          claimedAt: { [Op.lt]: new Date(now.getTime() - STALE_CLAIM_MS) },
        },
      },
    );
    return taken > 0;
  }

  async done(key: string): Promise<void> {
    await this.deps.models.RsvpClaim.update({ status: 'done' }, { where: { key } });
  }

  /** The click changed nothing (refused, failed): the next one may try. */
  async release(key: string): Promise<void> {
    await this.deps.models.RsvpClaim.destroy({ where: { key, status: 'pending' } });
  }
}
