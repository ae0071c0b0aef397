import assert from 'node:assert/strict';
import { call, text } from '../fakes/gemini/server';
import { ADA_SLACK, type AgentWorld, startAgentWorld } from './harness';

const INSERT = '/calendar/v3/calendars/primary/events';

/**
 * The card shows a time in the zone Ada had when the model proposed the event; Confirm must create
 * exactly that, not re-read her zone at click time (which may fail — users.info is rate-limited and
 * cached per process — or may have changed since).
 */
describe('agent: a confirmed action runs in the time zone its card was shown in', () => {
  let w: AgentWorld;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2026-03-10T09:00:00Z');
    w = await startAgentWorld({ now: () => now });
    w.t.slack.state.users.get(ADA_SLACK)!.tz = 'America/Los_Angeles';
  });

  /** Past the ten minutes Lume keeps a users.info answer (the card, valid fifteen, still is). */
  const laterThanTheCache = () => {
    now = new Date(now.getTime() + 11 * 60_000);
  };
  afterEach(() => w.close());

  async function proposeMeeting() {
    w.gemini.push(
      call('create_event', { title: 'Plan Q4', start: '2026-03-12T10:00', durationMinutes: 60 }),
      text('Confirm the card to add it.'),
    );
    await w.dm('Put "Plan Q4" on Thursday at 10');
    const [card] = await w.cards();
    assert.match(JSON.stringify(card.message.blocks), /10:00\s?AM/, 'the card shows 10:00 AM');
    return card;
  }

  function insertedStart(): { dateTime?: string; timeZone?: string } {
    const [insert] = w.t.google.state.requestsTo(INSERT, 'POST');
    assert.ok(insert, 'the event was created');
    return (insert.body as { start: { dateTime?: string; timeZone?: string } }).start;
  }

  it('when Slack cannot say the zone at click time, the event is still 10:00 in Los Angeles', async () => {
    const card = await proposeMeeting();
    // Another instance, or more than the cache's ten minutes later, and users.info is rate-limited.
    laterThanTheCache();
    w.t.slack.state.failures.push({ method: 'users.info', error: 'ratelimited' });
    await w.click('confirm', card);
    const start = insertedStart();
    assert.equal(start.timeZone, 'America/Los_Angeles');
    assert.match(start.dateTime ?? '', /^2026-03-12T10:00/);
  });

  it('when Ada’s zone changed after the card was shown, the event is still what the card said', async () => {
    const card = await proposeMeeting();
    w.t.slack.state.users.get(ADA_SLACK)!.tz = 'Asia/Tokyo';
    laterThanTheCache();
    await w.click('confirm', card);
    const start = insertedStart();
    assert.equal(start.timeZone, 'America/Los_Angeles');
    assert.match(start.dateTime ?? '', /^2026-03-12T10:00/);
  });
});
