import assert from 'node:assert/strict';
import { seedPlace } from '../fakes/google/seed';
import { MAPS_KEY, seedStartPlaces } from '../helpers/places';
import type { TestServer } from '../helpers/server';
import { meeting, minutes, type Person, person, reminderServer, TestClock } from './reminder-world';

const T0 = '2027-01-12T17:00:00.000Z'; // 09:00 in San Francisco
const OAKLAND = '1000 Oak St, Oakland, CA 94607, USA';

type Body = {
  travelMode?: string;
  routingPreference?: string;
  departureTime?: string;
  destination?: unknown;
};

/** The contract's "Leave now" sentences, through the running server with the fake Places and Routes APIs. */
describe('notify: leave now', function () {
  this.timeout(30_000);
  const clock = new TestClock(Date.parse(T0));
  let t: TestServer;
  let ada: Person;
  const start = new Date(Date.parse(T0) + minutes(120));
  const at = async (d: Date) => {
    clock.set(d);
    await t.engine.runDue();
  };
  const routesCalls = () => t.google.state.requestsTo('/directions/v2:computeRoutes', 'POST');

  beforeEach(async () => {
    clock.set(T0);
    t = await reminderServer(clock, { env: { GOOGLE_MAPS_API_KEY: MAPS_KEY } });
    seedStartPlaces(t.google);
    seedPlace(t.google.state, {
      id: 'ChIJ-oak',
      name: 'Oakland Museum',
      address: OAKLAND,
      lat: 37.7987,
      lng: -122.264,
    });
    ada = await person(t, 'U_TRIP', 'America/Los_Angeles');
    const r = await t.command('location Ferry Building', 'U_TRIP');
    await t.slack.state.waitForResponse(r.responseUrl);
    await t.engine.runDue(); // the re-plan the change queued
  });
  afterEach(async () => t.close());

  it('driving: Routes asked close to the time, traffic-aware; the DM at start − travel − lead says the duration and links the route', async () => {
    await ada.calendar.put(meeting('evtrip', start, { location: OAKLAND, hangoutLink: undefined }));
    await at(new Date(start.getTime() - minutes(5 + 45) - 1000));
    assert.equal(routesCalls().length, 0, 'not asked hours ahead');
    await at(new Date(start.getTime() - minutes(5 + 45)));
    const [call] = routesCalls();
    const body = call.body as Body;
    assert.equal(body.travelMode, 'DRIVE');
    assert.equal(body.routingPreference, 'TRAFFIC_AWARE');
    assert.ok(body.departureTime && Date.parse(body.departureTime) > clock.now().getTime());
    assert.deepEqual(body.destination, { address: OAKLAND });
    const job = await t.ctx.db.models.Job.findOne({ where: { kind: 'reminder' } });
    const travelMin = Math.round((start.getTime() - minutes(5) - (job?.runAt.getTime() ?? 0)) / 60_000);
    assert.ok(travelMin > 15 && travelMin < 45, `a trip of ${travelMin} minutes`);
    await at(new Date(start.getTime() - minutes(5 + travelMin) - 1000));
    assert.equal(ada.reminders().length, 0);
    await at(new Date(start.getTime() - minutes(5 + travelMin)));
    await at(new Date(start.getTime() - minutes(5))); // the ordinary reminder's time: nothing more
    const [dm, ...more] = ada.reminders();
    assert.equal(more.length, 0, 'one DM per event');
    assert.match(
      dm.text ?? '',
      new RegExp(`^Leave in 5 minutes for Meeting evtrip \\(11:00 AM\\): ${travelMin} minutes driving`),
    );
    const blocks = JSON.stringify(dm.blocks);
    assert.match(blocks, /lume_route_link/);
    assert.match(
      blocks,
      /https:\/\/www\.google\.com\/maps\/dir\/\?api=1&origin=1\+Ferry\+Building[^"]*&origin_place_id=ChIJ-ferry&destination=1000\+Oak\+St[^"]*&travelmode=driving/,
    );
  });

  it('transit: no routing preference (Routes refuses one), the DM says public transit', async () => {
    const r = await t.command('travel transit', 'U_TRIP');
    await t.slack.state.waitForResponse(r.responseUrl);
    await t.engine.runDue(); // the re-plan the change queued
    await ada.calendar.put(meeting('evbus', start, { location: OAKLAND }));
    await at(new Date(start.getTime() - minutes(50)));
    const body = routesCalls()[0].body as Body;
    assert.equal(body.travelMode, 'TRANSIT');
    assert.equal(body.routingPreference, undefined);
    await at(new Date(start.getTime() - minutes(5)));
    assert.match(ada.reminders()[0]?.text ?? '', /minutes public transit$/);
  });

  it('Routes failing: the ordinary reminder still goes, at start − lead', async () => {
    t.google.state.failures.push({ match: /computeRoutes/, status: 500 });
    await ada.calendar.put(meeting('evfail', start, { location: OAKLAND }));
    await at(new Date(start.getTime() - minutes(50)));
    assert.equal(routesCalls().length, 1);
    await at(new Date(start.getTime() - minutes(5) - 1000));
    assert.equal(ada.reminders().length, 0);
    await at(new Date(start.getTime() - minutes(5)));
    const [dm, ...more] = ada.reminders();
    assert.equal(more.length, 0);
    assert.match(dm.text ?? '', /^Meeting evfail starts in 5 minutes \(11:00 AM\)/);
  });

  it('no route found, or a location that is a link: the ordinary reminder', async () => {
    await ada.calendar.put(meeting('evnowhere', start, { location: 'Atlantis, the lost city' }));
    await ada.calendar.put(
      meeting('evzoom', start, { location: 'https://acme.zoom.us/j/42', hangoutLink: undefined }),
    );
    await at(new Date(start.getTime() - minutes(50)));
    assert.equal(routesCalls().length, 1, 'Routes is asked for the place only');
    await at(new Date(start.getTime() - minutes(5)));
    const texts = ada
      .reminders()
      .map((m) => m.text ?? '')
      .sort();
    assert.equal(texts.length, 2);
    assert.match(texts[0], /^Meeting evnowhere starts in 5 minutes/);
    assert.match(texts[1], /^Meeting evzoom starts in 5 minutes/);
    assert.match(
      JSON.stringify(ada.reminders().find((m) => /evzoom/.test(m.text ?? ''))?.blocks),
      /"url":"https:\/\/acme\.zoom\.us\/j\/42"/,
    );
  });

  it('clearing the location goes back to ordinary reminders', async () => {
    await ada.calendar.put(meeting('evhome', start, { location: OAKLAND }));
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: 'leave-now' } }), 1);
    const r = await t.command('location off', 'U_TRIP');
    await t.slack.state.waitForResponse(r.responseUrl);
    await t.engine.runDue(); // the re-plan the change queued
    assert.equal(await t.ctx.db.models.Job.count({ where: { kind: 'leave-now' } }), 0);
    await at(new Date(start.getTime() - minutes(5)));
    assert.match(ada.reminders()[0]?.text ?? '', /^Meeting evhome starts in 5 minutes/);
  });
});
