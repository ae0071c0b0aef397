import type { types } from '@slack/bolt';
import { formatTime } from '../../../agenda/time';
import type { NoticeEvent, RsvpTarget } from '../../../notify/notices';
import { ACTIONS } from '../action-ids';
import { type Block, esc, link, truncate } from '../text';
import { rsvpButtons } from './rsvp-buttons';

/** What reminders and leave-now share: the event's title, time and place, and its buttons. */

const TITLE_MAX = 150;
const PLACE_MAX = 200;
/** Slack refuses a button URL longer than 3000 characters; no real Meet, Zoom or Maps link is. */
const BUTTON_URL_MAX = 3000;

/** The title (linked to the event in Google Calendar), escaped and cut. */
export function titleText(e: NoticeEvent): string {
  const title = truncate(e.title, TITLE_MAX);
  return e.htmlLink && e.htmlLink.length <= BUTTON_URL_MAX ? link(e.htmlLink, title) : esc(title);
}

/** "10:00 AM – 10:30 AM" in the person's zone. */
export const timeRange = (e: NoticeEvent, tz: string): string =>
  e.end.getTime() > e.start.getTime()
    ? `${formatTime(e.start, tz)} – ${formatTime(e.end, tz)}`
    : formatTime(e.start, tz);

export const placeLine = (e: NoticeEvent): string | null =>
  e.location ? `:round_pushpin: ${esc(truncate(e.location, PLACE_MAX))}` : null;

/** "in 5 minutes", "in 1 minute", or "now". */
export const inMinutes = (n: number): string => (n <= 0 ? 'now' : `in ${n} minute${n === 1 ? '' : 's'}`);

/** A URL button: Slack opens the link and still sends a block_actions payload, which Lume acks. */
export function urlButton(
  actionId: string,
  label: string,
  url: string,
  primary = false,
): types.Button | null {
  if (!/^https?:\/\//i.test(url) || url.length > BUTTON_URL_MAX) return null;
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
    url,
    ...(primary ? { style: 'primary' as const } : {}),
  };
}

export const joinButton = (e: NoticeEvent): types.Button | null =>
  e.joinUrl ? urlButton(ACTIONS.joinLink, 'Join', e.joinUrl, true) : null;

/** The link buttons (when there are any), then Yes / Maybe / No for an unanswered invitation. */
export function buttonBlocks(
  e: NoticeEvent,
  links: (types.Button | null)[],
  rsvp: RsvpTarget | null,
): Block[] {
  const elements = links.filter((b): b is types.Button => b !== null);
  return [
    ...(elements.length ? [{ type: 'actions', block_id: 'lume_links', elements } as Block] : []),
    ...(rsvp
      ? [
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: 'You have not answered this invitation yet. Going?' }],
          } as Block,
          rsvpButtons({ e: e.eventId, u: rsvp.owner, v: rsvp.version }),
        ]
      : []),
  ];
}
