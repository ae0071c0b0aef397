import assert from 'node:assert/strict';
import { call, functionResponses, systemText, text } from '../fakes/gemini/server';
import { appContextChanged, dmMessage, newTs } from '../fakes/slack/payloads';
import { DM, startTeamworkWorld, type TeamworkWorld } from './teamwork-world';

type Found = { attendees: { name: string }[]; channel?: string };
const WINDOW = { durationMinutes: 30, start: '2026-03-11T12:00', end: '2026-03-11T17:00' };

/** Where the person is looking (agent view): app_context_changed and a DM's own app_context. */
describe('the channel the person has open', () => {
  let w: TeamworkWorld;
  beforeEach(async () => {
    w = await startTeamworkWorld();
    const s = w.t.slack.state;
    s.addChannel({ id: 'C0DESIGN', name: 'design', members: ['U0ADA', 'U0GRACE', 'U0EVE', 'U0BOT'] });
    s.addChannel({ id: 'G0SECRET', name: 'secret', members: ['U0ADA', 'U0TOM'], isPrivate: true });
  });
  afterEach(() => w.close());

  /** A DM in an agent-view thread; `viewing` is the app_context Slack sends with it. */
  async function ask(question: string, viewing?: string) {
    const event = dmMessage({
      user: 'U0ADA',
      text: question,
      channel: DM,
      thread_ts: newTs(),
      ...(viewing !== undefined
        ? {
            extra: {
              app_context: viewing ? { entities: [{ type: 'slack#/types/channel_id', value: viewing }] } : {},
            },
          }
        : {}),
    });
    const sent = await w.t.event(event);
    await w.t.logs.processed(sent.eventId);
  }

  const meetingWithChannel = () => {
    let found: Found | undefined;
    w.gemini.push(call('find_meeting_time', { people: [], includeViewedChannel: true, ...WINDOW }), (req) => {
      found = (functionResponses(req)[0].response.output as { untrusted_data: Found } | undefined)
        ?.untrusted_data;
      return text('Pick a time.');
    });
    return () => found;
  };

  it('app_context_changed tells the agent the channel (name and id), and "the people in this channel" are its members', async () => {
    const sent = await w.t.event(appContextChanged({ user: 'U0ADA', channel: DM, viewing: 'C0DESIGN' }));
    assert.equal(sent.status, 200);
    await w.t.logs.processed(sent.eventId);
    const found = meetingWithChannel();
    await ask('find 30 minutes with the people in this channel tomorrow afternoon');
    assert.match(systemText(w.gemini.requests[0]), /the Slack channel #design \(id C0DESIGN\) open/);
    // Ada herself and the bot are left out.
    assert.deepEqual(
      found()?.attendees.map((a) => a.name),
      ['Grace Hopper', 'Eve Moneypenny'],
    );
    assert.equal(found()?.channel, 'The 2 other people in #design were included.');
    assert.equal(w.choices()?.actionIds.length, 3);
  });

  it('caps a big channel at 20 people and says so', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `U0P${String(i).padStart(3, '0')}`);
    for (const id of ids)
      w.t.slack.state.addUser({ id, name: `Person ${id}`, email: `${id.toLowerCase()}@example.com` });
    w.t.slack.state.addChannel({ id: 'C0ALL', name: 'all-hands', members: ['U0ADA', ...ids] });
    const found = meetingWithChannel();
    await ask('find a time with everyone here tomorrow afternoon', 'C0ALL');
    assert.equal(found()?.attendees.length, 20);
    assert.equal(
      found()?.channel,
      'Only the first 20 people in #all-hands were included (5 more); tell the user.',
    );
  });

  it("a DM's own app_context wins over an older event, and a context without a channel forgets it", async () => {
    await w.t.event(appContextChanged({ user: 'U0ADA', channel: DM, viewing: 'C0DESIGN' }));
    w.gemini.push(text('ok'), text('ok'), text('ok'));
    await ask('hello', 'G0SECRET');
    assert.match(
      systemText(w.gemini.requests[0]),
      /\(id G0SECRET\) open/,
      'Lume cannot name a private channel it is not in, but knows its id',
    );
    const forgot = await w.t.event(appContextChanged({ user: 'U0ADA', channel: DM }));
    await w.t.logs.processed(forgot.eventId);
    await ask('hello again');
    assert.doesNotMatch(systemText(w.gemini.requests[1]), /Beside this conversation/);
    await ask('and now?', 'C0DESIGN');
    assert.match(systemText(w.gemini.requests[2]), /#design \(id C0DESIGN\)/);
  });

  it("says when Lume can't see who is in the open channel", async () => {
    const found = meetingWithChannel();
    await ask('find a time with the people in this channel tomorrow afternoon', 'G0SECRET');
    assert.equal(found()?.channel, undefined);
    const [req] = w.gemini.requests.slice(1);
    assert.match(JSON.stringify(functionResponses(req)), /Lume cannot see who is in the open channel/);
  });
});
