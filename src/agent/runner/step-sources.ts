/**
 * The links a thinking step shows as its sources: only the fields the tool vouches for (its
 * `linkFields`: an event's page, its Meet link, a place on Maps — the same fields the answer's link
 * policy learns from), never a URL found inside mail or a note. Labels are fixed words, not titles: a
 * step in a channel thread is seen by everyone there.
 */
const LABELS: Record<string, string> = {
  htmlLink: 'Google Calendar',
  meetLink: 'Google Meet',
  mapsLink: 'Google Maps',
  routeLink: 'Google Maps route',
  gmailLink: 'Gmail',
};

/** Slack shows a handful of sources per task; more would bury the answer. */
export const MAX_SOURCES = 5;

export function stepSources(data: unknown, fields: readonly string[]): { url: string; text: string }[] {
  const trusted = new Set(fields);
  const found = new Map<string, string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || found.size >= MAX_SOURCES || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(v)) {
      if (trusted.has(key) && typeof value === 'string' && /^https:\/\//.test(value)) {
        if (found.size < MAX_SOURCES && !found.has(value)) found.set(value, LABELS[key] ?? 'Google');
      } else walk(value, depth + 1);
    }
  };
  walk(data, 0);
  return [...found].map(([url, text]) => ({ url, text }));
}
