import type { Agenda, AgendaEvent, AgendaMail, Part } from '../../agenda';
import { sharedAgenda } from '../../agenda/share';
import { formatDay } from '../../agenda/time';
import { gmailThreadUrl } from '../../google/links';
import { eventLine, mailLine, taskLine } from './agenda-lines';
import { type Block, context, divider, esc, header, SECTION_MAX, type SlackMessage, section } from './text';

const MAX_EVENTS = 25;
const MAX_TASKS = 15;

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
  const lines = top.map((m) => mailLine(gmailThreadUrl(email, m.threadId, 'inbox'), m));
  return titled(`:email: Mail — ${n} unread important`, lines);
}

/**
 * The agenda's blocks without a header, for the App Home (which has its own). Shared in a channel,
 * it leaves out mail — "share my day" means the schedule, not the subjects and senders of unread
 * mail — and shows the events as others may see them (agenda/share.ts).
 */
export function agendaBlocks(day: Agenda, shared = false): Block[] {
  const a = shared ? sharedAgenda(day) : day;
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
