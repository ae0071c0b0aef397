import type { Models } from '../../models';
import type { Logger } from '../log';
import type { PushChannels } from './push-channels';

/** What Google's push headers say (X-Goog-Channel-ID, -Token, -Resource-ID, -Resource-State, -Message-Number). */
export interface PushNotification {
  channelId: string;
  token: string;
  resourceId: string;
  resourceState: 'sync' | 'exists' | 'not_exists';
  messageNumber?: number;
}

export type NotificationAnswer = { ok: true; synced: boolean } | { ok: false; reason: 'unknown_channel' };

/**
 * A push notification, verified: the channel must be one Lume made, the token the one it gave that
 * channel, and the resource the one Google watches for it — else nothing is written and no sync is
 * asked for (one answer for all three, so a guess learns nothing). Google's first message on a new
 * channel (`sync`) only confirms that push reaches Lume; a change (`exists`) asks for a debounced sync.
 */
export async function receiveNotification(
  deps: {
    models: Models;
    channels: PushChannels;
    request: (userId: string) => Promise<void>;
    log: Logger;
    now: () => Date;
  },
  n: PushNotification,
): Promise<NotificationAnswer> {
  const channel = await deps.channels.verify(n.channelId, n.token);
  if (!channel || (channel.resourceId !== null && channel.resourceId !== n.resourceId)) {
    deps.log.info(
      { channelId: n.channelId.slice(0, 64) },
      'calendar notification refused: unknown channel or token',
    );
    return { ok: false, reason: 'unknown_channel' };
  }
  const now = deps.now();
  channel.lastMessageAt = now;
  if (n.resourceState === 'sync') {
    channel.confirmedAt ??= now;
    await channel.save({ fields: ['lastMessageAt', 'confirmedAt'] });
    return { ok: true, synced: false };
  }
  await channel.save({ fields: ['lastMessageAt'] });
  await deps.request(channel.userId);
  return { ok: true, synced: true };
}
