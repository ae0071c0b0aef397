import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server';
import { dmsTo, INVITE, linkAda, type Person, shown, T0 } from './invitation-harness';

/**
 * Change notices end to end: an accepted event its organiser moves or cancels gets one short DM
 * (through calendar batches, the job engine and the fake Slack); the person's own changes get none.
 */
describe('change notices', () => {
  let t: TestServer;
  let ada: Person;
  const clock = T0;
  let n = 0;

  before(async () => {
    t = await startTestServer({ now: () => clock });
    ada = await linkAda(() => t);
  });
  after(() => t.close());

  /** An invitation Ada accepted, already known to Lume (synced). */
  async function accepted(summary: string) {
    const id = `chg${++n}`;
    ada.world.invite({ id, summary, ...INVITE, response: 'accepted' });
    await ada.world.sync([id]);
    await t.engine.runDue();
    return id;
  }
  const about = (summary: string) => dmsTo(t, ada).filter((m) => m.text?.includes(summary));

  it('an accepted event moved by its organiser: one DM saying from when to when', async () => {
    const id = await accepted('Roadmap sync');
    assert.equal(about('Roadmap sync').length, 0, 'accepting it announced nothing');
    ada.world.change(id, (e) => {
      e.start = { dateTime: '2026-03-13T13:00:00Z' };
      e.end = { dateTime: '2026-03-13T14:00:00Z' };
    });
    await ada.world.sync([id]);
    // The same batch again (a retried sync job): still one DM.
    await t.engine.runDue();
    await ada.world.sync([id]);
    await t.engine.runDue();
    const dms = about('Roadmap sync');
    assert.equal(dms.length, 1);
    assert.match(shown(dms[0]), /moved from Thu, Mar 12, 10:15 AM to Fri, Mar 13, 2:00 PM/);
    assert.match(shown(dms[0]), /Grace Hopper/);
    assert.match(
      await t.ctx.metrics.registry.metrics(),
      /lume_notifications_sent_total\{kind="change"\} 1\b/,
    );
  });

  it('moved again: a DM for each new time', async () => {
    const id = await accepted('Twice moved');
    for (const hour of ['13', '15']) {
      ada.world.change(id, (e) => {
        e.start = { dateTime: `2026-03-13T${hour}:00:00Z` };
        e.end = { dateTime: `2026-03-13T${hour}:30:00Z` };
      });
      await ada.world.sync([id]);
      await t.engine.runDue();
    }
    const dms = about('Twice moved');
    assert.equal(dms.length, 2);
    assert.match(shown(dms[1]), /moved from Fri, Mar 13, 2:00 PM to Fri, Mar 13, 4:00 PM/);
  });

  it('cancelled by its organiser: one DM naming who cancelled it', async () => {
    const id = await accepted('Offsite');
    ada.world.change(id, (e) => {
      e.status = 'cancelled';
    });
    await ada.world.sync([id]);
    await t.engine.runDue();
    const dms = about('Offsite');
    assert.equal(dms.length, 1);
    assert.match(shown(dms[0]), /was cancelled by Grace Hopper/);
  });

  it('the person’s own changes get none: declining it, events they organise, first syncs', async () => {
    const before = dmsTo(t, ada).length;
    const declined = await accepted('Declined by Ada');
    ada.world.change(declined, (e) => {
      const self = e.attendees?.find((a) => a.self);
      if (self) self.responseStatus = 'declined';
    });
    await ada.world.sync([declined]);
    // Removing it from her calendar: Google records a decline, and the event reads as cancelled to her.
    const removed = await accepted('Removed by Ada');
    ada.world.change(removed, (e) => {
      e.status = 'cancelled';
      const self = e.attendees?.find((a) => a.self);
      if (self) self.responseStatus = 'declined';
    });
    await ada.world.sync([removed]);
    ada.world.own({ id: 'mine-moved', summary: 'Mine', ...INVITE });
    await ada.world.sync(['mine-moved']);
    ada.world.change('mine-moved', (e) => {
      e.start = { dateTime: '2026-03-13T13:00:00Z' };
      e.end = { dateTime: '2026-03-13T14:00:00Z' };
    });
    await ada.world.sync(['mine-moved']);
    const resynced = await accepted('Seen by a full resync');
    ada.world.change(resynced, (e) => {
      e.start = { dateTime: '2026-03-13T13:00:00Z' };
      e.end = { dateTime: '2026-03-13T14:00:00Z' };
    });
    await ada.world.sync([resynced], { initial: true });
    await t.engine.runDue();
    assert.equal(dmsTo(t, ada).length, before);
  });

  it('an unanswered invitation that moves gets no change notice (its invitation DM stands)', async () => {
    const id = `chg${++n}`;
    ada.world.invite({ id, summary: 'Still open', ...INVITE });
    await ada.world.sync([id]);
    await t.engine.runDue();
    ada.world.change(id, (e) => {
      e.start = { dateTime: '2026-03-13T13:00:00Z' };
      e.end = { dateTime: '2026-03-13T14:00:00Z' };
    });
    await ada.world.sync([id]);
    await t.engine.runDue();
    assert.equal(about('Still open').length, 1, 'only the invitation');
  });
});
