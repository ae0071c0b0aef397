import assert from 'node:assert/strict';
import type { TestServer } from '../helpers/server';
import { meeting, minutes, person, reminderServer, TestClock } from './reminder-world';

/**
 * Daylight-saving days: the reminder is due exactly `lead` minutes before the start in real instants,
 * however the wall clock jumps in between, and the DM shows the start in the person's zone.
 */
describe('notify: reminders on daylight-saving days', function () {
  this.timeout(30_000);
  const clock = new TestClock(0);
  let t: TestServer;
  afterEach(async () => t.close());

  const cases = [
    {
      what: 'Los Angeles, spring forward (01:59 PST → 03:00 PDT): a 03:05 meeting, 10 minutes ahead',
      tz: 'America/Los_Angeles',
      start: '2027-03-14T03:05:00-07:00',
      lead: 10,
      due: '2027-03-14T09:55:00.000Z', // 01:55 PST on the wall clock
      shown: '3:05 AM',
    },
    {
      what: 'Los Angeles, fall back: the second 01:30 (PST), an hour ahead (the first 01:30, PDT)',
      tz: 'America/Los_Angeles',
      start: '2027-11-07T01:30:00-08:00',
      lead: 60,
      due: '2027-11-07T08:30:00.000Z',
      shown: '1:30 AM',
    },
    {
      what: 'Berlin, spring forward (01:59 CET → 03:00 CEST): a 03:05 meeting, 10 minutes ahead',
      tz: 'Europe/Berlin',
      start: '2027-03-28T03:05:00+02:00',
      lead: 10,
      due: '2027-03-28T00:55:00.000Z', // 01:55 CET on the wall clock
      shown: '3:05 AM',
    },
    {
      what: 'Berlin, fall back (02:59 CEST → 02:00 CET): a 02:30 CET meeting, 45 minutes ahead',
      tz: 'Europe/Berlin',
      start: '2027-10-31T02:30:00+01:00',
      lead: 45,
      due: '2027-10-31T00:45:00.000Z', // 02:45 CEST, the first time the wall clock shows it
      shown: '2:30 AM',
    },
  ];

  for (const c of cases)
    it(c.what, async () => {
      const start = new Date(c.start);
      clock.set(new Date(start.getTime() - minutes(6 * 60)));
      t = await reminderServer(clock);
      const p = await person(t, 'U_DST', c.tz);
      await t.ctx.settings.update(
        { teamId: t.who.teamId, slackUserId: 'U_DST' },
        { reminders: { enabled: true, leadMinutes: c.lead } },
      );
      await p.calendar.put(
        meeting('evdst', start, {
          start: { dateTime: c.start, timeZone: c.tz },
          end: { dateTime: new Date(start.getTime() + minutes(30)).toISOString(), timeZone: c.tz },
        }),
      );
      const job = await t.ctx.db.models.Job.findOne({ where: { kind: 'reminder' } });
      assert.equal(job?.runAt.toISOString(), c.due);
      clock.set(new Date(Date.parse(c.due) - 1000));
      await t.engine.runDue();
      assert.equal(p.reminders().length, 0);
      clock.set(c.due);
      await t.engine.runDue();
      const [dm, ...more] = p.reminders();
      assert.equal(more.length, 0);
      assert.match(dm.text ?? '', new RegExp(`starts in ${c.lead} minutes \\(${c.shown}\\)`));
    });
});
