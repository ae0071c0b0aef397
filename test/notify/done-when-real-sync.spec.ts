import assert from 'node:assert/strict';
import { account, type CalendarWorld, Clock, calendarWorld } from '../calendar/world';
import { dmChannelOf } from '../fakes/slack/methods';

const SECOND = 1000;

/**
 * Issue 9's "done when", with nothing standing in for calendar sync: the person links (full sync,
 * and with push a channel), runs `/lume reminders 2`, a meeting appears on their calendar four
 * minutes ahead, and Google tells Lume (a push notification, or the next poll) — one DM about two
 * minutes later, with the Join button, through the running server, the fakes and the real clients.
 */
describe('notify: done when — `/lume reminders 2`, a meeting four minutes ahead, one DM two minutes later (real sync)', function () {
  this.timeout(60_000);
  for (const push of ['on', 'off'] as const) {
    describe(`CALENDAR_PUSH=${push}`, () => {
      let w: CalendarWorld;
      beforeEach(async () => {
        w = await calendarWorld({
          env: { CALENDAR_PUSH: push },
          clock: new Clock(new Date('2027-01-12T17:00:00Z')),
        });
      });
      afterEach(() => w.close());

      it('one DM with Join, two minutes before the meeting, and no other', async () => {
        const acct = account('ada');
        await w.link('U_ADA', acct);
        await w.t.engine.runDue();
        await w.t.google.state.calendarPush.pushesSettled();
        const ack = await w.t.command('reminders 2', 'U_ADA');
        assert.equal(ack.status, 200);
        const [answer] = await w.t.slack.state.waitForResponse(ack.responseUrl);
        assert.match(JSON.stringify(answer.body), /2 minutes before each meeting/);

        // Someone books a meeting four minutes from now; with push on, Google posts a notification.
        const start = new Date(w.clock.t.getTime() + 4 * 60 * SECOND);
        w.seed(acct, 4, 34, { summary: 'Standup', hangoutLink: 'https://meet.google.com/abc-defg-hij' });
        if (push === 'on') await w.t.google.state.calendarPush.notify(acct.sub);

        const dms = () =>
          w.t.slack.state.messages.filter(
            (m) => m.channel === dmChannelOf('U_ADA') && /^Standup starts in/.test(m.text ?? ''),
          );
        // The clock moves in 15 s steps, each a pass of the job engine, until two minutes before the start.
        let firstAt: Date | null = null;
        while (w.clock.t.getTime() < start.getTime() - 60 * SECOND) {
          w.clock.advance(15 * SECOND);
          await w.t.engine.runDue();
          if (!firstAt && dms().length) firstAt = w.clock.t;
        }
        assert.equal(dms().length, 1, 'exactly one DM');
        assert.ok(firstAt, 'sent');
        const late = firstAt.getTime() - (start.getTime() - 2 * 60 * SECOND);
        assert.ok(late >= 0 && late < 60 * SECOND, `sent ${late} ms after it was due`);
        const [dm] = dms();
        assert.match(dm.text ?? '', /^Standup starts in 2 minutes/);
        const join = (dm.blocks as { elements?: { action_id?: string; url?: string }[] }[])
          .flatMap((b) => b.elements ?? [])
          .find((e) => e.action_id === 'lume_join_link');
        assert.equal(join?.url, 'https://meet.google.com/abc-defg-hij');
      });
    });
  }
});
