import { addDays, localDate, parseLocal } from '../../time/zone';
import { type Interval, mergeIntervals } from './free-busy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEP = 15 * MINUTE;

/** Working hours when Lume knows no better: 09:00–17:00 in each person's own zone, Monday to Friday. */
export const WORKDAY: Workday = { start: '09:00', end: '17:00' };

/** Start and end of a working day, HH:MM local. */
export interface Workday {
  start: string;
  end: string;
}

/**
 * How slots are weighed (lower is better). Sooner wins: each later day costs DAY_COST, and within a
 * day earlier is slightly better. A slot that leaves someone a free gap of FRAGMENT_MIN–FOCUS_KEEP
 * minutes next to a meeting (too short to use) costs FRAGMENT_COST; one that splits a free run of
 * FOCUS_RUN or more so that no piece of FOCUS_RUN is left costs FOCUS_COST — per person each.
 */
export const SLOT_WEIGHTS = {
  DAY_COST: 1,
  PER_HOUR_OF_DAY: 0.02,
  FRAGMENT_COST: 0.3,
  FOCUS_COST: 0.6,
  FRAGMENT_MIN: 15 * MINUTE,
  FRAGMENT_MAX: 30 * MINUTE,
  FOCUS_RUN: 2 * HOUR,
};

export interface SlotAttendee {
  /** Their IANA zone (working hours are theirs); undefined for people outside the workspace. */
  timeZone?: string;
  /** Their busy times; undefined when their calendar cannot be seen (working hours still apply). */
  busy?: Interval[];
}

export interface SlotRequest {
  /** Already starting no earlier than now. */
  window: Interval;
  minutes: number;
  max: number;
  /** The zone whose calendar days "soon" counts in: the person asking. */
  timeZone: string;
  workday?: Workday;
}

export interface ScoredSlot extends Interval {
  cost: number;
}

/** Sunday or Saturday, for a calendar date (plain date arithmetic: no zone is involved). */
const isWeekend = (ymd: string) => [0, 6].includes(new Date(`${ymd}T12:00:00Z`).getUTCDay());

/** One person's working hours inside the window, as instants (DST days are just shorter or longer nights). */
export function workingHours(timeZone: string, window: Interval, workday: Workday = WORKDAY): Interval[] {
  const out: Interval[] = [];
  const last = localDate(new Date(window.end), timeZone);
  for (let day = localDate(new Date(window.start - DAY), timeZone); day <= last; day = addDays(day, 1)) {
    if (isWeekend(day)) continue;
    const open = parseLocal(`${day}T${workday.start}`, timeZone).getTime();
    const close = parseLocal(`${day}T${workday.end}`, timeZone).getTime();
    const start = Math.max(open, window.start);
    const end = Math.min(close, window.end);
    if (start < end) out.push({ start, end });
  }
  return out;
}

/** Where two sorted interval lists overlap. */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** The free gaps (free for every attendee whose calendar is seen) inside everyone's working hours. */
function commonFree(attendees: Scored[], req: SlotRequest): Interval[] {
  let open: Interval[] = [req.window];
  for (const a of attendees) if (a.hours) open = intersect(open, a.hours);
  const busy = mergeIntervals(attendees.map((a) => a.busy ?? []));
  const free: Interval[] = [];
  for (const o of open) {
    let cursor = o.start;
    for (const b of busy) {
      if (b.end <= cursor || b.start >= o.end) continue;
      if (b.start > cursor) free.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < o.end) free.push({ start: cursor, end: o.end });
  }
  return free;
}

/** An attendee with their working hours worked out once for the whole search. */
type Scored = SlotAttendee & { hours?: Interval[] };

/** The cost one person bears for a slot: a leftover fragment beside a meeting, or a broken focus run. */
function personCost(a: Scored, slot: Interval): number {
  if (!a.hours || !a.busy) return 0;
  const w = SLOT_WEIGHTS;
  const day = a.hours.find((h) => h.start <= slot.start && h.end >= slot.end);
  if (!day) return 0;
  const before = a.busy.filter((b) => b.end <= slot.start && b.end > day.start).map((b) => b.end);
  const after = a.busy.filter((b) => b.start >= slot.end && b.start < day.end).map((b) => b.start);
  const runStart = before.length ? Math.max(...before) : day.start;
  const runEnd = after.length ? Math.min(...after) : day.end;
  const left = slot.start - runStart;
  const right = runEnd - slot.end;
  const fragment = (gap: number, nextToMeeting: boolean) =>
    nextToMeeting && gap >= w.FRAGMENT_MIN && gap < w.FRAGMENT_MAX ? w.FRAGMENT_COST : 0;
  let cost = fragment(left, before.length > 0) + fragment(right, after.length > 0);
  if (runEnd - runStart >= w.FOCUS_RUN && Math.max(left, right) < w.FOCUS_RUN) cost += w.FOCUS_COST;
  return cost;
}

/**
 * Up to `max` meeting slots inside everyone's working hours (each in their own zone), free for
 * everyone whose calendar Lume can see, on quarter hours: sooner first, sparing people's focus time
 * and not leaving them unusable fragments. At most one slot per free gap while other gaps remain,
 * so the choices are spread out. Returned in time order.
 */
export function chooseSlots(attendees: SlotAttendee[], req: SlotRequest): ScoredSlot[] {
  const w = SLOT_WEIGHTS;
  const length = req.minutes * MINUTE;
  const workday = req.workday ?? WORKDAY;
  // The asker's local midnights over the window, worked out once (Intl is the slow part).
  const midnights: number[] = [];
  const lastDay = localDate(new Date(req.window.end), req.timeZone);
  for (let d = localDate(new Date(req.window.start), req.timeZone); d <= lastDay; d = addDays(d, 1))
    midnights.push(parseLocal(d, req.timeZone).getTime());
  // Their whole working days, not clipped to the window: a focus run can start before it.
  const around = { start: req.window.start - DAY, end: req.window.end + DAY };
  const byZone = new Map<string, Interval[]>();
  const hoursIn = (tz: string) => {
    const hours = byZone.get(tz) ?? workingHours(tz, around, workday);
    byZone.set(tz, hours);
    return hours;
  };
  const scored: Scored[] = attendees.map((a) => ({
    ...a,
    ...(a.timeZone ? { hours: hoursIn(a.timeZone) } : {}),
  }));
  const candidates: (ScoredSlot & { gap: number })[] = [];
  commonFree(scored, req).forEach((gap, index) => {
    for (let s = Math.ceil(gap.start / STEP) * STEP; s + length <= gap.end; s += STEP) {
      const slot = { start: s, end: s + length };
      let dayIndex = midnights.length - 1;
      while (dayIndex > 0 && midnights[dayIndex] > s) dayIndex--;
      const hourOfDay = (s - midnights[dayIndex]) / HOUR;
      const penalties = scored.reduce((sum, a) => sum + personCost(a, slot), 0);
      const cost = dayIndex * w.DAY_COST + hourOfDay * w.PER_HOUR_OF_DAY + penalties;
      candidates.push({ ...slot, cost, gap: index });
    }
  });
  candidates.sort((a, b) => a.cost - b.cost || a.start - b.start);
  const picked: typeof candidates = [];
  const overlaps = (c: Interval) => picked.some((p) => c.start < p.end && p.start < c.end);
  for (const c of candidates)
    if (picked.length < req.max && !picked.some((p) => p.gap === c.gap)) picked.push(c);
  for (const c of candidates) if (picked.length < req.max && !overlaps(c)) picked.push(c);
  return picked.sort((a, b) => a.start - b.start).map(({ start, end, cost }) => ({ start, end, cost }));
}
