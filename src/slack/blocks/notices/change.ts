import type { ChangeNotice } from '../../../notify/notices';
import { context, esc, link, section, truncate } from '../text';
import type { RenderedNotice } from './rendered';
import { dayAndTime, eventWhen } from './when';

const TITLE_MAX = 150;
const NAME_MAX = 80;
const URL_MAX = 1000;

/**
 * A change notice: one short DM saying an accepted event moved ("moved from Tue, Mar 12, 10:00 AM to
 * Wed, Mar 13, 2:00 PM") or was cancelled by its organiser, with the event's link. Google strings escaped.
 */
export function changeMessage(n: ChangeNotice): RenderedNotice {
  const tz = n.timeZone;
  const title = truncate(n.event.title, TITLE_MAX);
  const titled =
    n.event.htmlLink && n.event.htmlLink.length <= URL_MAX
      ? link(n.event.htmlLink, title)
      : `*${esc(title)}*`;
  const organizer = esc(truncate(n.organizer, NAME_MAX));
  const said =
    n.change.kind === 'moved'
      ? `moved from ${dayAndTime(n.change.fromStart, tz)} to ${dayAndTime(n.event.start, tz)}`
      : `(${eventWhen(n.event, tz)}) was cancelled by ${organizer}`;
  const icon = n.change.kind === 'moved' ? ':arrows_counterclockwise:' : ':no_entry_sign:';
  const blocks = [section(`${icon} ${titled} ${said}`)];
  if (n.change.kind === 'moved')
    blocks.push(context(`Now ${eventWhen(n.event, tz)} · moved by ${organizer}`));
  return { text: `${esc(title)} ${said}`, blocks };
}
