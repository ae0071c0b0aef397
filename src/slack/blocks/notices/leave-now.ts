import { formatTime } from '../../../agenda/time';
import type { LeaveNowNotice } from '../../../notify/notices';
import { TRAVEL_MODE_WORDS, type TravelMode } from '../../../settings/rules';
import { ACTIONS } from '../action-ids';
import { type SlackMessage, section, truncate } from '../text';
import {
  buttonBlocks,
  inMinutes,
  joinButton,
  placeLine,
  timeRange,
  titleText,
  urlButton,
} from './reminder-pieces';

const MODE_ICON: Record<string, string> = {
  driving: ':car:',
  transit: ':bus:',
  walking: ':walking:',
  bicycling: ':bike:',
};

/** "25 minutes", "1 hour 5 minutes": the trip, rounded up to a whole minute as the due time is. */
export function tripText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} hour${h === 1 ? '' : 's'}` : '';
  const mins = m ? `${m} minute${m === 1 ? '' : 's'}` : '';
  return [hours, mins].filter(Boolean).join(' ');
}

/** Leave-now: when to leave, how long the trip takes in the person's mode, the route on Google Maps. */
export function leaveNowMessage(n: LeaveNowNotice): SlackMessage {
  const e = n.event;
  const mode = (TRAVEL_MODE_WORDS as Record<string, string>)[n.travelMode] ?? n.travelMode;
  const trip = `${tripText(n.travelSeconds)} ${mode}`;
  const leave = n.minutesToGo > 0 ? `Leave ${inMinutes(n.minutesToGo)}` : 'Time to leave';
  const lines = [
    `${MODE_ICON[n.travelMode as TravelMode] ?? ':round_pushpin:'} *${leave}* for ${titleText(e)}: the trip takes *${trip}*`,
    `:clock3: ${timeRange(e, n.timeZone)}`,
    placeLine(e),
  ].filter(Boolean);
  return {
    text: `${leave} for ${truncate(e.title, 150)} (${formatTime(e.start, n.timeZone)}): ${trip}`,
    blocks: [
      section(lines.join('\n')),
      ...buttonBlocks(
        e,
        [urlButton(ACTIONS.routeLink, 'Route on Google Maps', n.routeUrl, true), joinButton(e)],
        n.rsvp,
      ),
    ],
  };
}
