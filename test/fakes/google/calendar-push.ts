import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { googleError, grantOf, requireScopes } from './api-auth';
import { CALENDAR_READ, findCalendar } from './calendar';
import type { FakeGoogleState } from './state';

/** One events.watch channel the fake delivers to. */
export interface FakeChannel {
  id: string;
  token?: string;
  address: string;
  resourceId: string;
  resourceUri: string;
  sub: string;
  calendarId: string;
  expiration: number;
  messageNumber: number;
  stopped: boolean;
}

export interface PushDelivery {
  channelId: string;
  resourceState: string;
  status: number;
}

/** Google's default channel lifetime for Calendar (a week), and the longest it grants. */
const DEFAULT_TTL_MS = 7 * 24 * 3_600_000;
const MAX_TTL_MS = 30 * 24 * 3_600_000;

/**
 * Calendar push as Google does it: events.watch registers a web hook (Google posts a `sync` message
 * at once), channels.stop ends it, and every change to a watched calendar posts `exists` with
 * Google's headers and an empty body. Deliveries are recorded; `pushesSettled()` waits for them.
 */
export class FakeCalendarPush {
  readonly channels = new Map<string, FakeChannel>();
  readonly deliveries: PushDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Google refuses http:// addresses; the test servers are http, so the fake allows them unless told. */
  requireHttps = false;
  /** The fake's clock for channel expirations (specs align it with Lume's). */
  clock: () => number = Date.now;

  watch(
    sub: string,
    calendarId: string,
    body: calendar_v3.Schema$Channel,
  ): FakeChannel | { error: string; reason: string } {
    if (!body.id || !body.address || !['web_hook', 'webhook'].includes(body.type ?? ''))
      return { error: 'Required channel id, type web_hook and address.', reason: 'required' };
    if (this.channels.has(body.id)) return { error: 'Channel id not unique.', reason: 'channelIdNotUnique' };
    if (this.requireHttps && !body.address.startsWith('https://'))
      return { error: `WebHook callback must be HTTPS: ${body.address}`, reason: 'push.webhookUrlNotHttps' };
    const now = this.clock();
    const ttl = Number(body.params?.ttl);
    const asked = body.expiration ? Number(body.expiration) : now + (ttl > 0 ? ttl * 1000 : DEFAULT_TTL_MS);
    const channel: FakeChannel = {
      id: body.id,
      token: body.token ?? undefined,
      address: body.address,
      resourceId: `res-${randomBytes(9).toString('base64url')}`,
      resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events?alt=json`,
      sub,
      calendarId,
      expiration: Math.min(asked, now + MAX_TTL_MS),
      messageNumber: 0,
      stopped: false,
    };
    this.channels.set(channel.id, channel);
    setImmediate(() => this.deliver(channel, 'sync'));
    return channel;
  }

  /**
   * A change on a watched calendar (the write routes call it; specs too after editing events
   * directly). `calendarId`: the calendar's own id (its owner's email for the primary one), default all.
   */
  notify(sub: string, calendarId?: string): Promise<void> {
    for (const c of this.channels.values()) {
      if (
        c.sub === sub &&
        (!calendarId || c.calendarId === calendarId) &&
        !c.stopped &&
        c.expiration > this.clock()
      )
        this.deliver(c, 'exists');
    }
    return this.pushesSettled();
  }

  /** Resolves when every notification posted so far got its answer. */
  async pushesSettled(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  live(sub?: string): FakeChannel[] {
    return [...this.channels.values()].filter((c) => !c.stopped && (!sub || c.sub === sub));
  }

  private deliver(c: FakeChannel, resourceState: string): void {
    if (c.stopped) return;
    c.messageNumber += 1;
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': c.id,
      'X-Goog-Channel-Expiration': new Date(c.expiration).toUTCString(),
      'X-Goog-Resource-ID': c.resourceId,
      'X-Goog-Resource-URI': c.resourceUri,
      'X-Goog-Resource-State': resourceState,
      'X-Goog-Message-Number': String(c.messageNumber),
      ...(c.token ? { 'X-Goog-Channel-Token': c.token } : {}),
    };
    const sent = fetch(c.address, { method: 'POST', headers })
      .then(async (res) => {
        await res.arrayBuffer();
        this.deliveries.push({ channelId: c.id, resourceState, status: res.status });
      })
      .catch(() => {
        this.deliveries.push({ channelId: c.id, resourceState, status: 0 });
      })
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }
}

/** events.watch and channels.stop. */
export function calendarPushRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  router.post(
    '/calendar/v3/calendars/:calendarId/events/watch',
    requireScopes(state, CALENDAR_READ),
    (req, res) => {
      const cal = findCalendar(state, req, res);
      if (!cal) return;
      const made = state.calendarPush.watch(grantOf(res).sub, cal.entry.id ?? '', req.body ?? {});
      if ('error' in made) return googleError(res, 400, made.error, made.reason);
      res.json({
        kind: 'api#channel',
        id: made.id,
        resourceId: made.resourceId,
        resourceUri: made.resourceUri,
        ...(made.token ? { token: made.token } : {}),
        expiration: String(made.expiration),
      });
    },
  );
  router.post('/calendar/v3/channels/stop', requireScopes(state, CALENDAR_READ), (req, res) => {
    const { id, resourceId } = (req.body ?? {}) as calendar_v3.Schema$Channel;
    const c = id ? state.calendarPush.channels.get(id) : undefined;
    if (!c || c.stopped || c.resourceId !== resourceId || c.sub !== grantOf(res).sub)
      return googleError(res, 404, `Channel '${id}' not found for project '0'`, 'notFound');
    c.stopped = true;
    res.status(204).end();
  });
  return router;
}
