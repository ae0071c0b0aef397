import assert from 'node:assert/strict';
import { defaultSettings } from '../../src/settings/settings';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { MAPS_KEY, seedStartPlaces } from '../helpers/places';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

type View = Record<string, unknown> & {
  blocks: { type: string; block_id?: string }[];
  private_metadata: string;
};
const json = (v: unknown) => JSON.stringify(v);

/** The settings modal, App Home's settings and the "Connected" DM's offer, through the running server. */
describe('settings modal, App Home and the Connected DM', () => {
  let t: TestServer;
  let tdb: TestDatabase;
  const clock = new Date('2025-06-10T16:00:00Z'); // Tuesday, 09:00 in Los Angeles
  const sql: string[] = [];
  const settingsWrites = () => sql.filter((q) => /\b(INSERT|UPDATE|DELETE)\b[^;]*person_settings/i.test(q));
  const person = (slackUserId: string) => ({ teamId: t.who.teamId, slackUserId });
  let sub = 700;
  const connect = (slackUserId: string) =>
    connectSlackUser(t.ctx, t.google, {
      slackUserId,
      account: { sub: String(++sub), email: `${slackUserId.toLowerCase()}@example.com`, name: slackUserId },
    });

  before(async () => {
    tdb = await createTestDatabase({ onQuery: (q) => sql.push(q) });
    t = await startTestServer({ database: tdb, now: () => clock, env: { GOOGLE_MAPS_API_KEY: MAPS_KEY } });
    seedStartPlaces(t.google);
    for (const id of ['U_ADA', 'U_EVE', 'U_HOME', 'U_DM', 'U_MAL', 'U_NEW', 'U_SLOW', 'U_SET'])
      t.slack.state.addUser({ id, name: id.toLowerCase(), tz: 'America/Los_Angeles' });
    for (const id of ['U_ADA', 'U_EVE', 'U_HOME', 'U_DM', 'U_MAL', 'U_SLOW', 'U_SET']) await connect(id);
  });
  after(async () => {
    await t.close();
    await tdb.cleanup();
  });

  /** `/lume settings` (or an Edit click) → the modal the fake Slack opened. */
  async function openedBy(open: () => Promise<unknown>): Promise<View> {
    const before = t.slack.state.openedViews.length;
    await open();
    await t.slack.state.waitFor(
      () => (t.slack.state.openedViews.length > before ? true : undefined),
      'views.open',
    );
    return t.slack.state.openedViews[before] as View;
  }
  const settingsCommand = (userId: string) =>
    openedBy(async () => {
      const res = await t.command('settings', userId);
      assert.equal(res.status, 200);
      assert.equal(res.text, '');
    });

  it('/lume settings opens the modal with the command’s trigger, every setting as it stands', async () => {
    const cmdCount = t.slack.state.callsTo('views.open').length;
    const view = await settingsCommand('U_ADA');
    const [call] = t.slack.state.callsTo('views.open').slice(cmdCount);
    assert.match(String(call.args.trigger_id), /^\d+\.\d+\.trigger$/);
    assert.equal(view.callback_id, 'lume_settings');
    assert.deepEqual(JSON.parse(view.private_metadata), { from: 'command' }, 'no identity, nothing else');
    assert.deepEqual(
      view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id),
      ['reminders', 'lead', 'invitations', 'briefing', 'briefing_time', 'location', 'travel'],
    );
    const text = json(view);
    assert.match(text, /"initial_value":"5"/);
    assert.match(text, /"initial_option":\{"text":\{"type":"plain_text","text":"Off"/);
    assert.match(text, /"initial_time":"08:30","timezone":"America\/Los_Angeles"/);
    assert.match(text, /In your Slack time zone, America\/Los_Angeles/);
    assert.match(text, /"initial_option":\{"text":\{"type":"plain_text","text":"driving"/);
  });

  it('Save stores exactly what the form says, and closes the modal', async () => {
    const view = await settingsCommand('U_ADA');
    const res = await t.submit(view, 'U_ADA', {
      reminders: [],
      lead: '15',
      briefing: 'daily',
      briefing_time: '07:45',
      location: 'Ferry Building San Francisco',
      travel: 'walking',
    });
    assert.equal(res.status, 200);
    assert.equal(res.text, '', 'an empty ack closes the modal');
    assert.deepEqual(await t.ctx.settings.get(person('U_ADA')), {
      reminders: { enabled: false, leadMinutes: 15 },
      invitations: { enabled: true },
      briefing: { hour: 7, minute: 45, days: 'daily' },
      location: {
        input: 'Ferry Building San Francisco',
        formattedAddress: '1 Ferry Building, San Francisco, CA 94111, USA',
        placeId: 'ChIJ-ferry',
        lat: 37.7955,
        lng: -122.3937,
      },
      travelMode: 'walking',
      timeZone: 'America/Los_Angeles',
      timeZoneReadAt: clock,
    });
    // Reopened, the modal shows what was saved; saving it unchanged looks nothing up again.
    const again = await settingsCommand('U_ADA');
    assert.match(json(again), /"initial_value":"Ferry Building San Francisco"/);
    assert.match(json(again), /"initial_time":"07:45"/);
    const searches = t.google.state.requests.filter((q) => q.path.includes('searchText')).length;
    assert.equal((await t.submit(again, 'U_ADA')).text, '');
    assert.equal(t.google.state.requests.filter((q) => q.path.includes('searchText')).length, searches);
    // An emptied address removes the location.
    assert.equal((await t.submit(again, 'U_ADA', { location: null })).text, '');
    assert.equal((await t.ctx.settings.get(person('U_ADA'))).location, null);
  });

  it('a form that breaks the rules gets inline errors under each field, and nothing is written', async () => {
    const view = await settingsCommand('U_EVE');
    const before = await t.ctx.settings.get(person('U_EVE'));
    const writes = settingsWrites().length;
    const res = await t.submit(view, 'U_EVE', {
      lead: '99',
      briefing: 'weekdays',
      briefing_time: null,
      location: '100 Main St Springfield',
      travel: null,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), {
      response_action: 'errors',
      errors: {
        lead: 'Enter whole minutes from 0 to 60.',
        briefing_time: 'Pick a time for the briefing, or set the briefing to Off.',
        travel: 'Please choose one.',
        location:
          '“100 Main St Springfield” matches several places (100 Main St, Springfield, IL, USA · 100 Main St, Springfield, MA, USA). Add the street number, city or postcode.',
      },
    });
    const more = await t.submit(view, 'U_EVE', { lead: '2.5', location: 'Nowhere Lane 99 Atlantis' });
    assert.deepEqual(Object.keys((more.json() as { errors: object }).errors).sort(), ['lead', 'location']);
    assert.match(json(more.json()), /Google Maps found no place for “Nowhere Lane 99 Atlantis”/);
    assert.equal(settingsWrites().length, writes, 'no write');
    assert.deepEqual(await t.ctx.settings.get(person('U_EVE')), before);
  });

  it('the settings that change are the submitter’s, whatever view or metadata they send', async () => {
    const adaView = await settingsCommand('U_ADA');
    const ada = await t.ctx.settings.get(person('U_ADA'));
    const forged = {
      ...adaView,
      private_metadata: json({ from: 'home', userId: 'U_ADA', teamId: 'T0LUME' }),
    };
    assert.equal((await t.submit(forged, 'U_EVE', { lead: '42', location: null })).text, '');
    assert.deepEqual(await t.ctx.settings.get(person('U_ADA')), ada, "Ada's settings are untouched");
    assert.equal((await t.ctx.settings.get(person('U_EVE'))).reminders.leadMinutes, 42);
    // Someone who is not connected gets an inline error and nothing stored.
    const res = await t.submit(adaView, 'U_NEW', { lead: '10' });
    assert.match(
      json(res.json()),
      /"reminders":"Your Google account is no longer connected, so nothing was saved/,
    );
    assert.deepEqual(await t.ctx.settings.get(person('U_NEW')), defaultSettings());
  });

  it('not connected: /lume settings gives the connect link instead of a form', async () => {
    const opened = t.slack.state.callsTo('views.open').length;
    const res = await t.command('settings', 'U_NEW');
    const [r] = await t.slack.state.waitForResponse(res.responseUrl);
    assert.match(json(r.body), /Lume keeps these settings once your Google account is connected/);
    assert.equal(t.slack.state.callsTo('views.open').length, opened);
  });

  it('when Slack will not open the modal (expired trigger), the settings come in words', async () => {
    t.slack.state.failures.push({ method: 'views.open', error: 'expired_trigger_id', times: 1 });
    const res = await t.command('settings', 'U_SLOW');
    const [r] = await t.slack.state.waitForResponse(res.responseUrl);
    const text = String(r.body.text);
    assert.match(text, /Slack didn't open the settings form just now/);
    for (const line of [
      'Meeting reminders:* on, 5 minutes',
      'Invitations:* on',
      'Daily briefing:* off',
      'Travel to meetings:* driving',
    ])
      assert.ok(text.includes(line), line);
  });

  it('App Home shows the settings with Edit, which opens the same modal; saving refreshes the Home tab', async () => {
    await t.ctx.settings.update(person('U_HOME'), { briefing: { hour: 8, minute: 30, days: 'weekdays' } });
    const sent = await t.event({ type: 'app_home_opened', user: 'U_HOME', channel: 'D_HOME', tab: 'home' });
    await t.logs.processed(sent.eventId);
    const home = t.slack.state.homeViews.get('U_HOME');
    const text = json(home);
    assert.match(text, /What Lume tells you on its own/);
    assert.match(text, /"action_id":"lume_settings_edit"/);
    assert.match(text, /Meeting reminders:\* on, 5 minutes before each meeting/);
    assert.match(text, /Daily briefing:\* every weekday at 8:30 AM, America\/Los_Angeles time/);
    assert.match(text, /Leave-now start:\* not set/);

    const view = await openedBy(() =>
      t.action({
        userId: 'U_HOME',
        actionId: 'lume_settings_edit',
        container: { type: 'view', viewId: 'VHOME' },
      }),
    );
    assert.deepEqual(JSON.parse(view.private_metadata), { from: 'home' });
    assert.match(json(view), /"initial_time":"08:30"/);
    const publishes = t.slack.state.callsTo('views.publish').length;
    assert.equal((await t.submit(view, 'U_HOME', { lead: '3', travel: 'transit' })).text, '');
    await t.slack.state.waitForCall(
      'views.publish',
      (c) => c.args.user_id === 'U_HOME' && json(c.args.view).includes('3 minutes before each meeting'),
    );
    assert.ok(t.slack.state.callsTo('views.publish').length > publishes);
    assert.match(json(t.slack.state.homeViews.get('U_HOME')), /Travel to meetings:\* public transit/);
  });

  describe('the "Connected" DM offers the briefing with one click', () => {
    const dmTo = (userId: string) =>
      t.slack.state.waitForCall(
        'chat.postMessage',
        (c) => c.args.channel === userId && c.args.text !== undefined,
      );
    const offerButton = (blocks: unknown) =>
      (blocks as { accessory?: { action_id?: string; value?: string } }[]).find(
        (b) => b.accessory?.action_id === 'lume_briefing_offer',
      )?.accessory;

    async function linked(userId: string) {
      const user = (await t.ctx.accounts.findBySlack(t.who.teamId, userId)) ?? (await connect(userId)).user;
      await t.ctx.hooks.emitAccountLinked({ user, teamId: t.who.teamId, slackUserId: userId });
      const [dm] = await dmTo(userId);
      return dm;
    }
    const click = async (userId: string, value: string) => {
      const responseUrl = t.slack.state.responseUrl();
      const res = await t.action({
        userId,
        actionId: 'lume_briefing_offer',
        value,
        container: { type: 'message', channelId: 'D_DM', messageTs: '1.000001' },
        responseUrl,
      });
      assert.equal(res.status, 200);
      const [r] = await t.slack.state.waitForResponse(responseUrl);
      return r.body;
    };

    it('offers "every weekday at 8:30 AM" in their zone; the owner’s click sets it and the DM says so', async () => {
      const dm = await linked('U_DM');
      assert.equal(dm.args.text, 'Connected as u_dm@example.com.');
      assert.match(json(dm.args.blocks), /Get this every weekday at 8:30 AM \(America\/Los_Angeles\)\?/);
      const button = offerButton(dm.args.blocks);
      assert.equal(button?.value, 'U_DM');
      assert.match(json(button), /"text":"Yes, every weekday at 8:30 AM"/);

      const first = await click('U_DM', 'U_DM');
      assert.equal(first.replace_original, true);
      assert.match(
        json(first.blocks),
        /Your daily briefing:\* every weekday at 8:30 AM, America\/Los_Angeles time/,
      );
      assert.match(json(first.blocks), /Connected as \*u_dm@example.com\*/, 'the rest of the DM stays');
      assert.equal(offerButton(first.blocks), undefined, 'the offer is taken');
      assert.deepEqual((await t.ctx.settings.get(person('U_DM'))).briefing, {
        hour: 8,
        minute: 30,
        days: 'weekdays',
      });
      // A second click (a double click, a retry) sets the same briefing and says the same.
      const second = await click('U_DM', 'U_DM');
      assert.deepEqual(second.blocks, first.blocks);
      assert.deepEqual((await t.ctx.settings.get(person('U_DM'))).briefing, {
        hour: 8,
        minute: 30,
        days: 'weekdays',
      });
    });

    it('someone else clicking it changes nothing, for the owner or for them', async () => {
      const owner = await t.ctx.settings.update(person('U_SET'), { briefing: null });
      const clicker = await t.ctx.settings.get(person('U_MAL'));
      const writes = settingsWrites().length;
      const r = await click('U_MAL', 'U_SET');
      assert.equal(r.response_type, 'ephemeral');
      assert.equal(r.replace_original, false);
      assert.match(String(r.text), /This offer is for the person Lume sent it to; nothing changed/);
      assert.equal(settingsWrites().length, writes);
      assert.deepEqual(await t.ctx.settings.get(person('U_SET')), owner);
      assert.deepEqual(await t.ctx.settings.get(person('U_MAL')), clicker);
    });

    it('someone who already has a briefing is shown it instead of the offer', async () => {
      await t.ctx.settings.update(person('U_SET'), { briefing: { hour: 7, minute: 0, days: 'daily' } });
      const before = t.slack.state.callsTo('chat.postMessage').length;
      await t.ctx.hooks.emitAccountLinked({
        user: (await t.ctx.accounts.findBySlack(t.who.teamId, 'U_SET'))!,
        teamId: t.who.teamId,
        slackUserId: 'U_SET',
      });
      const dm = await t.slack.state.waitFor(
        () =>
          t.slack.state
            .callsTo('chat.postMessage')
            .slice(before)
            .find((c) => c.args.channel === 'U_SET'),
        'the Connected DM',
      );
      assert.equal(offerButton(dm.args.blocks), undefined);
      assert.match(json(dm.args.blocks), /Your daily briefing:\* every day at 7:00 AM/);
    });
  });
});
