import type { Agenda, AgendaEvent, AgendaMail, AgendaTask, Part } from '../agenda';
import { formatDay, formatShortDay, formatTime } from '../agenda/time';
import {
  type Block,
  context,
  divider,
  esc,
  header,
  link,
  SECTION_MAX,
  type SlackMessage,
  section,
  truncate,
} from './text';

const MAX_EVENTS = 25;
const MAX_TASKS = 15;

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

function eventLine(e: AgendaEvent, tz: string): string {
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

function taskLine(t: AgendaTask, overdue: boolean): string {
  const title = linked(t.link, t.title, TITLE_MAX);
  const list = esc(truncate(t.list, LIST_MAX));
  return overdue ? `:warning: ${title} _(due ${formatShortDay(t.due)} · ${list})_` : `• ${title} _(${list})_`;
}

/** Lines under a bold title, split across sections so none passes Slack's 3000-character limit. */
function titled(title: string, lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current = `*${title}*`;
  for (const line of lines) {
    if (current.length + line.length + 1 > SECTION_MAX) {
      blocks.push(section(current));
      current = line;
    } else current += `\n${line}`;
  }
  blocks.push(section(current));
  return blocks;
}

function more(total: number, shown: number): string[] {
  return total > shown ? [`_…and ${total - shown} more_`] : [];
}

function calendarBlocks(part: Part<AgendaEvent[]>, tz: string): Block[] {
  if (!part.ok) return titled(':calendar: Calendar', [`:warning: ${part.note}`]);
  if (!part.value.length) return titled(':calendar: Calendar', ['Nothing on your calendar today.']);
  const shown = part.value.slice(0, MAX_EVENTS);
  return titled(':calendar: Calendar', [
    ...shown.map((e) => eventLine(e, tz)),
    ...more(part.value.length, shown.length),
  ]);
}

function taskBlocks(part: Agenda['tasks']): Block[] {
  if (!part.ok) return titled(':ballot_box_with_check: Tasks', [`:warning: ${part.note}`]);
  const { overdue, today } = part.value;
  if (!overdue.length && !today.length)
    return titled(':ballot_box_with_check: Tasks', ['No tasks due today.']);
  const lines = [...overdue.map((t) => taskLine(t, true)), ...today.map((t) => taskLine(t, false))];
  const shown = lines.slice(0, MAX_TASKS);
  const heading = `:ballot_box_with_check: Tasks — ${today.length} due today${overdue.length ? `, ${overdue.length} overdue` : ''}`;
  return titled(heading, [...shown, ...more(lines.length, shown.length)]);
}

function mailBlocks(part: Part<AgendaMail>, email: string): Block[] {
  if (!part.ok) return titled(':email: Mail', [`:warning: ${part.note}`]);
  const { count, more: hasMore, top } = part.value;
  if (count === 0) return titled(':email: Mail', ['No unread important mail. :tada:']);
  const n = `${count}${hasMore ? '+' : ''}`;
  const gmail = (threadId: string) =>
    `https://mail.google.com/mail/?authuser=${encodeURIComponent(email)}#inbox/${encodeURIComponent(threadId)}`;
  const lines = top.map(
    (m) =>
      `• ${linked(gmail(m.threadId), m.subject, TITLE_MAX)}${m.from ? ` — ${esc(truncate(m.from, FROM_MAX))}` : ''}`,
  );
  return titled(`:email: Mail — ${n} unread important`, lines);
}

/**
 * The agenda's blocks without a header, for the App Home (which has its own). Shared in a channel,
 * it leaves out mail: "share my day" means the schedule, not the subjects and senders of unread mail.
 */
export function agendaBlocks(a: Agenda, shared = false): Block[] {
  return [
    ...calendarBlocks(a.events, a.timeZone),
    divider(),
    ...taskBlocks(a.tasks),
    ...(shared ? [] : [divider(), ...mailBlocks(a.mail, a.email)]),
  ];
}

/** Plain-text summary for notifications and screen readers. */
export function agendaSummary(a: Agenda, shared = false): string {
  const parts = [
    a.events.ok
      ? `${a.events.value.length} event${a.events.value.length === 1 ? '' : 's'}`
      : 'calendar unavailable',
    a.tasks.ok
      ? `${a.tasks.value.today.length} task(s) due, ${a.tasks.value.overdue.length} overdue`
      : 'tasks unavailable',
    a.mail.ok
      ? `${a.mail.value.count}${a.mail.value.more ? '+' : ''} unread important email(s)`
      : 'mail unavailable',
  ].slice(0, shared ? 2 : 3);
  return `Your day, ${formatDay(a.date)}: ${parts.join(', ')}.`;
}

/**
 * "Times in Europe/Paris". UTC is also what Lume falls back to when Slack has no zone for the
 * person, so it comes with the way to fix it rather than silently showing times hours off.
 */
export function zoneLine(timeZone: string): string {
  return timeZone === 'UTC'
    ? "Times in UTC — if that isn't your time zone, set yours in Slack (Preferences → Language & region)"
    : `Times in ${esc(timeZone)}`;
}

/** `/lume today`: header, zone line, then the three sections (calendar and tasks only when shared). */
export function agendaMessage(a: Agenda, opts: { shared?: boolean } = {}): SlackMessage {
  const shared = opts.shared ?? false;
  return {
    text: agendaSummary(a, shared),
    blocks: [
      header(`${shared ? 'Today' : 'Your day'} — ${formatDay(a.date)}`),
      context(`${zoneLine(a.timeZone)}${shared ? '' : ` · ${esc(a.email)}`}`),
      divider(),
      ...agendaBlocks(a, shared),
    ],
  };
}
