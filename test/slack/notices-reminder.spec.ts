import assert from 'node:assert/strict';
import type { LeaveNowNotice, NoticeEvent, ReminderNotice } from '../../src/notify/notices';
import { renderNotice } from '../../src/slack/blocks/notices';
import { leaveNowMessage, tripText } from '../../src/slack/blocks/notices/leave-now';
import { reminderMessage } from '../../src/slack/blocks/notices/reminder';
import { blockKitProblems } from './block-kit-limits';

type Element = { type: string; action_id?: string; url?: string; value?: string; style?: string };
type AnyBlock = { type: string; block_id?: string; elements?: Element[]; text?: { text: string } };

const event = (o: Partial<NoticeEvent> = {}): NoticeEvent => ({
  eventId: 'ev123',
  title: 'Weekly sync',
  start: new Date('2027-01-12T18:00:00Z'),
  end: new Date('2027-01-12T18:30:00Z'),
  location: 'Room 4',
  joinUrl: 'https://meet.google.com/abc-defg-hij',
  htmlLink: 'https://www.google.com/calendar/event?eid=ev123',
  ...o,
});
const reminder = (o: Partial<ReminderNotice> = {}): ReminderNotice => ({
  kind: 'reminder',
  timeZone: 'America/Los_Angeles',
  event: event(),
  minutesToGo: 5,
  rsvp: null,
  ...o,
});
const leaveNow = (o: Partial<LeaveNowNotice> = {}): LeaveNowNotice => ({
  kind: 'leave-now',
  timeZone: 'America/Los_Angeles',
  event: event({ joinUrl: null, location: '1000 Oak St, Oakland' }),
  minutesToGo: 5,
  rsvp: null,
  travelMode: 'driving',
  travelSeconds: 1510,
  routeUrl: 'https://www.google.com/maps/dir/?api=1&origin=A&destination=B&travelmode=driving',
  ...o,
});
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];
const buttons = (m: { blocks: unknown[] }) =>
  blocksOf(m).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const sectionText = (m: { blocks: unknown[] }) => blocksOf(m)[0].text?.text ?? '';

describe('blocks: reminder and leave-now notices', () => {
  it('a reminder: title linked to the event, time range in the person’s zone, place, and Join as a URL button', () => {
    const m = reminderMessage(reminder());
    assert.equal(m.text, 'Weekly sync starts in 5 minutes (10:00 AM)');
    assert.equal(
      sectionText(m),
      ':bell: <https://www.google.com/calendar/event?eid=ev123|Weekly sync> starts *in 5 minutes*\n:clock3: 10:00 AM – 10:30 AM\n:round_pushpin: Room 4',
    );
    assert.deepEqual(buttons(m), [
      {
        type: 'button',
        action_id: 'lume_join_link',
        text: { type: 'plain_text', text: 'Join' },
        url: 'https://meet.google.com/abc-defg-hij',
        style: 'primary',
      },
    ]);
    assert.deepEqual(blockKitProblems(m), []);
    assert.deepEqual(renderNotice(reminder()), m, 'registered for its kind');
  });

  it('lead 0 and 1 read right; no join link means no buttons at all', () => {
    assert.match(reminderMessage(reminder({ minutesToGo: 0 })).text, /^Weekly sync starts now \(10:00 AM\)$/);
    assert.match(reminderMessage(reminder({ minutesToGo: 1 })).text, /starts in 1 minute \(/);
    const m = reminderMessage(reminder({ event: event({ joinUrl: null, location: null }) }));
    assert.equal(buttons(m).length, 0);
    assert.doesNotMatch(sectionText(m), /round_pushpin/);
  });

  it('escapes what Google hands over, and never makes a button of a non-http link', () => {
    const m = reminderMessage(
      reminder({
        event: event({
          title: '<!channel> & co',
          location: '<@U123> room',
          joinUrl: 'javascript:alert(1)',
          htmlLink: null,
        }),
      }),
    );
    assert.match(sectionText(m), /^:bell: &lt;!channel&gt; &amp; co starts/);
    assert.match(sectionText(m), /&lt;@U123&gt; room/);
    assert.equal(buttons(m).length, 0);
  });

  it('an unanswered invitation’s reminder carries Yes / Maybe / No for that person and version', () => {
    const m = reminderMessage(reminder({ rsvp: { owner: 'U_ADA', version: '2027-01-10T00:00:00.000Z' } }));
    const rsvp = blocksOf(m).find((b) => b.block_id === 'lume_rsvp');
    assert.deepEqual(
      rsvp?.elements?.map((e) => e.action_id),
      ['lume_rsvp:accepted', 'lume_rsvp:tentative', 'lume_rsvp:declined'],
    );
    assert.deepEqual(JSON.parse(rsvp?.elements?.[0].value ?? ''), {
      e: 'ev123',
      u: 'U_ADA',
      v: '2027-01-10T00:00:00.000Z',
    });
    assert.deepEqual(blockKitProblems(m), []);
  });

  it('leave-now says when to leave, how long the trip takes in the person’s mode, and links the route', () => {
    const m = leaveNowMessage(leaveNow());
    assert.equal(m.text, 'Leave in 5 minutes for Weekly sync (10:00 AM): 26 minutes driving');
    assert.match(
      sectionText(m),
      /^:car: \*Leave in 5 minutes\* for <[^|]+\|Weekly sync>: the trip takes \*26 minutes driving\*/,
    );
    assert.deepEqual(
      buttons(m).map((b) => [b.action_id, b.url]),
      [
        [
          'lume_route_link',
          'https://www.google.com/maps/dir/?api=1&origin=A&destination=B&travelmode=driving',
        ],
      ],
    );
    assert.match(
      leaveNowMessage(leaveNow({ minutesToGo: 0, travelMode: 'transit' })).text,
      /^Time to leave for .*public transit$/,
    );
    assert.deepEqual(blockKitProblems(m), []);
  });

  it('trips in words, rounded up to the minute the DM was timed by', () => {
    assert.equal(tripText(59), '1 minute');
    assert.equal(tripText(61), '2 minutes');
    assert.equal(tripText(3600), '1 hour');
    assert.equal(tripText(3900), '1 hour 5 minutes');
    assert.equal(tripText(7260), '2 hours 1 minute');
  });
});
