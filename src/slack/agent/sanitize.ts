import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds';
import { cleanUrl, type LinkPolicy } from '../../agent/link-policy';

/** What a reference definition's URL becomes when the policy refuses it (a definition is never read as text). */
export const LINK_REMOVED = '[link removed]';

// One pass over every construct that can carry a link or a mention, so kept links are never re-scanned.
// Any URL scheme counts, not only http(s): in a thread this text reaches Slack as markdown_text as is.
// 1 label, 2 url, 3 rest of the line → reference definition  [label]: url "title"
// 4 image marker, 5 label, 6 url     → Markdown link or image  ![alt](url) / [label](url "title")
// 7 url, 8 label                     → autolink or Slack link <scheme:…> / <url|label>
// 9 sigil, 10 name                   → mention <!channel>, <!here>, <!subteam^…>, <@U…>
// 11 url                             → bare URL (any scheme://, mailto: or www.)
// 12 host:port                       → bare host with a port (linkify-it's fuzzy search skips those)
// The text between them is searched for what a linkifier would still make a link of: bare hosts
// (`evil.example?d=…`, `secret.evil.example`), with or without a path, and e-mail addresses.
// Labels and URLs are bounded, and stop at the next opener, so that a run of unclosed brackets costs
// linear, not quadratic, time.
const SCHEME = '[a-z][a-z0-9+.-]{1,31}:';
const REFERENCE = String.raw`^ {0,3}\[([^[\]\n]{1,999})\]:[ \t]*<?([^\s>]+)>?([^\n]*)`;
const INLINE = [
  String.raw`(!?)\[([^[\]\n]{0,999})\]\(\s*<?([^)\s>[]{1,2048})>?(?:\s+"[^"\n]*")?\s*\)`,
  String.raw`<(${SCHEME}[^<>|\s]{1,2048})(?:\|([^<>\n]{0,999}))?>`,
  String.raw`<([!@])([\w^]{1,99})[^<>\n]{0,999}>`,
  String.raw`((?:${SCHEME}\/\/|mailto:|www\.)[^\s<>()"'${'`'}]+)`,
  String.raw`(?<![@\w./-])((?:[a-z0-9-]+\.)+[a-z]{2,}:\d{1,5}(?:[/?#][^\s<>()"'${'`'}]*)?)`,
];
const PATTERN = new RegExp([REFERENCE, ...INLINE].join('|'), 'gim');
// The rest of a definition's line is not at a line start: the same scan without definitions (whose
// three groups never match), so a line of repeated "[x]: " cannot recurse once per repetition.
const REST_OF_LINE = new RegExp(['(?!)()()()', ...INLINE].join('|'), 'gi');

/**
 * Every host a linkifier could take for a link: IANA's whole root zone, plus the names reserved for
 * examples and private networks that clients (and tests) use all the same.
 */
const LINKIFY = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true }).tlds(
  [...tlds, 'example', 'test', 'invalid', 'localhost', 'local', 'internal', 'onion', 'lan', 'corp', 'home'],
  false,
);
/** What a linkifier may still swallow after the part it recognised: anything up to a space or a bracket. */
const TOKEN_TAIL = /^[^\s<>()[\]{}"'`]*/;

const asUrl = (u: string) => (/^www\./i.test(u) ? `https://${u}` : u);

/**
 * A URL as plain text no linkifier recognises: dots in brackets, the scheme's colon too
 * (`https[:]//evil[.]example/?d=…`). The person still reads where it pointed; nothing is clickable,
 * unfurled or prefetched, in a markdown block, a streamed message or a notification alike.
 */
export function defuse(url: string): string {
  return url.replace(/\./g, '[.]').replace(/^([a-z][a-z0-9+.-]*):/i, '$1[:]');
}

/** `label (url)` with the URL defused; the label alone when it says the same. */
function labelled(label: string, url: string, policy: LinkPolicy): string {
  const shown = label ? sanitizeMarkdown(label, policy, REST_OF_LINE) : '';
  const bare = label.trim().replace(/^<|>$/g, '');
  if (!shown || bare === url || asUrl(bare) === url) return defuse(url);
  return `${shown} (${defuse(url)})`;
}

/** Plain text between constructs: hosts and addresses a linkifier would link are kept only when allowed. */
function defuseFuzzy(text: string, policy: LinkPolicy): string {
  const found = LINKIFY.match(text);
  if (!found) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    if (m.index < at) continue;
    const token = cleanUrl(m.raw + (TOKEN_TAIL.exec(text.slice(m.lastIndex))?.[0] ?? ''));
    const isEmail = m.schema === 'mailto:' && !/^mailto:/i.test(m.raw);
    const allowed = isEmail
      ? token === m.raw // an address alone; anything glued to it (`?body=`) is not
      : policy.allows(/^[a-z][a-z0-9+.-]*:/i.test(token) ? token : `https://${token.replace(/^\/\//, '')}`);
    out += text.slice(at, m.index) + (allowed ? token : defuse(token));
    at = m.index + token.length;
  }
  return out + text.slice(at);
}

/**
 * Make model output safe to show: no images (they load a URL without a click), links only where the
 * policy allows, no channel-wide mentions. A link the policy refuses is shown as defused text, so the
 * person sees it and Slack cannot turn it into a link. Output stays Markdown.
 */
export function sanitizeMarkdown(text: string, policy: LinkPolicy, pattern = PATTERN): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    out += defuseFuzzy(text.slice(at, m.index), policy) + construct(m, policy);
    at = (m.index ?? 0) + m[0].length;
  }
  return out + defuseFuzzy(text.slice(at), policy);
}

function construct(m: RegExpMatchArray, policy: LinkPolicy): string {
  const [
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
    hostPort,
  ] = m;
  // A definition makes every [text][label] a link to its URL: its URL stays only when allowed, and
  // the label and the rest of the line (shown as text when it is not a valid definition) are scanned.
  if (refUrl !== undefined) {
    const url = policy.allows(refUrl) ? refUrl : LINK_REMOVED;
    const rest = sanitizeMarkdown(refRest, policy, REST_OF_LINE);
    return `[${sanitizeMarkdown(refLabel, policy, REST_OF_LINE)}]: ${url}${rest}`;
  }
  if (mdUrl !== undefined) {
    if (bang) return label ? `(image: ${sanitizeMarkdown(label, policy, REST_OF_LINE)})` : '';
    if (policy.allows(mdUrl)) return `[${sanitizeMarkdown(label, policy, REST_OF_LINE) || mdUrl}](${mdUrl})`;
    return labelled(label, mdUrl, policy);
  }
  if (slackUrl !== undefined) {
    if (!policy.allows(slackUrl)) return labelled(slackLabel ?? '', slackUrl, policy);
    return slackLabel ? `[${sanitizeMarkdown(slackLabel, policy, REST_OF_LINE)}](${slackUrl})` : slackUrl;
  }
  if (sigil !== undefined) return `@\u200b${special.split('^')[0]}`;
  if (bare !== undefined) {
    const url = cleanUrl(bare);
    const tail = bare.slice(url.length);
    return (policy.allows(asUrl(url)) ? url : defuse(url)) + tail;
  }
  if (hostPort !== undefined) {
    const url = cleanUrl(hostPort);
    return (policy.allows(`https://${url}`) ? url : defuse(url)) + hostPort.slice(url.length);
  }
  return whole;
}
