import assert from 'node:assert/strict';
import { seedEvent } from '../fakes/google/seed';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

const NOW = new Date('2025-06-10T08:00:00Z');

/**
 * `/lume today share` posts a day into a channel everyone there can read: a private appointment must
 * show as "Busy" (no title, place or link), a join link must not carry the meeting's passcode (anyone
 * with `pwd=` skips the waiting room), and nothing of an event's description ever reaches the channel.
 */
describe('/lume today share shares only what is meant', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ now: () => NOW });
    t.slack.state.addUser({ id: 'U_SHARE', name: 'share', tz: 'UTC' });
    const { account } = await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_SHARE',
      account: { sub: '880', email: 'share@example.com', name: 'Share' },
    });
    const at = (h: number) => ({ dateTime: `2025-06-10T${String(h).padStart(2, '0')}:00:00Z` });
    seedEvent(t.google.state, account.sub, {
      summary: 'Therapy with Dr. Moreau',
      visibility: 'private',
      location: '12 Rue des Lilas, 3rd floor',
      hangoutLink: 'https://meet.google.com/pri-vate-eee',
      description: 'Bring the insurance card',
      start: at(9),
      end: at(10),
    });
    seedEvent(t.google.state, account.sub, {
      summary: 'Offer negotiation',
      visibility: 'confidential',
      start: at(10),
      end: at(11),
    });
    seedEvent(t.google.state, account.sub, {
      summary: 'Quarterly review',
      location: 'https://us02web.zoom.us/j/85512345678?pwd=SeCrEtPaSs123.1 (Passcode: 991122)',
      description: 'Door code 4321. Agenda: numbers.',
      start: at(12),
      end: at(13),
    });
    seedEvent(t.google.state, account.sub, {
      summary: 'Partner sync',
      conferenceData: {
        entryPoints: [
          { entryPointType: 'video', uri: 'https://teams.microsoft.com/meet/2834567?p=TeAmSkEy99' },
        ],
      },
      start: at(14),
      end: at(15),
    });
    seedEvent(t.google.state, account.sub, {
      summary: 'Vendor call',
      location: 'https://acme.webex.com/acme/j.php?MTID=m1234&pwd=WeBeXpw',
      start: at(16),
      end: at(17),
    });
  });
  after(() => t.close());

  async function today(text: string) {
    const res = await t.command(text, 'U_SHARE');
    const [reply] = await t.slack.state.waitForResponse(res.responseUrl);
    return reply.body as { response_type?: string; text?: string; blocks?: unknown[] };
  }

  it('private and confidential events are "Busy"; passcodes and descriptions stay out of the channel', async () => {
    const shared = await today('today share');
    assert.equal(shared.response_type, 'in_channel');
    const json = JSON.stringify(shared);
    for (const leak of [
      'Therapy',
      'Moreau',
      'Rue des Lilas',
      'pri-vate-eee',
      'Offer negotiation',
      'insurance',
      'Door code',
      '4321',
      'SeCrEtPaSs',
      '991122',
      'TeAmSkEy',
      'WeBeXpw',
      'pwd=',
    ])
      assert.ok(!json.includes(leak), `"${leak}" was posted to the channel`);
    assert.equal((json.match(/Busy/g) ?? []).length, 2, 'both private events show, as Busy');
    assert.match(json, /Quarterly review/);
    assert.match(
      json,
      /<https:\/\/us02web\.zoom\.us\/j\/85512345678\|Join>/,
      'the join link works, without its key',
    );
    assert.match(json, /<https:\/\/teams\.microsoft\.com\/meet\/2834567\|Join>/);
    assert.match(json, /MTID=m1234/, 'what is not a passcode stays');
  });

  it('the person’s own, private view keeps everything', async () => {
    const own = JSON.stringify(await today('today'));
    for (const kept of ['Therapy with Dr. Moreau', 'Offer negotiation', 'pwd=SeCrEtPaSs123.1'])
      assert.ok(own.includes(kept), kept);
  });
});
