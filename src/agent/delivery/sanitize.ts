import type { LinkPolicy } from './link-policy';

export const LINK_REMOVED = '[link removed]';

// One pass over every construct that can carry a link or a mention, so kept links are never re-scanned:
// 1 image marker, 2 label, 3 url     → Markdown link or image  ![alt](url) / [label](url "title")
// 4 url, 5 label                     → Slack link <url|label>
// 6 name                             → Slack special mention <!channel>, <!here>, <!subteam^…>
// 7 url                              → bare URL (scheme or www.)
// 8 host/path                        → bare domain with a path (Slack links it)
const PATTERN =
  /(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)|<((?:https?|mailto):[^>|\s]+)(?:\|([^>\n]*))?>|<!([\w^]+)[^>\n]*>|((?:https?:\/\/|www\.)[^\s<>()"'`]+)|(?<![@\w./-])((?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>()"'`]*)/gi;

const asUrl = (u: string) => (/^www\./i.test(u) ? `https://${u}` : u);

/**
 * Make model output safe to show: no images (they load a URL without a click), links only where the
 * policy allows, no channel-wide mentions. Output stays Markdown; link labels survive as plain text.
 */
export function sanitizeMarkdown(text: string, policy: LinkPolicy): string {
  // A label may itself be a URL: it is shown as text, so it is sanitised like text.
  const labelText = (label: string) => (label ? sanitizeMarkdown(label, policy) : LINK_REMOVED);
  return text.replace(
    PATTERN,
    (whole, bang, label, mdUrl, slackUrl, slackLabel, special, bare, domainPath) => {
      if (mdUrl !== undefined) {
        if (bang) return label ? `(image: ${labelText(label)})` : '';
        return policy.allows(mdUrl) ? `[${labelText(label)}](${mdUrl})` : labelText(label);
      }
      if (slackUrl !== undefined) {
        if (policy.allows(slackUrl)) return slackLabel ? `[${labelText(slackLabel)}](${slackUrl})` : slackUrl;
        return labelText(slackLabel ?? '');
      }
      if (special !== undefined) return `@\u200b${special.split('^')[0]}`;
      if (bare !== undefined) return policy.allows(asUrl(bare)) ? bare : LINK_REMOVED;
      if (domainPath !== undefined) return policy.allows(`https://${domainPath}`) ? domainPath : LINK_REMOVED;
      return whole;
    },
  );
}
