import assert from 'node:assert/strict';
import { call, functionResponses, text } from '../fakes/gemini/server';
import { ADA } from '../fakes/google/server';
import { DM, GRACE, SECRET_TITLES, startTeamworkWorld, type TeamworkWorld } from './teamwork-world';

type Found = {
  attendees: { name: string; email: string; calendar: string }[];
  slots: { start: string; end: string; text: string }[];
  couldNotFind?: string[];
  cannotSeeCalendars?: string[];
};
const dataOf = (req: Parameters<typeof functionResponses>[0]) =>
  functionResponses(req)[0].response.output as { untrusted_data: Found; shown_as_buttons?: string };

const EVENTS = '/calendar/v3/calendars/primary/events';
const TOMORROW_AFTERNOON = { durationMinutes: 30, start: '2026-03-11T12:00', end: '2026-03-11T17:00' };

/** The issue's "done when", through the running server: DM → slots as buttons → card → one event with Meet. */
describe('find a time with teammates: end to end', () => {
  let w: TeamworkWorld;
  beforeEach(async () => {
    w = await startTeamworkWorld();
  });
  afterEach(() => w.close());

  it('"find 30 minutes with @grace and @eve tomorrow afternoon" → free slots → a card naming both → one event with a Meet link', async () => {
    let found: Found | undefined;
    w.gemini.push(
      call('find_meeting_time', { people: ['<@U0GRACE>', '<@U0EVE>'], ...TOMORROW_AFTERNOON }),
      (req) => {
        const out = dataOf(req);
        found = out.untrusted_data;
        assert.ok(out.shown_as_buttons, 'the model hears the slots are on buttons');
        return text(
          `Here are some times that work for everyone:\n${found.slots.map((s) => `- ${s.text}`).join('\n')}\n`,
        );
      },
    );
    await w.dm('find 30 minutes with <@U0GRACE> and <@U0EVE> tomorrow afternoon');

    // Grace's address is her own Lume link (not her Slack profile's); Eve's is her Slack profile's.
    assert.deepEqual(
      found?.attendees.map((a) => [a.name, a.email, a.calendar]),
      [
        ['Grace Hopper', GRACE.email, 'checked'],
        ['Eve Moneypenny', 'eve@example.com', 'checked'],
      ],
    );
    // Free for all: Grace (New York, busy 13–14 UTC, at work from 13:00 UTC) and Eve (busy 14:30–15:30).
    assert.deepEqual(
      found?.slots.map((s) => s.start),
      ['2026-03-11T14:00:00+00:00', '2026-03-11T15:30:00+00:00', '2026-03-11T16:00:00+00:00'],
    );
    const offered = w.choices();
    assert.ok(offered, 'the slots were posted as buttons');
    assert.equal(offered.message.channel, DM);
    assert.equal(offered.actionIds.length, 3);
    assert.match(JSON.stringify(offered.message.blocks), /Wed, Mar 11, 2026, 2:00 PM GMT/);
    assert.equal((await w.cards()).length, 0, 'no card before a pick');

    await w.pickChoice(0);
    const [card] = await w.cards();
    assert.ok(card, 'the pick shows the usual Confirm card');
    const shown = JSON.stringify(card.message.blocks);
    for (const part of [
      'Create event',
      GRACE.email,
      'eve@example.com',
      'Google Meet link added',
      '2:00 PM GMT',
      '2:30 PM GMT',
    ])
      assert.ok(shown.includes(part), `the card shows ${part}`);
    const settled = w.t.slack.state.messages.find((m) => m.ts === offered.message.ts);
    assert.doesNotMatch(JSON.stringify(settled?.blocks), /lume_choice/, 'the choice buttons are gone');
    assert.match(
      JSON.stringify(settled?.blocks),
      /You picked Meeting with Grace and Eve, Wed, Mar 11, 2026, 2:00 PM GMT/,
    );
    assert.equal(w.t.google.state.requestsTo(EVENTS, 'POST').length, 0, 'nothing booked by the pick');

    await w.click('confirm', card);
    const inserts = w.t.google.state.requestsTo(EVENTS, 'POST');
    assert.equal(inserts.length, 1, 'exactly one event');
    assert.equal(String(inserts[0].query.conferenceDataVersion), '1');
    const created = w.t.google.state.dataFor(ADA.sub).calendars.get('primary')?.events.at(-1);
    assert.equal(created?.summary, 'Meeting with Grace and Eve');
    assert.deepEqual(
      created?.attendees?.map((a) => a.email),
      [GRACE.email, 'eve@example.com'],
    );
    assert.match(created?.hangoutLink ?? '', /^https:\/\/meet\.google\.com\//);
    assert.equal(created?.start?.dateTime, '2026-03-11T14:00:00+00:00');
    assert.match(JSON.stringify(card.message.blocks), /Done — confirmed by <@U0ADA>/);
  });

  it('never lets a teammate’s titles, descriptions or guests reach Gemini or Slack, and uses a linked token for free/busy only', async () => {
    w.gemini.push(
      call('find_meeting_time', { people: ['<@U0GRACE>', '<@U0EVE>', '<@U0TOM>'], ...TOMORROW_AFTERNOON }),
      text('Pick a time above.'),
    );
    await w.dm('find 30 minutes with <@U0GRACE>, <@U0EVE> and <@U0TOM> tomorrow afternoon');
    await w.pickChoice(1);
    await w.click('confirm', (await w.cards())[0]);
    const sent = w.everythingSent();
    for (const secret of [
      ...SECRET_TITLES,
      'details nobody else may read',
      'Secret Guest',
      'someone@elsewhere.example',
    ])
      assert.ok(!sent.includes(secret), `"${secret}" never left Lume`);
    // Every Google call made with Grace's own token is one freeBusy.query for her primary calendar.
    const g = w.t.google.state;
    const asGrace = g.requests.filter((r) => {
      const token = String(r.headers.authorization ?? '').replace(/^Bearer /, '');
      return g.accessTokens.get(token)?.sub === GRACE.sub;
    });
    assert.ok(asGrace.length >= 1, "Grace's link was used");
    for (const r of asGrace) {
      assert.equal(`${r.method} ${r.path}`, 'POST /calendar/v3/freeBusy');
      assert.deepEqual((r.body as { items: unknown }).items, [{ id: 'primary' }]);
    }
    // Everyone else (Ada, Eve, Tom) is one freeBusy call with Ada's token.
    const asAda = g.requestsTo('/calendar/v3/freeBusy').filter((r) => !asGrace.includes(r));
    assert.equal(asAda.length, 1);
    assert.deepEqual(
      (asAda[0].body as { items: { id: string }[] }).items.map((i) => i.id),
      ['primary', 'eve@example.com', 'tom@partner.example'],
    );
  });

  it('names whom it cannot find or cannot see, and never guesses an address', async () => {
    w.t.slack.state.addUser({ id: 'U0SAM1', name: 'Sam', realName: 'Sam Lee', email: 'sam.lee@example.com' });
    w.t.slack.state.addUser({
      id: 'U0SAM2',
      name: 'Sammy',
      realName: 'Sam Park',
      email: 'sam.park@example.com',
    });
    let found: Found | undefined;
    w.gemini.push(
      call('find_meeting_time', {
        people: ['<@U0TOM>', '<@U0NOBODY>', 'Bo', 'Sam', 'Helper', 'Zed', 'guest@outside.example'],
        ...TOMORROW_AFTERNOON,
      }),
      (req) => {
        found = dataOf(req).untrusted_data;
        return text("I can't see Tom's calendar.");
      },
    );
    await w.dm('find 30 minutes with Tom, Bo, Sam, Zed and guest@outside.example tomorrow afternoon');
    assert.deepEqual(found?.cannotSeeCalendars, ['Tom Tailor', 'guest@outside.example']);
    assert.deepEqual(found?.couldNotFind, [
      '<@U0NOBODY>: is not a member of this Slack workspace',
      'Bo: Bo has no e-mail on their Slack profile and has not linked Lume',
      'Sam: could be any of Sam Lee, Sam Park: ask which',
      'Helper: Helper is an app, not a person',
      'Zed: matches no one in this Slack workspace',
    ]);
    assert.deepEqual(
      found?.attendees.map((a) => a.email),
      ['tom@partner.example', 'guest@outside.example'],
      'only addresses Slack, a Lume link or the person gave',
    );
  });

  it("a teammate whose Lume link Google revoked is read like anyone else, and the asker's turn goes on", async () => {
    w.t.google.state.revokeAccount(GRACE.sub);
    let found: Found | undefined;
    w.gemini.push(call('find_meeting_time', { people: ['<@U0GRACE>'], ...TOMORROW_AFTERNOON }), (req) => {
      found = dataOf(req).untrusted_data;
      return text('Here you go.');
    });
    await w.dm('find 30 minutes with <@U0GRACE> tomorrow afternoon');
    // Her own token failed; her calendar shares free/busy with example.com, so Ada's view of it counts.
    assert.deepEqual(
      found?.attendees.map((a) => a.calendar),
      ['checked'],
    );
    assert.equal(
      found?.slots[0]?.start,
      '2026-03-11T14:00:00+00:00',
      'her 13:00–14:00 meeting is still avoided',
    );
    const user = await w.t.ctx.db.models.User.findByPk(w.grace.user.id);
    assert.equal(user?.status, 'revoked', 'Google said her grant is gone');
    assert.ok(w.t.slack.state.messages.some((m) => m.text?.includes('Here you go')));
  });

  it('look_up_teammates: a linked teammate by their Lume link, an unlinked one by Slack profile, the unknown named', async () => {
    let out:
      | { people: { name: string; email: string; addressFrom: string }[]; couldNotFind?: string[] }
      | undefined;
    w.gemini.push(call('look_up_teammates', { people: ['<@U0GRACE|grace>', 'Eve', '@nobody'] }), (req) => {
      out = (functionResponses(req)[0].response.output as { untrusted_data: typeof out }).untrusted_data;
      return text('Found them.');
    });
    await w.dm('what are the addresses of @grace and Eve and nobody?');
    assert.deepEqual(out?.people, [
      {
        name: 'Grace Hopper',
        email: GRACE.email,
        addressFrom: 'their Lume link',
        timeZone: 'America/New_York',
      },
      {
        name: 'Eve Moneypenny',
        email: 'eve@example.com',
        addressFrom: 'their Slack profile',
        timeZone: 'Europe/London',
      },
    ]);
    assert.deepEqual(out?.couldNotFind, ['@nobody: matches no one in this Slack workspace']);
  });

  it('only the asker can pick, a second pick is refused, and the other choices are gone', async () => {
    w.gemini.push(
      call('find_meeting_time', { people: ['<@U0EVE>'], ...TOMORROW_AFTERNOON }),
      text('Pick one.'),
    );
    await w.dm('find 30 minutes with <@U0EVE> tomorrow afternoon');
    const offer = w.choices();
    await w.pickChoice(0, 'U0EVE');
    assert.equal((await w.cards()).length, 0, "Eve's click shows no card");
    assert.match(w.t.slack.state.messages.at(-1)?.text ?? '', /Only the person who asked/);
    await w.pickChoice(0);
    // The same buttons clicked again (a double click, a retry, an old copy of the message).
    await w.pickChoice(0, 'U0ADA', offer);
    await w.pickChoice(2, 'U0ADA', offer);
    assert.equal((await w.cards()).length, 1, 'one card, however many clicks');
    const refusals = w.t.slack.state.messages.filter((m) => m.ephemeralTo === 'U0ADA').map((m) => m.text);
    assert.deepEqual(refusals, [
      'You already picked this one: its card is below.',
      'You already picked another one: its card is below.',
    ]);
  });
});
