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
} from './text';

const MAX_EVENTS = 25;
const MAX_TASKS = 15;

function eventLine(e: AgendaEvent, tz: string): string {
  let when: string;
  if (e.allDay || !e.start || !e.end) when = 'All day';
  else if (e.startedEarlier && e.endsLater) when = 'All day (continues)';
  else if (e.startedEarlier) when = `until ${formatTime(e.end, tz)}`;
  else if (e.endsLater) when = `${formatTime(e.start, tz)} onwards`;
  else when = `${formatTime(e.start, tz)} – ${formatTime(e.end, tz)}`;
  const title = e.htmlLink ? link(e.htmlLink, e.title) : esc(e.title);
  const extras = [
    e.location ? `:round_pushpin: ${esc(e.location)}` : '',
    e.joinUrl ? `:movie_camera: ${link(e.joinUrl, 'Join')}` : '',
  ].filter(Boolean);
  return `*${when}* · ${title}${extras.length ? `\n      ${extras.join('  ')}` : ''}`;
}

function taskLine(t: AgendaTask, overdue: boolean): string {
  const title = t.link ? link(t.link, t.title) : esc(t.title);
  return overdue
    ? `:warning: ${title} _(due ${formatShortDay(t.due)} · ${esc(t.list)})_`
    : `• ${title} _(${esc(t.list)})_`;
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
  const lines = top.map((m) => `• ${link(gmail(m.threadId), m.subject)}${m.from ? ` — ${esc(m.from)}` : ''}`);
  return titled(`:email: Mail — ${n} unread important`, lines);
}

/** The agenda's blocks without a header, for the App Home (which has its own). */
export function agendaBlocks(a: Agenda): Block[] {
  return [
    ...calendarBlocks(a.events, a.timeZone),
    divider(),
    ...taskBlocks(a.tasks),
    divider(),
    ...mailBlocks(a.mail, a.email),
  ];
}

/** Plain-text summary for notifications and screen readers. */
export function agendaSummary(a: Agenda): string {
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
  ];
  return `Your day, ${formatDay(a.date)}: ${parts.join(', ')}.`;
}

/** `/lume today`: header, zone line, then the three sections. */
export function agendaMessage(a: Agenda): SlackMessage {
  return {
    text: agendaSummary(a),
    blocks: [
      header(`Your day — ${formatDay(a.date)}`),
      context(`Times in ${esc(a.timeZone)} · ${esc(a.email)}`),
      divider(),
      ...agendaBlocks(a),
    ],
  };
}
