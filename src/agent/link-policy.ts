const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\^{}]+/gi;
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

/**
 * Which links an answer may contain. A prompt-injected model could hide the user's data in a URL
 * (https://evil.example/?q=<secret>) and wait for a click or an unfurl, so links survive only when
 * they point to a URL the tools returned this conversation (the meeting link of an event, the Maps
 * page of a place), or to one of Google's or Slack's own pages (OWN_PAGES) with nothing appended:
 * no query, no fragment, no credentials — which also rules out redirectors such as google.com/url?q=….
 */
export class LinkPolicy {
  private readonly fromData = new Set<string>();

  /** Remember every URL inside a tool result (any depth). */
  addFromData(value: unknown): void {
    const walk = (v: unknown, depth: number): void => {
      if (depth > 20 || v === null || v === undefined) return;
      if (typeof v === 'string') {
        for (const m of v.matchAll(URL_IN_TEXT)) this.fromData.add(cleanUrl(m[0]));
      } else if (Array.isArray(v)) {
        for (const item of v) walk(item, depth + 1);
      } else if (typeof v === 'object') {
        for (const item of Object.values(v)) walk(item, depth + 1);
      }
    };
    walk(value, 0);
  }

  allows(raw: string): boolean {
    const url = cleanUrl(raw.trim());
    if (this.fromData.has(url)) return true;
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
