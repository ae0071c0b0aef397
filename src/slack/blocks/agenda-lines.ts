import type { AgendaEvent, AgendaTask } from '../../agenda';
import { formatShortDay, formatTime } from '../../agenda/time';
import { esc, link, truncate } from './text';

/** One agenda line per event, task or mail, in mrkdwn; blocks/agenda.ts groups them into sections. */

/**
 * Caps on what Google hands us (a title can be a pasted paragraph), applied before escaping and
 * linking so every line stays short enough that a full day fits Slack's 50 blocks. A URL longer
 * than URL_MAX is not linked at all: no real Meet, Zoom or Calendar link is that long.
 */
const TITLE_MAX = 150;
const PLACE_MAX = 150;
const FROM_MAX = 80;
const LIST_MAX = 60;
const URL_MAX = 1000;

/** Link text from Google (title, subject), cut to `max` characters before escaping. */
const linked = (url: string | undefined, text: string, max: number) =>
  url && url.length <= URL_MAX ? link(url, truncate(text, max)) : esc(truncate(text, max));

// "…" ends a URL too: truncate() may have cut one.
const URLS = /https?:\/\/[^\s<>|"\u2026]+/gi;

/**
 * A location as text: escaped, with any URL in it as an explicit link labelled with the URL itself
 * (these sections are verbatim, so Slack does not auto-link; a label other than the URL could lie).
 */
function placeText(location: string): string {
  const text = truncate(location, PLACE_MAX);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(URLS)) {
    out += esc(text.slice(at, m.index));
    out += link(m[0], m[0].replace(/^https?:\/\//i, ''));
    at = (m.index ?? 0) + m[0].length;
  }
  return out + esc(text.slice(at));
}

const RESPONSE_NOTE = { tentative: ' _(maybe)_', needsAction: ' _(not answered yet)_' } as const;

export function eventLine(e: AgendaEvent, tz: string): string {
  let when: string;
  if (e.allDay || !e.start || !e.end) when = 'All day';
  else if (e.startedEarlier && e.endsLater) when = 'All day (continues)';
  else if (e.startedEarlier) when = `until ${formatTime(e.end, tz)}`;
  else if (e.endsLater) when = `${formatTime(e.start, tz)} onwards`;
  else when = `${formatTime(e.start, tz)} – ${formatTime(e.end, tz)}`;
  const title = linked(e.htmlLink, e.title, TITLE_MAX);
  const note = e.myResponse ? RESPONSE_NOTE[e.myResponse] : '';
  const extras = [
    e.location ? `:round_pushpin: ${placeText(e.location)}` : '',
    e.joinUrl && e.joinUrl.length <= URL_MAX ? `:movie_camera: ${link(e.joinUrl, 'Join')}` : '',
  ].filter(Boolean);
  return `*${when}* · ${title}${note}${extras.length ? `\n      ${extras.join('  ')}` : ''}`;
}

export function taskLine(t: AgendaTask, overdue: boolean): string {
  const title = linked(t.link, t.title, TITLE_MAX);
  const list = esc(truncate(t.list, LIST_MAX));
  return overdue ? `:warning: ${title} _(due ${formatShortDay(t.due)} · ${list})_` : `• ${title} _(${list})_`;
}

export function mailLine(url: string, m: { subject: string; from: string }): string {
  return `• ${linked(url, m.subject, TITLE_MAX)}${m.from ? ` — ${esc(truncate(m.from, FROM_MAX))}` : ''}`;
}
