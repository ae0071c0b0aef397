import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Op } from 'sequelize';
import type { CalendarChannel, Models, User } from '../../models';
import type { GoogleClientFactory } from '../google/client-factory';
import { httpStatusOf } from '../google/errors';
import type { Logger } from '../log';
import { CALENDAR_SYNC, SYNC_CALL } from './timing';

export const NOTIFICATIONS_PATH = '/google/calendar/notifications';

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Google Calendar push channels (events.watch) for people's primary calendars. Each channel gets a
 * random id and a random token; Google echoes both in every notification, and Lume keeps only the
 * token's hash. A channel's row is written before Google is asked, because Google's first message
 * (`sync`) may arrive before its answer does.
 */
export class PushChannels {
  constructor(
    private readonly deps: {
      models: Models;
      google: GoogleClientFactory;
      publicUrl: string;
      log: Logger;
      now: () => Date;
    },
  ) {}

  /** A channel Google confirmed (its `sync` message came) that has not expired: push reaches Lume. */
  async live(userId: string): Promise<CalendarChannel | null> {
    return this.deps.models.CalendarChannel.findOne({
      where: { userId, confirmedAt: { [Op.ne]: null }, expiresAt: { [Op.gt]: this.deps.now() } },
      order: [['expiresAt', 'DESC']],
    });
  }

  /**
   * Make sure the person has a channel that outlives the renewal margin: the newest one when it does,
   * else a new one (the older ones stopped after it exists, so no change falls between). Answers when
   * to look again.
   */
  async ensure(user: User, signal?: AbortSignal): Promise<Date> {
    const { CalendarChannel } = this.deps.models;
    const now = this.deps.now().getTime();
    const channels = await CalendarChannel.findAll({
      where: { userId: user.id },
      order: [['createdAt', 'ASC']],
    });
    const current = channels
      .filter((c) => c.expiresAt && c.expiresAt.getTime() - CALENDAR_SYNC.channelRenewBeforeMs > now)
      .at(-1);
    if (current?.expiresAt) return new Date(current.expiresAt.getTime() - CALENDAR_SYNC.channelRenewBeforeMs);
    const made = await this.register(user, signal);
    for (const old of channels) await this.stop(user, old, signal);
    return new Date((made.expiresAt?.getTime() ?? now) - CALENDAR_SYNC.channelRenewBeforeMs);
  }

  private async register(user: User, signal?: AbortSignal): Promise<CalendarChannel> {
    const id = randomUUID();
    const token = randomBytes(32).toString('base64url');
    const row = await this.deps.models.CalendarChannel.create({
      id,
      userId: user.id,
      tokenHash: digest(token).toString('hex'),
      resourceId: null,
      expiresAt: null,
      confirmedAt: null,
      lastMessageAt: null,
    });
    try {
      const { apis } = await this.deps.google.forUser(user);
      const { data } = await apis.calendar().events.watch(
        {
          calendarId: 'primary',
          requestBody: {
            id,
            token,
            type: 'web_hook',
            address: `${this.deps.publicUrl}${NOTIFICATIONS_PATH}`,
            expiration: String(this.deps.now().getTime() + CALENDAR_SYNC.channelTtlMs),
          },
        },
        { ...SYNC_CALL, signal },
      );
      row.resourceId = data.resourceId ?? null;
      row.expiresAt = data.expiration ? new Date(Number(data.expiration)) : null;
      await row.save({ fields: ['resourceId', 'expiresAt'] });
      return row;
    } catch (err) {
      await row.destroy();
      throw err;
    }
  }

  /** Ask Google to stop one channel (already gone there counts as stopped), then forget it. */
  async stop(user: User, channel: CalendarChannel, signal?: AbortSignal): Promise<void> {
    try {
      if (channel.resourceId) {
        const { apis } = await this.deps.google.forUser(user);
        await apis
          .calendar()
          .channels.stop(
            { requestBody: { id: channel.id, resourceId: channel.resourceId } },
            { ...SYNC_CALL, signal },
          );
      }
    } catch (err) {
      // Unstopped, it expires on its own and its notifications find no row (404): log and let go.
      if (httpStatusOf(err) !== 404)
        this.deps.log.warn(
          { err, userId: user.id, channelId: channel.id },
          'could not stop a calendar push channel',
        );
    }
    await channel.destroy();
  }

  async stopAll(user: User, signal?: AbortSignal): Promise<void> {
    const channels = await this.deps.models.CalendarChannel.findAll({ where: { userId: user.id } });
    for (const c of channels) await this.stop(user, c, signal);
  }

  /** Forget every channel without asking Google (no grant left to ask with). */
  async drop(userId: string): Promise<void> {
    await this.deps.models.CalendarChannel.destroy({ where: { userId } });
  }

  /** The channel a notification names, when its token is the one Lume gave it (compared in constant time). */
  async verify(channelId: string, token: string): Promise<CalendarChannel | null> {
    const row = await this.deps.models.CalendarChannel.findByPk(channelId);
    const expected = row ? Buffer.from(row.tokenHash, 'hex') : digest('');
    const given = digest(token);
    return row && expected.length === given.length && timingSafeEqual(expected, given) ? row : null;
  }
}
