import { z } from 'zod';
import { parseLocal, toLocalIso } from '../time/zone';
import { ToolInputError } from './errors';
import { callOptions } from './lib/call-options';
import { calendarIdField } from './lib/events';
import { mapsRequest } from './lib/maps';
import { localTimeField } from './lib/time';
import { defineTool, type ToolContext } from './types';

export const ROUTES_FIELD_MASK = [
  'routes.duration',
  'routes.staticDuration',
  'routes.distanceMeters',
  'routes.localizedValues',
];

const input = z.object({
  origin: z
    .string()
    .min(2)
    .max(300)
    .describe('Where the trip starts: an address or place name the user gave (ask if unknown; never guess).'),
  originPlaceId: z
    .string()
    .optional()
    .describe('placeId from search_places for the origin, when known (more precise than text).'),
  destination: z
    .string()
    .max(300)
    .optional()
    .describe('Where to: an address or place name. Omit when using destinationEventId.'),
  destinationPlaceId: z.string().optional().describe('placeId from search_places for the destination.'),
  destinationEventId: z
    .string()
    .optional()
    .describe("A calendar event id from list_events: travel to that event's location."),
  calendarId: calendarIdField,
  travelMode: z
    .enum(['DRIVE', 'WALK', 'BICYCLE', 'TRANSIT'])
    .optional()
    .describe('How the user travels (default DRIVE).'),
  departAt: localTimeField('Departure time')
    .optional()
    .describe('When the user leaves, local ISO 8601; default now.'),
});
type Input = z.infer<typeof input>;

interface RoutesAnswer {
  routes?: {
    duration?: string;
    staticDuration?: string;
    distanceMeters?: number;
    localizedValues?: { distance?: { text?: string }; duration?: { text?: string } };
  }[];
}

const seconds = (d: string | undefined) => Number.parseInt(d ?? '0', 10);

/** The destination waypoint and, for an event, its start (to say when to leave). */
async function destinationOf(args: Input, ctx: ToolContext) {
  if (args.destinationPlaceId)
    return {
      waypoint: { placeId: args.destinationPlaceId },
      label: args.destination ?? args.destinationPlaceId,
    };
  if (args.destination) return { waypoint: { address: args.destination }, label: args.destination };
  if (!args.destinationEventId)
    throw new ToolInputError('Give a destination, a destinationPlaceId or a destinationEventId.');
  const event = (
    await ctx.google
      .calendar()
      .events.get(
        { calendarId: args.calendarId ?? 'primary', eventId: args.destinationEventId },
        callOptions(ctx),
      )
  ).data;
  if (!event.location)
    throw new ToolInputError(`The event "${event.summary ?? ''}" has no location to travel to.`);
  // A Zoom or Teams link pasted as the location: Routes would only answer "not found".
  if (/^\s*https?:\/\/\S+\s*$/i.test(event.location))
    throw new ToolInputError(
      `The event "${event.summary ?? ''}" is online (its location is a link), so there is nowhere to travel to.`,
    );
  const start = event.start?.dateTime
    ? parseLocal(event.start.dateTime, event.start.timeZone ?? ctx.timeZone)
    : undefined;
  return {
    waypoint: { address: event.location },
    label: event.location,
    event: { title: event.summary, start },
  };
}

export const getTravelTime = defineTool({
  name: 'get_travel_time',
  description:
    "Travel time and distance between two places, or from a place to a calendar event's location (destinationEventId), by car, on foot, by bike or by transit, with traffic for driving. For an event it also says when to leave. Use addresses or place names the user gave or that appear in their data; never invent an origin.",
  input,
  scopes: [],
  requiresMaps: true,
  sideEffect: false,
  async handler(args, ctx) {
    const mode = args.travelMode ?? 'DRIVE';
    const dest = await destinationOf(args, ctx);
    const depart = args.departAt ? parseLocal(args.departAt, ctx.timeZone) : undefined;
    const body = {
      origin: args.originPlaceId ? { placeId: args.originPlaceId } : { address: args.origin },
      destination: dest.waypoint,
      travelMode: mode,
      // Traffic applies to driving only; the Routes API rejects a routing preference for other modes.
      ...(mode === 'DRIVE' ? { routingPreference: 'TRAFFIC_AWARE' } : {}),
      // Google refuses departure times in the past; "now" is its default anyway.
      ...(depart && depart > ctx.now() ? { departureTime: depart.toISOString() } : {}),
    };
    const data = await mapsRequest<RoutesAnswer>(ctx, 'routes', {
      method: 'POST',
      path: '/directions/v2:computeRoutes',
      fieldMask: ROUTES_FIELD_MASK,
      body,
    });
    const route = data.routes?.[0];
    if (!route)
      return {
        found: false,
        note: `No ${mode.toLowerCase()} route found from "${args.origin}" to "${dest.label}".`,
      };
    const travel = seconds(route.duration);
    // Leave on a whole minute, early enough to arrive on time.
    const leaveBy = dest.event?.start
      ? new Date(dest.event.start.getTime() - Math.ceil(travel / 60) * 60_000)
      : undefined;
    return {
      found: true,
      from: args.origin,
      to: dest.label,
      travelMode: mode,
      durationMinutes: Math.round(travel / 60),
      duration: route.localizedValues?.duration?.text,
      ...(route.staticDuration && seconds(route.staticDuration) !== travel
        ? { withoutTrafficMinutes: Math.round(seconds(route.staticDuration) / 60) }
        : {}),
      distanceKm: Math.round((route.distanceMeters ?? 0) / 100) / 10,
      distance: route.localizedValues?.distance?.text,
      ...(dest.event
        ? {
            event: dest.event.title,
            eventStart: dest.event.start && toLocalIso(dest.event.start, ctx.timeZone),
          }
        : {}),
      ...(leaveBy ? { leaveBy: toLocalIso(leaveBy, ctx.timeZone) } : {}),
    };
  },
});
