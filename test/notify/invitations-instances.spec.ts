import assert from 'node:assert/strict';
import { startFakeGoogle } from '../fakes/google/server';
import { startFakeSlack } from '../fakes/slack/server';
import { createTestDatabase } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { click, dmsTo, handled, INVITE, linkAda, patchesOf, shown, T0 } from './invitation-harness';

/** Two instances of Lume on one database (and one Slack, one Google): each invitation and answer happens once. */
describe('invitations across two instances', () => {
  it('one DM per invitation, one PATCH per answer, whichever instance plans, runs or gets the click', async () => {
    const database = await createTestDatabase();
    const google = await startFakeGoogle();
    const slack = await startFakeSlack();
    const shared = { database, google, slack, now: () => T0 };
    const a: TestServer = await startTestServer(shared);
    const b: TestServer = await startTestServer(shared);
    try {
      const ada = await linkAda(() => a);
      ada.world.invite({ id: 'both', summary: 'Seen twice', ...INVITE });
      // Both instances hear the batch (say a sync ran on each), and both engines run at once.
      const batch = await ada.world.sync(['both']);
      await b.ctx.calendar.emit(batch);
      await Promise.all([a.engine.runDue(), b.engine.runDue()]);
      await Promise.all([a.engine.runDue(), b.engine.runDue()]);
      const dms = dmsTo(a, ada).filter((m) => m.text?.includes('Seen twice'));
      assert.equal(dms.length, 1, 'one DM');
      assert.equal(await database.db.models.Notice.count(), 1);

      // The click reaches instance A and Slack's redelivery instance B, at once.
      const dm = structuredClone(dms[0]);
      await Promise.all([
        click(a, dm, 'accepted', ada.slackUserId),
        click(b, dm, 'accepted', ada.slackUserId),
      ]);
      const outcomes = [...(await handled(a, 1)), ...(await handled(b, 1))].sort();
      assert.deepEqual(outcomes, ['answered', 'duplicate']);
      assert.equal(patchesOf(a, 'both').length, 1, 'one PATCH');
      assert.match(shown(slack.state.messages.find((m) => m.ts === dm.ts)), /You answered \*Yes\*/);

      // Planned on A, which then stops before running it: B sends it.
      ada.world.invite({ id: 'left', summary: 'Left behind', ...INVITE });
      await ada.world.sync(['left']);
      await a.engine.stop(0);
      await b.engine.runDue();
      assert.equal(dmsTo(b, ada).filter((m) => m.text?.includes('Left behind')).length, 1);
    } finally {
      await a.close();
      await b.close();
      await google.close();
      await slack.close();
      await database.cleanup();
    }
  });
});
