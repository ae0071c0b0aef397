import assert from 'node:assert/strict';
import { type AuthApp, startAuthApp } from '../helpers/auth-app';

/**
 * Anyone can send a person a link to Lume's callback with any `error`. Whatever it says must not
 * appear as Lume's own words on Lume's own page (a "call this number" phishing line, say).
 */
describe('OAuth callback: the error Google reports is not echoed as text', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
  });
  afterEach(() => app.close());

  const callback = (error: string, accept = 'text/html') =>
    fetch(`${app.url}/auth/oauth/google/callback?${new URLSearchParams({ error, state: 'x' })}`, {
      headers: { accept },
    });

  it('a made-up error is neither on the page nor in the JSON', async () => {
    const lure = 'Your Google account is suspended. Call +1 555 0100 now';
    const page = await (await callback(lure)).text();
    assert.ok(!page.includes('suspended'), page);
    const json = await (await callback(lure, 'application/json')).text();
    assert.ok(!json.includes('suspended'), json);
  });

  it('an OAuth error code Google really sends is still named', async () => {
    const res = await callback('server_error');
    assert.equal(res.status, 403);
    assert.match(await res.text(), /server_error/);
    assert.match(await (await callback('access_denied')).text(), /cancelled/);
  });
});
