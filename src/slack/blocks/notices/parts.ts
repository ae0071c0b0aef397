import type { NoticeEvent } from '../../../notify/notices';
import { esc, link, truncate } from '../text';

/** Caps on what Google hands us, applied before escaping (a title can be a pasted paragraph). */
const TITLE_MAX = 150;
const NAME_MAX = 80;
/** No real Calendar link is longer: a longer one is not linked at all. */
const URL_MAX = 1000;

/** The event's title, capped, as the notification text shows it (escaped). */
export const plainTitle = (e: NoticeEvent) => esc(truncate(e.title, TITLE_MAX));

/** The event's title linked to its page in Google Calendar (escaped; bold when there is no link). */
export function linkedTitle(e: NoticeEvent): string {
  const title = truncate(e.title, TITLE_MAX);
  return e.htmlLink && e.htmlLink.length <= URL_MAX ? link(e.htmlLink, title) : `*${esc(title)}*`;
}

/** A person as Google names them (an organiser), capped and escaped. */
export const personName = (name: string) => esc(truncate(name, NAME_MAX));
