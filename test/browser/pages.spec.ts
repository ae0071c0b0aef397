import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADA } from '../fakes/google/server';
import { clean, contrast, launchChromium, layout, open, WATCH_CSP, type Watched } from '../helpers/browser';
import { documentedRoutes } from '../helpers/express-routes';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The pages people open, in Debian's Chromium (headless, driven by playwright-core): the OAuth
 * success, denied and error pages at desktop and phone size, /docs and /redoc. One browser per
 * suite. Screenshots land in .artifacts/browser/<db>/ (gitignored) for a person to look at.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(__dirname, '..', '..', '.artifacts', 'browser', process.env.LUME_TEST_DB ?? 'sqlite');
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('pages in a real browser (headless Chromium)', function () {
  this.timeout(60_000);
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') {
      it('finds Chromium', () =>
        assert.fail(`no Chromium at ${CHROMIUM}; .ci/run installs Debian's chromium`));
      return;
    }
    console.warn(`\n  !! browser spec SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
    it(`SKIPPED — no Chromium at ${CHROMIUM}: install Debian's chromium (or set CHROMIUM_PATH)`);
    return;
  }

  let browser: Browser;
  let server: TestServer;
  // One page per size, reused by every test (a new page costs a renderer process).
  const tabs: Record<'desktop' | 'phone', Watched> = {} as never;
  const tab = (size: 'desktop' | 'phone') => {
    tabs[size].problems.length = 0;
    return tabs[size];
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [browser, server] = await Promise.all([launchChromium(CHROMIUM), startTestServer()]);
    server.google.state.addAccount(ADA);
    server.slack.state.addUser({ id: 'U0ADA', name: 'Ada Lovelace' });
    for (const [name, options] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const context = await browser.newContext(options);
      await context.addInitScript(WATCH_CSP);
      tabs[name] = await open(context, server.url);
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** /lume connect's link, followed by the browser through (fake) Google's consent screen. */
  async function connect(
    size: 'desktop' | 'phone',
    slackUserId: string,
  ): Promise<Watched & { status?: number }> {
    const { url } = await server.ctx.links.create({ teamId: server.slack.state.teamId, slackUserId });
    const w = tab(size);
    const res = await w.page.goto(url);
    return { ...w, status: res?.status() };
  }

  async function checkOAuthPage(
    w: Watched & { status?: number },
    o: { name: string; size: 'desktop' | 'phone'; status: number },
  ) {
    const { page } = w;
    assert.equal(w.status, o.status);
    assert.equal(new URL(page.url()).pathname, '/auth/oauth/google/callback');
    assert.match(await page.title(), / · Lume$/);
    assert.ok(await page.locator('svg[aria-label="Lume"]').first().isVisible(), "Lume's mark");
    const back = page.getByRole('link', { name: 'Back to Slack' });
    assert.ok(await back.isVisible(), 'the Back to Slack button is visible');
    const box = await back.boundingBox();
    assert.ok(box && box.height >= 44, `a tap-sized button (${box?.height}px)`);
    assert.ok(
      box && box.y + box.height <= (page.viewportSize()?.height ?? 0),
      'the button is on the first screen',
    );
    assert.ok((await contrast(page, '#back-to-slack')) >= 4.5, 'button text contrast ≥ 4.5:1');
    assert.ok((await contrast(page, 'h1')) >= 4.5, 'heading contrast ≥ 4.5:1');
    assert.ok((await contrast(page, 'main p')) >= 4.5, 'body text contrast ≥ 4.5:1');
    assert.ok((await contrast(page, '#slack-web')) >= 4.5, 'link contrast ≥ 4.5:1');
    const l = await layout(page);
    assert.equal(l.lang, 'en');
    assert.match(l.viewportMeta ?? '', /width=device-width/);
    assert.ok(l.scrollWidth <= l.innerWidth, `no horizontal scrolling (${l.scrollWidth} > ${l.innerWidth})`);
    if (o.size === 'phone') {
      assert.equal(l.innerWidth, 375, 'laid out at the phone width, not zoomed out');
      assert.ok(box && box.width >= 375 - 2 * 40, `full-width button on a phone (${box?.width}px)`);
    }
    await page.screenshot({ path: join(SHOTS, `oauth-${o.name}-${o.size}.png`), fullPage: true });
    if (o.size === 'phone') {
      // The pages follow the system's dark mode; it must stay as readable.
      await page.emulateMedia({ colorScheme: 'dark' });
      for (const selector of ['#back-to-slack', 'h1', 'main p', '#slack-web']) {
        assert.ok((await contrast(page, selector)) >= 4.5, `dark mode: ${selector} contrast ≥ 4.5:1`);
      }
      await page.screenshot({ path: join(SHOTS, `oauth-${o.name}-phone-dark.png`), fullPage: true });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await clean(w, `${o.name} page (${o.size})`);
  }

  for (const size of ['desktop', 'phone'] as const) {
    it(`the success page (${size}): who it linked, Back to Slack into the workspace, how to take access back`, async () => {
      const w = await connect(size, 'U0ADA');
      const team = server.slack.state.teamId;
      assert.equal(await w.page.locator('h1').textContent(), `Connected as ${ADA.email}`);
      assert.match(
        (await w.page.locator('main').textContent()) ?? '',
        /for Ada Lovelace in the Lume Test Slack workspace/,
      );
      assert.equal(await w.page.locator('#back-to-slack').getAttribute('href'), `slack://open?team=${team}`);
      assert.equal(
        await w.page.locator('#slack-web').getAttribute('href'),
        `https://app.slack.com/client/${team}`,
      );
      assert.equal(
        await w.page
          .getByRole('link', { name: "Remove Lume's access in your Google Account" })
          .getAttribute('href'),
        'https://myaccount.google.com/permissions',
      );
      await checkOAuthPage(w, { name: 'success', size, status: 200 });
    });

    it(`the denied page (${size}): nothing connected, and how to start again`, async () => {
      server.google.state.consent.deny = true;
      try {
        const w = await connect(size, 'U0ADA');
        assert.equal(await w.page.locator('h1').textContent(), 'Nothing was connected');
        assert.match((await w.page.locator('main').textContent()) ?? '', /You cancelled .* \/lume connect/);
        assert.equal(await w.page.locator('#back-to-slack').getAttribute('href'), 'slack://open');
        await checkOAuthPage(w, { name: 'denied', size, status: 403 });
      } finally {
        server.google.state.consent.deny = false;
      }
    });

    it(`the error page (${size}): Google failing, nothing saved`, async () => {
      server.google.state.failures.push({ match: /^\/token$/, status: 400, times: 1 });
      const w = await connect(size, 'U0ADA');
      assert.equal(await w.page.locator('h1').textContent(), 'Google did not answer as expected');
      assert.match((await w.page.locator('main').textContent()) ?? '', /nothing was saved/);
      await checkOAuthPage(w, { name: 'error', size, status: 502 });
    });
  }

  it('/docs renders the API with Swagger UI, lists /auth/me, runs a request, and links where it should', async () => {
    const w = tab('desktop');
    const { page } = w;
    await page.goto(`${server.url}/docs`);
    const me = page.locator('.opblock-summary-path[data-path="/auth/me"]');
    await me.waitFor();
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Parameters<
      typeof documentedRoutes
    >[0];
    const operations = documentedRoutes(doc).length;
    assert.ok(operations >= 11, `${operations} operations documented`);
    assert.equal(await page.locator('.opblock').count(), operations, 'every documented operation is shown');
    assert.match((await page.locator('.info .title').textContent()) ?? '', /Lume/);
    assert.equal(await page.locator('.info a[href="/openapi.json"]').count(), 1, 'the document is linked');
    await page.screenshot({ path: join(SHOTS, 'docs-swagger.png') });
    // Try it out: the request goes to this Lume, within connect-src 'self'.
    await page.locator('#operations-Operations-health .opblock-summary').click();
    await page.getByRole('button', { name: 'Try it out' }).click();
    await page.getByRole('button', { name: 'Execute' }).click();
    await page
      .locator('#operations-Operations-health .live-responses-table .response-col_status')
      .first()
      .waitFor();
    assert.match(
      (await page.locator('#operations-Operations-health .live-responses-table').textContent()) ?? '',
      /200/,
    );
    const nav = await page
      .locator('.lume-nav nav a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(nav, ['/docs', '/redoc', '/openapi.json']);
    for (const href of nav)
      assert.equal((await page.request.get(`${server.url}${href}`)).status(), 200, href);
    await clean(w, '/docs');
    await page.locator('.lume-nav').getByRole('link', { name: 'openapi.json' }).click();
    await page.waitForURL(`${server.url}/openapi.json`);
    assert.equal(JSON.parse((await page.locator('body').textContent()) ?? '{}').openapi, '3.1.0');
  });

  it('/redoc renders the API with ReDoc, its search works, and its links point where they should', async () => {
    const w = tab('desktop');
    const { page } = w;
    await page.goto(`${server.url}/redoc`);
    await page.locator('[data-section-id="operation/getMe"]').waitFor();
    assert.match(
      (await page.locator('[data-section-id="operation/getMe"]').textContent()) ?? '',
      /\/auth\/me/,
    );
    const download = await page.locator('a[download]').getAttribute('href');
    assert.equal(download, `${server.url}/openapi.json`, 'Download links the document');
    // The search index runs in a Worker from a blob: URL; a CSP that refused it would be caught below.
    await page.locator('input[placeholder="Search..."]').fill('refresh');
    await page.locator('[data-role="search:results"] li').first().waitFor();
    await page.locator('input[placeholder="Search..."]').fill('');
    await page.screenshot({ path: join(SHOTS, 'docs-redoc.png') });
    await clean(w, '/redoc');
  });
});
