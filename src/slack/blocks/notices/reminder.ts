import { formatTime } from '../../../agenda/time';
import type { ReminderNotice } from '../../../notify/notices';
import { type SlackMessage, section, truncate } from '../text';
import { buttonBlocks, inMinutes, joinButton, placeLine, timeRange, titleText } from './reminder-pieces';

/** A meeting reminder: title, time in the person's zone, place, Join, and RSVP for an unanswered invitation. */
export function reminderMessage(n: ReminderNotice): SlackMessage {
  const e = n.event;
  const when = inMinutes(n.minutesToGo);
  const lines = [
    `:bell: ${titleText(e)} starts ${when === 'now' ? 'now' : `*${when}*`}`,
    `:clock3: ${timeRange(e, n.timeZone)}`,
    placeLine(e),
  ].filter(Boolean);
  return {
    text: `${truncate(e.title, 150)} starts ${when} (${formatTime(e.start, n.timeZone)})`,
    blocks: [section(lines.join('\n')), ...buttonBlocks(e, [joinButton(e)], n.rsvp)],
  };
}
