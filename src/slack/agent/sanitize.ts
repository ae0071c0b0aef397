import type { LinkPolicy } from '../../agent/link-policy';

export const LINK_REMOVED = '[link removed]';

// One pass over every construct that can carry a link or a mention, so kept links are never re-scanned.
// Any URL scheme counts, not only http(s): in a thread this text reaches Slack as markdown_text as is.
// 1 label, 2 url, 3 rest of the line → reference definition  [label]: url "title"
// 4 image marker, 5 label, 6 url     → Markdown link or image  ![alt](url) / [label](url "title")
// 7 url, 8 label                     → autolink or Slack link <scheme:…> / <url|label>
// 9 sigil, 10 name                   → mention <!channel>, <!here>, <!subteam^…>, <@U…>
// 11 url                             → bare URL (any scheme://, mailto: or www.)
// 12 host/path                       → bare domain (and port) with a path (Slack links it)
// Labels and URLs are bounded, and stop at the next opener, so that a run of unclosed brackets costs
// linear, not quadratic, time.
const SCHEME = '[a-z][a-z0-9+.-]{1,31}:';
const REFERENCE = String.raw`^ {0,3}\[([^[\]\n]{1,999})\]:[ \t]*<?([^\s>]+)>?([^\n]*)`;
const INLINE = [
  String.raw`(!?)\[([^[\]\n]{0,999})\]\(\s*<?([^)\s>[]{1,2048})>?(?:\s+"[^"\n]*")?\s*\)`,
  String.raw`<(${SCHEME}[^<>|\s]{1,2048})(?:\|([^<>\n]{0,999}))?>`,
  String.raw`<([!@])([\w^]{1,99})[^<>\n]{0,999}>`,
  String.raw`((?:${SCHEME}\/\/|mailto:|www\.)[^\s<>()"'${'`'}]+)`,
  String.raw`(?<![@\w./-])((?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d{1,5})?\/[^\s<>()"'${'`'}]*)`,
];
const PATTERN = new RegExp([REFERENCE, ...INLINE].join('|'), 'gim');
// The rest of a definition's line is not at a line start: the same scan without definitions (whose
// three groups never match), so a line of repeated "[x]: " cannot recurse once per repetition.
const REST_OF_LINE = new RegExp(['(?!)()()()', ...INLINE].join('|'), 'gi');

const asUrl = (u: string) => (/^www\./i.test(u) ? `https://${u}` : u);

/**
 * Make model output safe to show: no images (they load a URL without a click), links only where the
 * policy allows, no channel-wide mentions. Output stays Markdown; link labels survive as plain text.
 */
export function sanitizeMarkdown(text: string, policy: LinkPolicy, pattern = PATTERN): string {
  // A label may itself be a URL: it is shown as text, so it is sanitised like text.
  const labelText = (label: string) => (label ? sanitizeMarkdown(label, policy, REST_OF_LINE) : LINK_REMOVED);
  return text.replace(
    pattern,
    (
      whole,
      refLabel,
      refUrl,
      refRest,
      bang,
      label,
      mdUrl,
      slackUrl,
      slackLabel,
      sigil,
      special,
      bare,
      domainPath,
    ) => {
      // A definition makes every [text][label] a link to its URL: its URL stays only when allowed, and
      // the label and the rest of the line (shown as text when it is not a valid definition) are scanned.
      if (refUrl !== undefined) {
        const url = policy.allows(refUrl) ? refUrl : LINK_REMOVED;
        const rest = sanitizeMarkdown(refRest, policy, REST_OF_LINE);
        return `[${sanitizeMarkdown(refLabel, policy, REST_OF_LINE)}]: ${url}${rest}`;
      }
      if (mdUrl !== undefined) {
        if (bang) return label ? `(image: ${labelText(label)})` : '';
        return policy.allows(mdUrl) ? `[${labelText(label)}](${mdUrl})` : labelText(label);
      }
      if (slackUrl !== undefined) {
        if (policy.allows(slackUrl)) return slackLabel ? `[${labelText(slackLabel)}](${slackUrl})` : slackUrl;
        return labelText(slackLabel ?? '');
      }
      if (sigil !== undefined) return `@\u200b${special.split('^')[0]}`;
      if (bare !== undefined) return policy.allows(asUrl(bare)) ? bare : LINK_REMOVED;
      if (domainPath !== undefined) return policy.allows(`https://${domainPath}`) ? domainPath : LINK_REMOVED;
      return whole;
    },
  );
}
