const TRAILING = /[.,;:!?)\]}*_~]+$/;
/**
 * Google and Slack pages the model may point to from its own knowledge (help, account, Calendar,
 * Meet…). A list, not "anything under google.com": script.google.com (Apps Script web apps),
 * sites.google.com, Docs and Drive, and Slack workspace subdomains serve pages anyone can publish,
 * and such a page reads the path it was opened with — data put there would reach its author.
 */
const OWN_PAGES = new Set([
  'google.com',
  'www.google.com',
  'support.google.com',
  'myaccount.google.com',
  'calendar.google.com',
  'mail.google.com',
  'meet.google.com',
  'keep.google.com',
  'tasks.google.com',
  'maps.google.com',
  'workspace.google.com',
  'developers.google.com',
  'slack.com',
  'api.slack.com',
  'app.slack.com',
  'status.slack.com',
]);
// Paths on those hosts that hand the request on to a server named in the URL (the AMP viewer, redirectors).
const FORWARDING_PATH = /^\/(amp|url|imgres|aclk|linkredirect)(\/|$)/i;

export const cleanUrl = (url: string): string => url.replace(TRAILING, '');

/** A plain address to write to, nothing appended (`?subject=…&body=…` would carry data in the click). */
const MAILTO = /^mailto:[^\s?#&/<>"']+@[^\s?#&/<>"']+$/i;

/**
 * Which links an answer may contain. A prompt-injected model could hide the user's data in a URL
 * (https://evil.example/?q=<secret>, secret.evil.example) and wait for a click or an unfurl; and a
 * mail or an event description, written by anyone, could offer it a set of links whose choice spells
 * the data out. So a link survives only when it is, exactly, a URL from a *trusted field* of a tool
 * result this conversation — one Google or Lume made (an event's htmlLink, its Meet or conference
 * link, a place's Maps page), which each tool names in its `linkFields` — or one of Google's or
 * Slack's own pages (OWN_PAGES) with nothing appended: no query, no fragment, no credentials, which
 * also rules out redirectors such as google.com/url?q=…. A URL in free text (a mail body, a
 * description, a location) is never learnt, and an answer that repeats it shows it defused.
 */
export class LinkPolicy {
  private readonly trusted = new Set<string>();

  /** Learn the URLs under `fields` (their names, at any depth of `result`): the ones a tool vouches for. */
  learn(result: unknown, fields: readonly string[]): void {
    if (!fields.length) return;
    const names = new Set(fields);
    const walk = (v: unknown, depth: number, underField: boolean): void => {
      if (depth > 20 || v === null || v === undefined) return;
      if (typeof v === 'string') {
        if (underField && /^https:\/\/[^\s]+$/i.test(v)) this.trusted.add(v).add(cleanUrl(v));
      } else if (Array.isArray(v)) {
        for (const item of v) walk(item, depth + 1, underField);
      } else if (typeof v === 'object') {
        for (const [key, item] of Object.entries(v)) walk(item, depth + 1, names.has(key));
      }
    };
    walk(result, 0, false);
  }

  allows(raw: string): boolean {
    const url = cleanUrl(raw.trim());
    if (this.trusted.has(url)) return true;
    if (MAILTO.test(url)) return true;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    return (
      parsed.protocol === 'https:' &&
      OWN_PAGES.has(parsed.hostname.toLowerCase()) &&
      !FORWARDING_PATH.test(parsed.pathname) &&
      !parsed.username &&
      !parsed.password &&
      !parsed.search &&
      !parsed.hash &&
      !raw.includes('?') &&
      !raw.includes('#')
    );
  }
}
