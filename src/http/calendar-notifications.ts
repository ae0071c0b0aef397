import type { Request, Response } from 'express';
import { z } from 'zod';
import { NOTIFICATIONS_PATH } from '../calendar/push-channels';
import type { AppContext } from '../context';
import { PerMinuteLimiter } from '../rate-limit';
import {
  errorBody,
  INTERNAL_ERROR,
  internalErrorResponse,
  jsonResponse,
  type RouteDoc,
} from './openapi/route-doc';

/** Google's push headers, as Lume checks them before any lookup (channel ids are Lume's UUIDs). */
const Headers = z.object({
  'x-goog-channel-id': z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .meta({
      description: 'The channel id Lume gave events.watch.',
      example: '8f2d3c1e-5b7a-4e0f-9a61-2c4d8e9f0a1b',
    }),
  'x-goog-channel-token': z
    .string()
    .min(1)
    .max(256)
    .meta({ description: 'The secret Lume gave the channel.', example: 'kQ2…' }),
  'x-goog-resource-id': z
    .string()
    .min(1)
    .max(255)
    .meta({ description: "Google's id of the watched calendar." }),
  'x-goog-resource-state': z
    .enum(['sync', 'exists', 'not_exists'])
    .meta({ description: '`sync`: the channel is set up; `exists`: something on the calendar changed.' }),
  'x-goog-message-number': z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  'x-goog-resource-uri': z.string().max(2048).optional(),
  'x-goog-channel-expiration': z.string().max(64).optional(),
});

const Refused = errorBody(['bad_request', 'unknown_channel', 'rate_limited']);

/** Notifications one channel may send per minute (Google sends one per change; a sync is debounced anyway). */
export const NOTIFICATIONS_PER_CHANNEL_PER_MINUTE = 120;
/** And per client address, so forged traffic is bounded before it reaches the database. */
export const NOTIFICATIONS_PER_CLIENT_PER_MINUTE = 600;

/**
 * POST /google/calendar/notifications: Google Calendar push. Verified by channel id and token (and
 * resource id); anything else is a 4xx, writes nothing and asks for no sync. A change asks for one
 * debounced sync of that person's calendar; the route itself calls no Google API.
 */
export function calendarNotifications(ctx: AppContext) {
  const perChannel = new PerMinuteLimiter(NOTIFICATIONS_PER_CHANNEL_PER_MINUTE, ctx.now);
  const perClient = new PerMinuteLimiter(NOTIFICATIONS_PER_CLIENT_PER_MINUTE, ctx.now);
  return async (req: Request, res: Response) => {
    const parsed = Headers.safeParse(req.headers);
    if (!parsed.success)
      return res
        .status(400)
        .json(Refused.parse({ error: 'bad_request', message: 'Not a Google Calendar notification.' }));
    const h = parsed.data;
    if (!perClient.take(req.ip ?? 'unknown') || !perChannel.take(h['x-goog-channel-id']))
      return res
        .status(429)
        .set('Retry-After', '60')
        .json(Refused.parse({ error: 'rate_limited' }));
    let answer: Awaited<ReturnType<typeof ctx.calendarSync.notification>>;
    try {
      answer = await ctx.calendarSync.notification({
        channelId: h['x-goog-channel-id'],
        token: h['x-goog-channel-token'],
        resourceId: h['x-goog-resource-id'],
        resourceState: h['x-goog-resource-state'],
        messageNumber: h['x-goog-message-number'] ? Number(h['x-goog-message-number']) : undefined,
      });
    } catch (err) {
      // A 5xx makes Google retry the notification with backoff, which is what a failing database wants.
      ctx.log.error({ err }, 'calendar notification failed');
      return res
        .status(500)
        .json(INTERNAL_ERROR.parse({ error: 'internal_error', message: 'Something went wrong; try again.' }));
    }
    if (!answer.ok) return res.status(404).json(Refused.parse({ error: 'unknown_channel' }));
    res.status(204).end();
  };
}

export const calendarNotificationsDoc: RouteDoc = {
  method: 'post',
  path: NOTIFICATIONS_PATH,
  operation: {
    operationId: 'receiveCalendarNotification',
    tags: ['Google'],
    summary: 'Google Calendar push notification',
    description:
      "Google posts here (empty body) when a watched calendar changes. Lume checks the channel id, its token and the resource id, then syncs that person's calendar once per burst.",
    requestParams: { header: Headers },
    responses: {
      '204': { description: 'Accepted: `sync` confirms the channel, `exists` schedules a sync.' },
      '400': jsonResponse('The Google headers are missing or malformed.', Refused, {
        error: 'bad_request',
        message: 'Not a Google Calendar notification.',
      }),
      '404': jsonResponse('No channel with that id and token: nothing is done.', Refused, {
        error: 'unknown_channel',
      }),
      '429': jsonResponse('Too many notifications from this client or for this channel.', Refused, {
        error: 'rate_limited',
      }),
      '500': internalErrorResponse,
    },
  },
};
