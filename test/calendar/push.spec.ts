import assert from 'node:assert/strict';
import { account, type CalendarWorld, calendarWorld, edit } from './world';

const NOTIFY = '/google/calendar/notifications';

describe('calendar push: events.watch channels, notifications, renewal, stop', () => {
  let w: CalendarWorld;
  beforeEach(async () => {
    w = await calendarWorld({ env: { CALENDAR_PUSH: 'on' } });
  });
  afterEach(() => w.close());

  const push = () => w.t.google.state.calendarPush;
  const syncJob = (userId: string) =>
    w.t.ctx.db.models.Job.findOne({ where: { uniqueKey: `calendar-sync:${userId}` } });
  const channels = (userId: string) => w.t.ctx.db.models.CalendarChannel.findAll({ where: { userId } });

  /** Linked, first sync done, channel registered and confirmed by Google's `sync` message. */
  async function linkedWithChannel(name = 'ada') {
    const acct = account(name);
    const ev = w.seed(acct, 60, 90);
    const linked = await w.link(`U_${name.toUpperCase()}`, acct);
    await w.t.engine.runDue();
    await push().pushesSettled();
    return { acct, ev, ...linked };
  }

  it('at link: one channel with a random id and token, to PUBLIC_URL; Google’s sync message confirms it, no sync', async () => {
    const { acct, user } = await linkedWithChannel();
    const [watch] = w.t.google.state.requestsTo('/calendar/v3/calendars/primary/events/watch', 'POST');
    const body = watch.body as {
      id: string;
      token: string;
      type: string;
      address: string;
      expiration: string;
    };
    assert.equal(body.type, 'web_hook');
    assert.equal(body.address, `${w.t.url}${NOTIFY}`);
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.ok(body.token.length >= 40);
    assert.equal(Number(body.expiration), w.clock.t.getTime() + 24 * 3_600_000);
    const [row] = await channels(user.id);
    assert.equal(row.id, body.id);
    assert.notEqual(row.tokenHash, body.token, 'only a hash of the token is kept');
    assert.ok(!JSON.stringify(row.toJSON()).includes(body.token));
    assert.ok(!JSON.stringify(w.t.logs.lines).includes(body.token), 'the channel token reaches no log line');
    assert.equal(row.resourceId, push().live(acct.sub)[0].resourceId);
    assert.ok(row.confirmedAt, 'the sync message confirmed it');
    assert.deepEqual(
      push().deliveries.map((d) => [d.resourceState, d.status]),
      [['sync', 204]],
    );
    assert.equal(w.syncCalls().length, 1, 'the sync message itself asks for no sync');
    // With a live channel the poller's next visit is the safety net, not CALENDAR_POLL_SECONDS.
    await w.t.ctx.calendarSync.request(user.id);
    await w.t.engine.runDue();
    const sync = await w.t.ctx.db.models.CalendarSync.findByPk(user.id);
    assert.equal(sync?.pollDueAt.getTime(), w.clock.t.getTime() + 30 * 60_000);
  });

  it('a change → Google posts → one debounced sync; a burst of notifications is still one sync', async () => {
    const { acct, ev, user } = await linkedWithChannel();
    const before = w.syncCalls().length;
    const moved = w.clock.in(70);
    edit(ev, { start: { dateTime: moved }, end: { dateTime: w.clock.in(100) } }, w.clock.t);
    for (let i = 0; i < 5; i++) await push().notify(acct.sub);
    assert.deepEqual(
      push()
        .deliveries.slice(1)
        .map((d) => [d.resourceState, d.status]),
      Array(5).fill(['exists', 204]),
    );
    const job = await syncJob(user.id);
    assert.equal(job?.state, 'queued');
    assert.equal(job?.runAt.getTime(), w.clock.t.getTime() + 2_000, 'debounced');
    await w.t.engine.runDue();
    assert.equal(w.syncCalls().length, before, 'not before the debounce');
    w.clock.advance(2_000);
    await w.t.engine.runDue();
    assert.equal(w.syncCalls().length, before + 1, 'five notifications, one sync');
    const last = w.batches.at(-1);
    assert.equal(last?.changes[0].after.start?.toISOString(), moved);
    // Google's own write routes notify too: a Lume-made change comes back the same way.
    await push().notify(acct.sub);
    w.clock.advance(2_000);
    await w.t.engine.runDue();
    assert.equal(w.syncCalls().length, before + 2);
  });

  it('forged notifications: unknown channel, wrong token, wrong resource, missing headers → 4xx, nothing written, no Google call', async () => {
    const { user } = await linkedWithChannel();
    const [row] = await channels(user.id);
    const googleCalls = w.t.google.state.requests.length;
    const jobsBefore = await w.t.ctx.db.models.Job.count();
    const syncBefore = (await syncJob(user.id))?.updatedAt.getTime();
    const headers = {
      'X-Goog-Channel-ID': row.id,
      'X-Goog-Channel-Token': 'guessed',
      'X-Goog-Resource-ID': row.resourceId ?? '',
      'X-Goog-Resource-State': 'exists',
      'X-Goog-Message-Number': '7',
    };
    const post = async (h: Record<string, string>) => {
      const res = await fetch(`${w.t.url}${NOTIFY}`, { method: 'POST', headers: h });
      return { status: res.status, body: await res.text() };
    };
    const realToken = (w.t.google.state.calendarPush.channels.get(row.id)?.token ?? '') as string;
    const answers = [
      await post(headers),
      await post({
        ...headers,
        'X-Goog-Channel-ID': '00000000-0000-4000-8000-000000000000',
        'X-Goog-Channel-Token': realToken,
      }),
      await post({ ...headers, 'X-Goog-Channel-Token': realToken, 'X-Goog-Resource-ID': 'res-other' }),
      await post({ 'X-Goog-Resource-State': 'exists' }),
      await post({ ...headers, 'X-Goog-Channel-Token': realToken, 'X-Goog-Resource-State': 'changed' }),
      await post({ ...headers, 'X-Goog-Channel-ID': "x' OR 1=1 --" }),
    ];
    assert.deepEqual(
      answers.map((a) => a.status),
      [404, 404, 404, 400, 400, 400],
    );
    assert.equal(answers[0].body, answers[1].body, 'a wrong token and an unknown channel look the same');
    assert.ok(answers.every((a) => !a.body.includes(realToken) && !/at .*\.ts/.test(a.body)));
    assert.equal(w.t.google.state.requests.length, googleCalls, 'no Google call');
    assert.equal(await w.t.ctx.db.models.Job.count(), jobsBefore, 'no job');
    assert.equal((await syncJob(user.id))?.updatedAt.getTime(), syncBefore, 'the sync job untouched');
    await row.reload();
    assert.equal(row.lastMessageAt?.getTime(), row.confirmedAt?.getTime(), 'nothing written on the channel');
    // The genuine one still works.
    assert.equal((await post({ ...headers, 'X-Goog-Channel-Token': realToken })).status, 204);
    assert.equal((await syncJob(user.id))?.state, 'queued');
  });

  it('renewal: before the channel expires a new one is registered, then the old one stopped', async () => {
    const { acct, user } = await linkedWithChannel();
    const [first] = await channels(user.id);
    const watchJob = await w.t.ctx.db.models.Job.findOne({
      where: { uniqueKey: `calendar-watch:${user.id}` },
    });
    assert.equal(watchJob?.runAt.getTime(), (first.expiresAt?.getTime() ?? 0) - 3_600_000);
    w.clock.t = watchJob?.runAt ?? w.clock.t;
    await w.t.engine.runDue();
    await push().pushesSettled();
    const now = await channels(user.id);
    assert.equal(now.length, 1);
    assert.notEqual(now[0].id, first.id);
    assert.ok(now[0].confirmedAt);
    assert.deepEqual(
      push()
        .live(acct.sub)
        .map((c) => c.id),
      [now[0].id],
      'the old channel is stopped at Google',
    );
    const [stop] = w.t.google.state.requestsTo('/calendar/v3/channels/stop', 'POST');
    assert.deepEqual(stop.body, { id: first.id, resourceId: first.resourceId });
    // A notification on the old channel is now refused.
    const res = await fetch(`${w.t.url}${NOTIFY}`, {
      method: 'POST',
      headers: {
        'X-Goog-Channel-ID': first.id,
        'X-Goog-Channel-Token': push().channels.get(first.id)?.token ?? '',
        'X-Goog-Resource-ID': first.resourceId ?? '',
        'X-Goog-Resource-State': 'exists',
      },
    });
    assert.equal(res.status, 404);
  });

  it('/lume disconnect: channels stopped at Google while the grant works, then events, state and jobs gone', async () => {
    const { acct, user } = await linkedWithChannel();
    const res = await w.t.command('disconnect', 'U_ADA');
    await w.t.slack.state.waitForResponse(res.responseUrl);
    assert.deepEqual(push().live(acct.sub), []);
    const stops = w.t.google.state.requestsTo('/calendar/v3/channels/stop', 'POST');
    assert.equal(stops.length, 1);
    const revoke = w.t.google.state.requests.findIndex((r) => r.path === '/revoke');
    assert.ok(w.t.google.state.requests.indexOf(stops[0]) < revoke, 'stopped before the revocation');
    const m = w.t.ctx.db.models;
    assert.deepEqual(
      [
        await m.CalendarEvent.count({ where: { userId: user.id } }),
        await m.CalendarSync.count({ where: { userId: user.id } }),
        await m.CalendarChannel.count({ where: { userId: user.id } }),
        await m.Job.count({ where: { kind: ['calendar-sync', 'calendar-watch'] } }),
      ],
      [0, 0, 0, 0],
    );
  });

  it('uninstall: the same, for the people of that workspace', async () => {
    const { acct, user } = await linkedWithChannel();
    const sent = await w.t.event({ type: 'app_uninstalled' });
    await w.t.logs.processed(sent.eventId);
    assert.deepEqual(push().live(acct.sub), []);
    assert.equal(await w.t.ctx.db.models.CalendarChannel.count(), 0);
    assert.equal(await w.t.ctx.db.models.User.count({ where: { id: user.id } }), 0);
    assert.equal(
      await w.t.ctx.db.models.Job.count({ where: { kind: ['calendar-sync', 'calendar-watch'] } }),
      0,
    );
  });
});
