const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export interface PageOptions {
  title: string;
  message: string;
  /** A second paragraph (e.g. what to do if this was not you). */
  note?: string;
  /** Follow-up links (e.g. back to Slack). */
  links?: { href: string; label: string }[];
}

/** A small self-contained HTML page for the browser side of the OAuth flow (no scripts, no external assets). */
export function renderPage({ title, message, note, links = [] }: PageOptions): string {
  const action = links
    .map((l) => `<p><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></p>`)
    .join('');
  const extra = note ? `<p>${escapeHtml(note)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Lume</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1d1c1d}h1{font-size:1.4rem}a{color:#1264a3}</style>
</head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}${action}</body>
</html>`;
}
