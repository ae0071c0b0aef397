import assert from 'node:assert/strict';
import type { FakeAccount } from '../fakes/google/state';
import { connect } from '../helpers/auth-app';
import { startTestServer, type TestServer } from '../helpers/server';

const GRACE: FakeAccount = { sub: '600', email: 'grace@example.com', name: 'Grace Hopper' };
const ALAN: FakeAccount = { sub: '601', email: 'alan@example.com', name: 'Alan Turing' };

describe('/lume disconnect ends that person’s sessions at once (through the running server)', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
    t.google.state.addAccount(GRACE);
    t.google.state.addAccount(ALAN);
    for (const id of ['U_GRACE', 'U_ALAN']) t.slack.state.addUser({ id, name: id, tz: 'UTC' });
  });
  afterEach(() => t.close());

  /** The real web flow from a `/lume connect` link: the session token the callback hands out. */
  async function signIn(slackUserId: string, account: FakeAccount): Promise<string> {
    t.google.state.consent = { sub: account.sub };
    const { url } = await t.ctx.links.create({ teamId: t.who.teamId, slackUserId });
    const res = await connect(t, new URL(url).pathname + new URL(url).search, 'application/json');
    assert.equal(res.status, 200);
    return ((await res.json()) as { token: string }).token;
  }
  const me = (token: string) => fetch(`${t.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  const refresh = (token: string) =>
    fetch(`${t.url}/auth/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const meByCookie = (token: string) =>
    fetch(`${t.url}/auth/me`, { headers: { cookie: `lume_session=${token}` } });

  async function disconnect(slackUserId: string) {
    const res = await t.command('disconnect', slackUserId);
    assert.equal(res.status, 200);
    const [reply] = await t.slack.state.waitForResponse(res.responseUrl);
    assert.match(String((reply.body as { text?: string }).text), /^Disconnected /);
  }

  it('every session JWT of the person is refused from the next request on; others keep theirs', async () => {
    const first = await signIn('U_GRACE', GRACE);
    const second = await signIn('U_GRACE', GRACE);
    const alan = await signIn('U_ALAN', ALAN);
    for (const token of [first, second, alan]) assert.equal((await me(token)).status, 200);

    await disconnect('U_GRACE');

    for (const token of [first, second]) {
      const res = await me(token);
      assert.equal(res.status, 401);
      assert.match(((await res.json()) as { message: string }).message, /session was ended/);
      assert.equal((await refresh(token)).status, 401, '/auth/refresh refuses it too');
      assert.equal((await meByCookie(token)).status, 401, 'and as a cookie');
    }
    assert.equal((await me(alan)).status, 200, "another person's session is untouched");
  });

  it('signing in again gives a working session; the ones from before the disconnect stay dead', async () => {
    const before = await signIn('U_GRACE', GRACE);
    await disconnect('U_GRACE');
    const after = await signIn('U_GRACE', GRACE);
    assert.equal((await me(after)).status, 200);
    assert.equal((await refresh(after)).status, 200);
    assert.equal((await me(before)).status, 401);
  });
});
