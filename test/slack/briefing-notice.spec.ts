import assert from 'node:assert/strict';
import type { Agenda } from '../../src/agenda';
import type { BriefingNotice } from '../../src/notify/notices';
import { renderNotice } from '../../src/slack/blocks/notices';
import { blockKitProblems } from './block-kit-limits';

const agenda = (events: Agenda['events']): Agenda => ({
  date: '2025-06-10',
  timeZone: 'America/Los_Angeles',
  email: 'ada@example.com',
  events,
  tasks: {
    ok: true,
    value: { overdue: [{ title: 'File <expenses>', due: '2025-06-09', list: 'My Tasks' }], today: [] },
  },
  mail: { ok: true, value: { count: 2, more: false, top: [] } },
});
const review = {
  title: 'Design *review*',
  allDay: false,
  start: new Date('2025-06-10T17:00:00Z'),
  end: new Date('2025-06-10T17:30:00Z'),
  htmlLink: 'https://calendar.google.com/event?eid=abc',
  joinUrl: 'https://meet.google.com/abc-defg-hij',
};
const briefing = (
  attention: string | null,
  events: Agenda['events'] = { ok: true, value: [review] },
): BriefingNotice => ({
  kind: 'briefing',
  timeZone: 'America/Los_Angeles',
  agenda: agenda(events),
  attention,
});
const shown = (n: BriefingNotice) => JSON.stringify(renderNotice(n)?.blocks);

describe('briefing notice blocks', () => {
  it("the agenda as /lume today shows it, under a header, with the model's sentences on top", () => {
    const r = renderNotice(
      briefing('Two things: **File expenses** is overdue, and the review has no agenda.'),
    );
    assert.ok(r);
    assert.match(r.text, /^Your briefing\. Your day, Tuesday, June 10: 1 event/);
    const text = JSON.stringify(r.blocks);
    assert.match(text, /Your briefing — Tuesday, June 10/);
    assert.match(text, /:bulb: Two things: \*File expenses\* is overdue/, 'Markdown → mrkdwn');
    assert.match(text, /10:00 AM – 10:30 AM/);
    assert.match(text, /File &lt;expenses&gt;/, 'Google text escaped as in /lume today');
    assert.match(text, /\/lume briefing off/);
    assert.deepEqual(blockKitProblems(r), []);
  });

  it('no sentences (no model, or it failed): no attention block', () => {
    assert.doesNotMatch(shown(briefing(null)), /:bulb:/);
    assert.doesNotMatch(shown(briefing('   ')), /:bulb:/);
  });

  it("keeps the agenda's own Google links in the sentences and defuses any other, and every mention", () => {
    const text = shown(
      briefing(
        'Join [the review](https://meet.google.com/abc-defg-hij) <!here> <@U123> and see ![x](https://evil.example/p.png) https://evil.example/?d=ada',
      ),
    );
    assert.match(text, /<https:\/\/meet\.google\.com\/abc-defg-hij\|the review>/);
    assert.doesNotMatch(text, /<!here>|<@U123>/);
    assert.doesNotMatch(text, /evil\.example/);
    assert.doesNotMatch(text, /p\.png\)/);
  });

  it('a section that failed still renders, with its note', () => {
    const text = shown(
      briefing('Calendar is down.', { ok: false, note: "Calendar couldn't be loaded just now." }),
    );
    assert.match(text, /Calendar couldn't be loaded just now/);
  });
});
