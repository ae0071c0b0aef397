import { createHash } from 'node:crypto';
import { lumeMark } from './lume-mark';
import { CHROME, type PageOutcome } from './page-text';

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export interface PageOptions extends PageOutcome {
  /** The Slack workspace the person came from, when known: "Back to Slack" opens it. */
  teamId?: string;
  /** Further links under the buttons (e.g. where to take access back). */
  links?: { href: string; label: string }[];
}

/**
 * Back to Slack: the slack:// deep link opens the desktop or mobile app (in the person's workspace
 * when known); the https link is for a machine without the app, where slack:// does nothing.
 */
export function slackLinks(teamId?: string): { app: string; web: string } {
  if (!teamId) return { app: 'slack://open', web: 'https://app.slack.com/client' };
  const team = encodeURIComponent(teamId);
  return { app: `slack://open?team=${team}`, web: `https://app.slack.com/client/${team}` };
}

const BADGES: Record<PageOptions['tone'], string> = {
  success: '<path d="M7 12.5l3.2 3.2L17 8.8"/>',
  warning: '<path d="M12 7v6"/><path d="M12 16.5v.5"/>',
  error: '<path d="M8 8l8 8"/><path d="M16 8l-8 8"/>',
};
const badge = (tone: PageOptions['tone']) =>
  `<svg class="badge ${tone}" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round">${BADGES[tone]}</svg>`;

/** Light and dark, no web fonts; a phone gets full-width buttons. Contrast is at least 4.5:1 throughout. */
const CSS = `:root{color-scheme:light dark;--bg:#f4f3f8;--card:#fff;--text:#1d1b22;--muted:#56535f;--line:#e3e1ea;--brand:#4f46e5;--brand-hover:#4338ca;--link:#3b32c4;--ok:#0f7a45;--ok-bg:#e3f5eb;--warn:#8a5300;--warn-bg:#fdf0d9;--bad:#b3261e;--bad-bg:#fbe7e5}
@media (prefers-color-scheme:dark){:root{--bg:#131218;--card:#1e1c25;--text:#f2f1f6;--muted:#bcb9c6;--line:#36333f;--link:#b4b0ff;--ok:#7be0a6;--ok-bg:#173326;--warn:#ffcf7a;--warn-bg:#3a2c12;--bad:#ff9d94;--bad-bg:#3d1a18}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;padding:32px 16px;background:var(--bg);color:var(--text);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{width:100%;max-width:34rem;background:var(--card);border:1px solid var(--line);border-radius:16px;padding:32px;box-shadow:0 1px 2px rgba(20,16,60,.05),0 12px 32px rgba(20,16,60,.07)}
.brand{display:flex;align-items:center;gap:10px;margin:0 0 28px;font-size:1.2rem;font-weight:700;letter-spacing:-.01em}
.badge{display:block;width:48px;height:48px;padding:10px;border-radius:50%;margin:0 0 16px}
.badge.success{color:var(--ok);background:var(--ok-bg)}.badge.warning{color:var(--warn);background:var(--warn-bg)}.badge.error{color:var(--bad);background:var(--bad-bg)}
h1{margin:0 0 12px;font-size:1.55rem;line-height:1.25;letter-spacing:-.015em;overflow-wrap:anywhere}
p{margin:0 0 16px;overflow-wrap:anywhere}
.note{font-size:.94rem;color:var(--muted);background:var(--bg);border-radius:10px;padding:12px 14px}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:12px 20px;margin:24px 0 0}
.button{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:48px;padding:12px 22px;border-radius:10px;background:var(--brand);color:#fff;font-weight:600;text-decoration:none}
.button:hover{background:var(--brand-hover)}
a{color:var(--link);text-underline-offset:2px}
a:focus-visible{outline:3px solid var(--link);outline-offset:3px}
.more{margin:20px 0 0;padding:16px 0 0;border-top:1px solid var(--line);font-size:.94rem}
footer{margin:20px 0 0;max-width:34rem;text-align:center;font-size:.85rem;color:var(--muted)}
@media (max-width:480px){body{justify-content:flex-start;padding:16px 12px}main{padding:24px 20px;border-radius:14px}h1{font-size:1.35rem}.actions{flex-direction:column;align-items:stretch;text-align:center}}`;

/** The CSP source that lets exactly this stylesheet apply, and no other inline style. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** The browser side of the OAuth flow: self-contained (no script, no external asset but the favicon). */
export function renderPage({ tone, title, message, note, teamId, links = [] }: PageOptions): string {
  const slack = slackLinks(teamId);
  const more = links
    .map((l) => `<p class="more"><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></p>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Lume</title>
<link rel="icon" href="/assets/lume.svg" type="image/svg+xml">
<style>${CSS}</style>
</head>
<body>
<main>
<div class="brand">${lumeMark(36)}<span>Lume</span></div>
${badge(tone)}
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}
<div class="actions">
<a class="button" id="back-to-slack" href="${escapeHtml(slack.app)}">${escapeHtml(CHROME.backToSlack)}</a>
<a id="slack-web" href="${escapeHtml(slack.web)}">${escapeHtml(CHROME.slackInBrowser)}</a>
</div>
${more}
</main>
<footer>${escapeHtml(CHROME.footer)}</footer>
</body>
</html>`;
}
