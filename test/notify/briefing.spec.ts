import assert from 'node:assert/strict';
import { planBriefings } from '../../src/jobs/plan-briefings';
import { FAKE_GEMINI_KEY, type FakeGemini, fail, startFakeGemini, text } from '../fakes/gemini/server';
import { startTestServer, type TestServer } from '../helpers/server';
import { blocksText, briefed, briefingsTo, meeting, plannedBriefings } from './briefing-harness';

/**
 * The daily briefing end to end: settings through `/lume briefing`, the job in the database, the
 * engine on the test clock, the agenda from the fake Google, the sentences from the fake Gemini, the
 * DM in the fake Slack.
 */
describe('daily briefing', () => {
  let t: TestServer;
  let gemini: FakeGemini;
  let clock = new Date('2025-06-10T15:29:10Z'); // Tuesday 08:29:10 in Los Angeles
  const at = async (iso: string) => {
    clock = new Date(iso);
    await t.engine.runDue();
  };

  before(async () => {
    gemini = await startFakeGemini();
    t = await startTestServer({
      now: () => clock,
      env: { GEMINI_API_KEY: FAKE_GEMINI_KEY, GEMINI_BASE_URL: gemini.url },
    });
  });
  after(async () => {
    await t.close();
    await gemini.close();
  });
  beforeEach(() => {
    gemini.script.length = 0;
    gemini.requests.length = 0;
  });

  it("set for the next minute with /lume briefing, it arrives once at that minute with the day's events and the sentences", async () => {
    clock = new Date('2025-06-10T15:29:10Z');
    const p = await briefed(t, 'U_NEXT', 'America/Los_Angeles', null);
    meeting(t.google, p.sub, 'Design review', '2025-06-10T10:00:00-07:00', '2025-06-10T10:30:00-07:00');
    meeting(t.google, p.sub, 'Vendor call', '2025-06-10T10:15:00-07:00', '2025-06-10T11:00:00-07:00');
    const res = await t.command('briefing 8:30 daily', 'U_NEXT');
    assert.equal(res.status, 200);
    await t.slack.state.waitForResponse(res.responseUrl);
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-10`, runAt: '2025-06-10T15:30:00.000Z' },
    ]);

    await at('2025-06-10T15:29:50Z');
    assert.equal(briefingsTo(t, 'U_NEXT').length, 0, 'not before its minute');

    gemini.push(text('Design review and Vendor call overlap at 10:15, so pick one.'));
    await at('2025-06-10T15:30:20Z');
    const sent = briefingsTo(t, 'U_NEXT');
    assert.equal(sent.length, 1);
    const shown = blocksText(sent[0]);
    assert.match(shown, /Design review/);
    assert.match(shown, /Vendor call/);
    assert.match(shown, /10:00 AM – 10:30 AM/);
    assert.match(shown, /Design review and Vendor call overlap at 10:15, so pick one\./);

    // One model call, no tools, the agenda fenced as untrusted data with the clash worked out.
    assert.equal(gemini.requests.length, 1);
    const body = gemini.requests[0].body;
    assert.equal(body.tools, undefined);
    const prompt = JSON.stringify(body.contents);
    assert.match(prompt, /untrusted_data/);
    assert.match(prompt, /clashes.*Design review.*Vendor call/);

    await at('2025-06-10T15:31:00Z');
    await at('2025-06-10T15:45:00Z');
    assert.equal(briefingsTo(t, 'U_NEXT').length, 1, 'once');
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-11`, runAt: '2025-06-11T15:30:00.000Z' },
    ]);
  });

  it('a failing model: the agenda goes alone, and the failure is logged', async () => {
    clock = new Date('2025-06-10T15:00:00Z');
    const p = await briefed(t, 'U_FAILING', 'America/Los_Angeles', { hour: 8, minute: 30, days: 'daily' });
    meeting(t.google, p.sub, 'Standup', '2025-06-10T09:00:00-07:00', '2025-06-10T09:15:00-07:00');
    gemini.push(fail(503), fail(503));
    await at('2025-06-10T15:30:05Z');
    const [sent] = briefingsTo(t, 'U_FAILING');
    assert.ok(sent, 'sent');
    assert.match(blocksText(sent), /Standup/);
    assert.doesNotMatch(blocksText(sent), /:bulb:/);
    assert.ok(t.logs.lines.some((l) => l.msg === 'briefing model call failed; the agenda goes alone'));
  });

  it("the model's answer is sanitised like every answer: no mass mention, no link it made up", async () => {
    clock = new Date('2025-06-10T15:00:00Z');
    const p = await briefed(t, 'U_HOSTILE', 'America/Los_Angeles', { hour: 8, minute: 30, days: 'daily' });
    meeting(t.google, p.sub, 'Planning', '2025-06-10T09:00:00-07:00', '2025-06-10T09:15:00-07:00');
    gemini.push(
      text(
        '<!channel> Planning has no agenda. Read [this](https://evil.example/?q=secret) or https://evil.example/x first.',
      ),
    );
    await at('2025-06-10T15:30:05Z');
    const [sent] = briefingsTo(t, 'U_HOSTILE');
    const shown = blocksText(sent);
    assert.match(shown, /Planning has no agenda/);
    assert.doesNotMatch(shown, /<!channel>/);
    assert.doesNotMatch(shown, /<https?:\/\/evil/);
    assert.doesNotMatch(shown, /https:\/\/evil\.example/);
    assert.match(shown, /evil\[\.\]example/, 'shown defused, not as a link');
  });

  it('more than two hours late (Lume was down): skipped and logged, the next one planned', async () => {
    clock = new Date('2025-06-10T14:00:00Z');
    const p = await briefed(t, 'U_LATE', 'America/Los_Angeles', { hour: 8, minute: 0, days: 'daily' });
    await at('2025-06-10T17:00:01Z'); // 10:00:01 local: two hours and a second late
    assert.equal(briefingsTo(t, 'U_LATE').length, 0);
    assert.ok(t.logs.lines.some((l) => l.msg === 'briefing skipped: more than two hours late'));
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-11`, runAt: '2025-06-11T15:00:00.000Z' },
    ]);
  });

  it('just under two hours late it still goes', async () => {
    clock = new Date('2025-06-10T14:00:00Z');
    await briefed(t, 'U_ALMOST', 'America/Los_Angeles', { hour: 8, minute: 0, days: 'daily' });
    gemini.push(text('Nothing pressing today.'));
    await at('2025-06-10T16:59:00Z');
    assert.equal(briefingsTo(t, 'U_ALMOST').length, 1);
  });

  it("weekdays: Friday's is followed by Monday's; nothing on Saturday or Sunday", async () => {
    clock = new Date('2025-06-13T15:00:00Z'); // Friday 08:00 LA
    const p = await briefed(t, 'U_WEEK', 'America/Los_Angeles', { hour: 8, minute: 30, days: 'weekdays' });
    gemini.push(text('Quiet day.'), text('Quiet day.'));
    await at('2025-06-13T15:30:01Z');
    assert.equal(briefingsTo(t, 'U_WEEK').length, 1);
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-16`, runAt: '2025-06-16T15:30:00.000Z' },
    ]);
    await at('2025-06-14T15:30:01Z');
    await at('2025-06-15T15:30:01Z');
    assert.equal(briefingsTo(t, 'U_WEEK').length, 1, 'none at the weekend');
    await at('2025-06-16T15:30:01Z');
    assert.equal(briefingsTo(t, 'U_WEEK').length, 2, 'Monday');
  });

  it('turned off, changed, or disconnected: the planned job follows', async () => {
    clock = new Date('2025-06-10T14:00:00Z');
    const p = await briefed(t, 'U_CHANGE', 'America/Los_Angeles', { hour: 8, minute: 30, days: 'daily' });
    const person = { teamId: t.who.teamId, slackUserId: 'U_CHANGE' };
    await t.ctx.settings.update(person, { briefing: { hour: 9, minute: 15, days: 'daily' } });
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-10`, runAt: '2025-06-10T16:15:00.000Z' },
    ]);
    // A new Slack zone moves it to 9:15 there.
    await t.ctx.settings.refreshTimeZone(person, 'America/New_York', new Date('2025-06-10T14:00:01Z'));
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-11`, runAt: '2025-06-11T13:15:00.000Z' },
    ]);
    await t.ctx.settings.update(person, { briefing: null });
    assert.deepEqual(await plannedBriefings(t, p.identityId), []);
    await t.ctx.settings.update(person, { briefing: { hour: 9, minute: 15, days: 'daily' } });
    assert.equal((await plannedBriefings(t, p.identityId)).length, 1);
    await t.ctx.accounts.unlink(person, { revoke: 'when-orphaned' });
    assert.deepEqual(await plannedBriefings(t, p.identityId), []);
  });

  it('the hourly sweep plans anyone whose briefing has no job (set before the job existed, a chain that died)', async () => {
    clock = new Date('2025-06-10T14:00:00Z');
    const p = await briefed(t, 'U_SWEEP', 'America/Los_Angeles', { hour: 8, minute: 30, days: 'daily' });
    await t.ctx.jobs.cancel({ keyPrefix: `briefing:${p.identityId}:` });
    assert.deepEqual(await plannedBriefings(t, p.identityId), []);
    await planBriefings.run(t.ctx, {});
    await planBriefings.run(t.ctx, {});
    assert.deepEqual(await plannedBriefings(t, p.identityId), [
      { key: `briefing:${p.identityId}:2025-06-10`, runAt: '2025-06-10T15:30:00.000Z' },
    ]);
  });
});
