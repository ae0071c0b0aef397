import { z } from 'zod';
import { parseLocal, toLocalIso } from '../time/zone';
import { FREEBUSY_SCOPES } from './check-free-busy';
import { ToolInputError } from './errors';
import { FREEBUSY_MAX_CALENDARS } from './lib/free-busy';
import { chooseSlots, WORKDAY } from './lib/meeting-slots';
import { resolvePeople, type Teammate } from './lib/resolve-people';
import { teamBusy } from './lib/team-busy';
import { teamPeopleField, viewedChannelPeople } from './lib/team-people';
import { humanTime, localTimeField } from './lib/time';
import { defineTool, type ToolContext } from './types';

const DAY_MS = 24 * 3600_000;
/** The longest window searched at once: two weeks of working days is what people mean by "soon". */
export const MAX_WINDOW_DAYS = 31;
const MAX_SLOTS = 3;

const input = z.object({
  people: teamPeopleField,
  includeViewedChannel: z
    .boolean()
    .optional()
    .describe(
      'True when the user means "the people in this channel": the members of the channel they have open in Slack (capped; the result says so).',
    ),
  durationMinutes: z.number().int().min(5).max(480).describe('Length of the meeting in minutes.'),
  start: localTimeField('Search from'),
  end: localTimeField('Search until'),
  title: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Title of the event if the user picks a time (default: "Meeting with <names>").'),
});
type Input = z.infer<typeof input>;

interface Slot {
  start: string;
  end: string;
  text: string;
}

interface Found {
  timeZone: string;
  durationMinutes: number;
  title: string;
  attendees: { name: string; email: string; timeZone?: string; calendar: 'checked' | 'not visible' }[];
  slots: Slot[];
  guests: string[];
}

const names = (people: Teammate[]) => {
  const list = people.map((p) => p.name.split(' ')[0]);
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
};

function window(args: Input, ctx: ToolContext) {
  const tz = ctx.timeZone;
  const start = Math.max(parseLocal(args.start, tz).getTime(), ctx.now().getTime());
  const end = parseLocal(args.end, tz).getTime();
  if (end <= start) throw new ToolInputError('The search window must end after it starts (and after now).');
  if (end - start > MAX_WINDOW_DAYS * DAY_MS)
    throw new ToolInputError(`Search at most ${MAX_WINDOW_DAYS} days at once.`);
  return { start, end };
}

export const findMeetingTime = defineTool({
  name: 'find_meeting_time',
  description: `Find times when the user and their teammates are all free, for "find 30 minutes with @maria and @tom next week". People are Slack mentions, names or e-mail addresses; Lume resolves them (never guess an address) and reads only busy times (never titles or details) of each. Slots are inside everyone's working hours (${WORKDAY.start}–${WORKDAY.end} in each person's own Slack time zone, weekdays), soon, and spare people's focus time. Up to ${MAX_SLOTS} slots are shown to the user as buttons; picking one shows the usual Confirm card for the event with those guests and a Google Meet link — do not call create_event for these slots yourself. Tell the user whom you could not find or whose calendar you cannot see.`,
  input,
  scopes: FREEBUSY_SCOPES,
  sideEffect: false,
  async handler(args, ctx) {
    const team = ctx.team;
    if (!team) throw new ToolInputError('Finding a time with teammates works only inside Slack.');
    const range = window(args, ctx);
    const channel = args.includeViewedChannel ? await viewedChannelPeople(team) : undefined;
    const refs = [...args.people, ...(channel?.refs ?? [])];
    if (!refs.length) throw new ToolInputError(channel?.note ?? 'Name at least one person to meet with.');
    const { people, unresolved } = await resolvePeople(team, refs, ctx.user.email);
    if (people.length >= FREEBUSY_MAX_CALENDARS)
      throw new ToolInputError(`Lume can look for a time for at most ${FREEBUSY_MAX_CALENDARS - 1} people.`);
    const tz = ctx.timeZone;
    const busy = people.length
      ? await teamBusy(ctx, people, new Date(range.start), new Date(range.end))
      : undefined;
    const attendees = [
      { timeZone: tz, busy: busy?.self },
      ...people.map((p) => ({ timeZone: p.timeZone, busy: busy?.byEmail.get(p.email.toLowerCase()) })),
    ];
    const slots = people.length
      ? chooseSlots(attendees, { window: range, minutes: args.durationMinutes, max: MAX_SLOTS, timeZone: tz })
      : [];
    const unseen = new Set(busy?.unseen.map((p) => p.email));
    const found: Found = {
      timeZone: tz,
      durationMinutes: args.durationMinutes,
      title: args.title ?? (people.length ? `Meeting with ${names(people)}` : 'Meeting'),
      attendees: people.map((p) => ({
        name: p.name,
        email: p.email,
        ...(p.timeZone ? { timeZone: p.timeZone } : {}),
        calendar: unseen.has(p.email) ? 'not visible' : 'checked',
      })),
      slots: slots.map((s) => ({
        start: toLocalIso(new Date(s.start), tz),
        end: toLocalIso(new Date(s.end), tz),
        text: humanTime(new Date(s.start), tz),
      })),
      guests: people.map((p) => p.email),
    };
    return {
      ...found,
      ...(unresolved.length ? { couldNotFind: unresolved.map((u) => `${u.ref}: ${u.why}`) } : {}),
      ...(unseen.size
        ? {
            cannotSeeCalendars: people.filter((p) => unseen.has(p.email)).map((p) => p.name),
            cannotSeeNote:
              'Their calendars are not shared with the user and they have not linked Lume: the slots ignore their meetings. Say so (e.g. "I can\'t see Tom\'s calendar").',
          }
        : {}),
      ...(busy && !busy.self
        ? { ownCalendar: "Google did not say when the user is busy; the slots ignore the user's meetings." }
        : {}),
      ...(people.some((p) => !p.timeZone)
        ? { outsideSlack: 'Guests outside Slack: Lume does not know their working hours.' }
        : {}),
      ...(channel ? { channel: channel.note } : {}),
      ...(people.length && !slots.length
        ? { note: 'No time of that length suits everyone in the window.' }
        : {}),
    };
  },
  offer(output, _args, ctx) {
    const found = output as Found;
    if (!found.slots?.length) return undefined;
    return {
      prompt: `Pick a time for “${found.title}” (${found.durationMinutes} min) with ${found.attendees.map((a) => a.name).join(', ')}:`,
      toolName: 'create_event',
      choices: found.slots.map((slot) => ({
        label: humanTime(parseLocal(slot.start, ctx.timeZone), ctx.timeZone),
        input: {
          title: found.title,
          start: slot.start,
          end: slot.end,
          attendees: found.guests,
          addMeetLink: true,
        },
      })),
    };
  },
});
