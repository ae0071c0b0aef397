import assert from 'node:assert/strict';
import type { ChangeNotice, InvitationNotice } from '../../../src/notify/notices';
import { renderNotice } from '../../../src/slack/blocks/notices';
import { parseRsvpRef, settleRsvpBlocks } from '../../../src/slack/blocks/notices/rsvp-buttons';
import { blockKitProblems } from '../block-kit-limits';

const event = (o: Partial<InvitationNotice['event']> = {}): InvitationNotice['event'] => ({
  eventId: 'ev1',
  title: 'Roadmap',
  start: new Date('2026-03-12T09:15:00Z'),
  end: new Date('2026-03-12T10:00:00Z'),
  location: null,
  joinUrl: null,
  htmlLink: 'https://www.google.com/calendar/event?eid=ev1',
  ...o,
});

const invitation = (o: Partial<InvitationNotice> = {}): InvitationNotice => ({
  kind: 'invitation',
  timeZone: 'Europe/Berlin',
  event: event(),
  allDay: false,
  organizer: 'Grace Hopper',
  rsvp: { owner: 'U_ADA', version: '2026-03-01T10:00:00.000Z' },
  clashes: [],
  answer: null,
  ...o,
});

const render = (n: InvitationNotice | ChangeNotice) => {
  const r = renderNotice(n);
  assert.ok(r, `a renderer for ${n.kind}`);
  assert.deepEqual(blockKitProblems({ text: r.text, blocks: r.blocks }), []);
  return { ...r, shown: JSON.stringify(r.blocks) };
};

describe('invitation and change notice blocks', () => {
  it('an invitation: organiser, linked title, time in the zone, clashes, and buttons carrying the ref', () => {
    const r = render(
      invitation({
        clashes: [
          {
            title: 'Design review',
            start: new Date('2026-03-12T09:00:00Z'),
            end: new Date('2026-03-12T09:30:00Z'),
          },
        ],
      }),
    );
    assert.match(
      r.shown,
      /Grace Hopper invited you to <https:\/\/www.google.com\/calendar\/event\?eid=ev1\|Roadmap>/,
    );
    assert.match(r.shown, /Thu, Mar 12, 10:15 AM – 11:00 AM/);
    assert.match(r.shown, /overlaps Design review 10:00 AM – 10:30 AM/);
    assert.match(r.text, /Grace Hopper invited you to Roadmap \(Thu, Mar 12, 10:15 AM – 11:00 AM\)/);
    const actions = r.blocks.find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string }[];
    };
    assert.deepEqual(
      actions.elements.map((e) => e.action_id),
      ['lume_rsvp:accepted', 'lume_rsvp:tentative', 'lume_rsvp:declined'],
    );
    assert.deepEqual(parseRsvpRef(actions.elements[0].value), {
      e: 'ev1',
      u: 'U_ADA',
      v: '2026-03-01T10:00:00.000Z',
    });
  });

  it('every Google string is escaped: a title, organiser or clash cannot ping or link', () => {
    const r = render(
      invitation({
        event: event({ title: '<!channel> & <https://evil.test|x>', htmlLink: null }),
        organizer: '<@U123> *boss*',
        clashes: [
          {
            title: '<!here>',
            start: new Date('2026-03-12T09:00:00Z'),
            end: new Date('2026-03-12T09:30:00Z'),
          },
        ],
      }),
    );
    assert.doesNotMatch(r.shown, /<!channel>|<!here>|<@U123>|<https:\/\/evil/);
    assert.match(r.shown, /&lt;!channel&gt; &amp;/);
    assert.doesNotMatch(r.text, /<!channel>/);
  });

  it('answered or stale: the answer or the reason in the buttons’ place, no clash line', () => {
    const clashes = [
      { title: 'X', start: new Date('2026-03-12T09:00:00Z'), end: new Date('2026-03-12T09:30:00Z') },
    ];
    const yes = render(invitation({ answer: 'accepted', clashes }));
    assert.match(yes.shown, /You answered \*Yes\*/);
    assert.doesNotMatch(yes.shown, /lume_rsvp:|overlaps/);
    assert.match(render(invitation({ stale: 'cancelled' })).shown, /was cancelled/);
    assert.match(render(invitation({ stale: 'changed' })).shown, /changed after this message was sent/);
  });

  it('all-day invitations show their days, not midnights', () => {
    const one = render(
      invitation({
        allDay: true,
        event: event({ start: new Date('2026-03-11T23:00:00Z'), end: new Date('2026-03-12T23:00:00Z') }),
      }),
    );
    assert.match(one.shown, /Thu, Mar 12 \(all day\)/);
    const three = render(
      invitation({
        allDay: true,
        event: event({ start: new Date('2026-03-11T23:00:00Z'), end: new Date('2026-03-14T23:00:00Z') }),
      }),
    );
    assert.match(three.shown, /Thu, Mar 12 – Sat, Mar 14 \(all day\)/);
  });

  it('times follow daylight saving: the days clocks change in Los Angeles and Berlin', () => {
    // Los Angeles springs forward on 2026-03-08: 10:00 PDT is 17:00Z.
    const la = render(
      invitation({
        timeZone: 'America/Los_Angeles',
        event: event({ start: new Date('2026-03-08T17:00:00Z'), end: new Date('2026-03-08T18:00:00Z') }),
      }),
    );
    assert.match(la.shown, /Sun, Mar 8, 10:00 AM – 11:00 AM/);
    // Berlin falls back on 2026-10-25: 01:30Z is 02:30 CET (after), 00:30Z is 02:30 CEST (before).
    const berlin = render(
      invitation({
        event: event({ start: new Date('2026-10-25T00:30:00Z'), end: new Date('2026-10-25T01:30:00Z') }),
      }),
    );
    assert.match(berlin.shown, /Sun, Oct 25, 2:30 AM – 2:30 AM/);
  });

  it('a change notice: moved from when to when, or cancelled by whom', () => {
    const moved = render({
      kind: 'change',
      timeZone: 'Europe/Berlin',
      event: event({ start: new Date('2026-03-13T13:00:00Z'), end: new Date('2026-03-13T14:00:00Z') }),
      organizer: 'Grace <Hopper>',
      change: {
        kind: 'moved',
        fromStart: new Date('2026-03-12T09:15:00Z'),
        fromEnd: new Date('2026-03-12T10:00:00Z'),
      },
    });
    assert.match(moved.shown, /moved from Thu, Mar 12, 10:15 AM to Fri, Mar 13, 2:00 PM/);
    assert.match(moved.shown, /moved by Grace &lt;Hopper&gt;/);
    const cancelled = render({
      kind: 'change',
      timeZone: 'Europe/Berlin',
      event: event(),
      organizer: 'Grace Hopper',
      change: { kind: 'cancelled' },
    });
    assert.match(cancelled.shown, /\(Thu, Mar 12, 10:15 AM – 11:00 AM\) was cancelled by Grace Hopper/);
    assert.match(
      cancelled.text,
      /Roadmap \(Thu, Mar 12, 10:15 AM – 11:00 AM\) was cancelled by Grace Hopper/,
    );
  });

  it('settling a clicked message swaps only its buttons', () => {
    const { blocks } = render(invitation());
    const settled = settleRsvpBlocks(blocks, { answer: 'declined' });
    assert.equal(settled.length, blocks.length);
    assert.deepEqual(settled[0], blocks[0]);
    assert.match(JSON.stringify(settled), /You answered \*No\*/);
    assert.doesNotMatch(JSON.stringify(settled), /lume_rsvp:/);
  });
});
