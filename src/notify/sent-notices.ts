import { UniqueConstraintError } from 'sequelize';
import type { Models, Notice } from '../../models';
import { eventRef } from '../calendar/event-ref';
import { Sealer } from '../crypto/sealer';
import type { TokenCipher } from '../crypto/token-cipher';
import type { SlackPerson } from '../settings/types';
import type { PostedNotice } from './messenger';
import type { NoticeKind } from './notices';

/** How a notice's sealed state is bound: to its own key, so a copied ciphertext does not open elsewhere. */
export const noticeStateContext = (key: string) => ({ table: 'notices', column: 'state_enc', row: key });

export interface SentNotice<S = unknown> {
  key: string;
  kind: NoticeKind;
  posted: PostedNotice;
  sentAt: Date;
  state: S | null;
}

/**
 * The messages Lume sent on its own, one per key (`<kind>:<slack identity id>:…`, see `noticeKey`).
 * A job checks `find` before it posts and `record`s right after, so the window in which a killed
 * instance could send twice is the Slack call itself.
 */
export class SentNotices {
  private readonly sealer: Sealer;

  constructor(private readonly deps: { models: Models; cipher: TokenCipher; now: () => Date }) {
    this.sealer = new Sealer(deps.cipher);
  }

  /** The linked identity's row id, the first part of every notice key; null when not linked. */
  async identityId(person: SlackPerson): Promise<number | null> {
    const row = await this.deps.models.SlackIdentity.findOne({
      attributes: ['id'],
      where: { teamId: person.teamId, slackUserId: person.slackUserId },
    });
    return row?.id ?? null;
  }

  async find<S>(key: string): Promise<SentNotice<S> | null> {
    const row = await this.deps.models.Notice.findOne({ where: { key } });
    return row ? this.read<S>(row) : null;
  }

  /** The newest notice of a kind about an event for one identity (an invitation's DM). */
  async forEvent<S>(identityId: number, kind: NoticeKind, eventId: string): Promise<SentNotice<S> | null> {
    const row = await this.deps.models.Notice.findOne({
      where: { slackIdentityId: identityId, kind, eventRef: eventRef(eventId) },
      order: [['id', 'DESC']],
    });
    return row ? this.read<S>(row) : null;
  }

  /** Records a posted notice; false when its key was already recorded (the first one stands). */
  async record<S>(n: {
    key: string;
    identityId: number;
    kind: NoticeKind;
    eventId?: string;
    posted: PostedNotice;
    state?: S;
  }): Promise<boolean> {
    try {
      await this.deps.models.Notice.create({
        key: n.key,
        slackIdentityId: n.identityId,
        kind: n.kind,
        eventRef: n.eventId ? eventRef(n.eventId) : null,
        channel: n.posted.channel,
        ts: n.posted.ts,
        stateEnc: n.state === undefined ? null : this.sealer.seal(n.state, noticeStateContext(n.key)),
        sentAt: this.deps.now(),
      });
      return true;
    } catch (err) {
      if (err instanceof UniqueConstraintError) return false;
      throw err;
    }
  }

  /** Replaces a notice's sealed state (an invitation answered). */
  async setState<S>(key: string, state: S): Promise<void> {
    await this.deps.models.Notice.update(
      { stateEnc: this.sealer.seal(state, noticeStateContext(key)) },
      { where: { key } },
    );
  }

  private read<S>(row: Notice): SentNotice<S> {
    return {
      key: row.key,
      kind: row.kind as NoticeKind,
      posted: { channel: row.channel, ts: row.ts },
      sentAt: row.sentAt,
      state: row.stateEnc ? this.sealer.open<S>(row.stateEnc, noticeStateContext(row.key)) : null,
    };
  }
}

/** `<kind>:<identity id>:<parts…>`; parts are hashed when they are not short printable ids. */
export function noticeKey(kind: NoticeKind, identityId: number, ...parts: string[]): string {
  const safe = parts.map((p) => (/^[A-Za-z0-9_.-]{1,40}$/.test(p) ? p : eventRef(p).slice(0, 32)));
  return [kind, String(identityId), ...safe].join(':');
}
