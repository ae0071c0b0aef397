import assert from 'node:assert/strict';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless. Playwright gives every launch a fresh, empty user-data-dir of its own
 * and removes it after. Without the background-networking flags Chromium keeps calling Google's
 * hosts, which the closed network of CI refuses many times a second.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Runs in the page before its own scripts: every CSP violation is kept for the spec to read. */
export const WATCH_CSP = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' from ' + (e.sourceFile || 'the page'));
});`;

/** WCAG contrast of an element's text against its own (or the nearest painted) background. */
const CONTRAST = `(selector) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const el = document.querySelector(selector);
  let bg = el;
  while (bg && (getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)')) bg = bg.parentElement;
  const a = lum(rgb(getComputedStyle(el).color));
  const b = lum(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}`;

export interface Watched {
  page: Page;
  /** Console errors, uncaught exceptions, failed or refused loads, and requests that left Lume. */
  problems: string[];
  csp(): Promise<string[]>;
}

export async function open(context: BrowserContext, lumeUrl: string): Promise<Watched> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    // Chromium logs a page's own 4xx/5xx status as an error; specs assert those statuses themselves.
    const ownStatus = m.text().startsWith('Failed to load resource') && m.location().url === page.url();
    if (m.type() === 'error' && !ownStatus) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    // Top-level navigations pass through (fake) Google; everything a page loads comes from Lume.
    const url = r.url();
    if (!r.isNavigationRequest() && !url.startsWith(`${lumeUrl}/`) && !/^(data|blob):/.test(url)) {
      problems.push(`asset not served by Lume: ${url}`);
    }
  });
  return { page, problems, csp: () => page.evaluate('window.__csp') as Promise<string[]> };
}

export async function clean(w: Watched, what: string): Promise<void> {
  assert.deepEqual(await w.csp(), [], `${what}: CSP violations`);
  assert.deepEqual(w.problems, [], `${what}: console errors, failed loads or foreign requests`);
}

export async function layout(page: Page) {
  return page.evaluate(`({
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    viewportMeta: document.querySelector('meta[name=viewport]')?.content,
    lang: document.documentElement.lang,
  })`) as Promise<{ innerWidth: number; scrollWidth: number; viewportMeta?: string; lang: string }>;
}

export const contrast = (page: Page, selector: string) =>
  page.evaluate(`(${CONTRAST})(${JSON.stringify(selector)})`) as Promise<number>;
