import type { ChangeNotice } from '../../../notify/notices';
import { context, section } from '../text';
import { linkedTitle, personName, plainTitle } from './parts';
import type { RenderedNotice } from './rendered';
import { dayAndTime, eventWhen } from './when';

/**
 * A change notice: one short DM saying an accepted event moved ("moved from Tue, Mar 12, 10:00 AM to
 * Wed, Mar 13, 2:00 PM") or was cancelled by its organiser, with the event's link. Google strings escaped.
 */
export function changeMessage(n: ChangeNotice): RenderedNotice {
  const tz = n.timeZone;
  const titled = linkedTitle(n.event);
  const organizer = personName(n.organizer);
  const said =
    n.change.kind === 'moved'
      ? `moved from ${dayAndTime(n.change.fromStart, tz)} to ${dayAndTime(n.event.start, tz)}`
      : `(${eventWhen(n.event, tz)}) was cancelled by ${organizer}`;
  const icon = n.change.kind === 'moved' ? ':arrows_counterclockwise:' : ':no_entry_sign:';
  const blocks = [section(`${icon} ${titled} ${said}`)];
  if (n.change.kind === 'moved')
    blocks.push(context(`Now ${eventWhen(n.event, tz)} · moved by ${organizer}`));
  return { text: `${plainTitle(n.event)} ${said}`, blocks };
}
