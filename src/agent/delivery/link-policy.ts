const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\^{}]+/gi;
const TRAILING = /[.,;:!?)\]}*_~]+$/;
// Google and Slack pages the model may point to from its own knowledge (help pages, Meet, Calendar).
const TRUSTED_HOST = /(^|\.)(google\.com|slack\.com)$/i;

export const cleanUrl = (url: string): string => url.replace(TRAILING, '');

/**
 * Which links an answer may contain. A prompt-injected model could hide the user's data in a URL
 * (https://evil.example/?q=<secret>) and wait for a click or an unfurl, so links survive only when
 * they point to a URL the tools returned this conversation (the meeting link of an event, the Maps
 * page of a place), or to a Google/Slack page with nothing appended: no query, no fragment, no
 * credentials — which also rules out redirectors such as google.com/url?q=….
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
      TRUSTED_HOST.test(parsed.hostname) &&
      !parsed.username &&
      !parsed.password &&
      !parsed.search &&
      !parsed.hash &&
      !raw.includes('?') &&
      !raw.includes('#')
    );
  }
}
