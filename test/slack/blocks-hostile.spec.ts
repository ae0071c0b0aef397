import assert from 'node:assert/strict';
import type { Agenda, AgendaEvent, AgendaTask } from '../../src/agenda';
import { defaultSettings } from '../../src/settings/settings';
import { actionOutcomeCard } from '../../src/slack/blocks/action-outcome-card';
import { agendaMessage } from '../../src/slack/blocks/agenda';
import { answerMessages } from '../../src/slack/blocks/answer-message';
import { confirmCard } from '../../src/slack/blocks/confirm-card';
import { connectedMessage, connectMessage, disconnectedMessage } from '../../src/slack/blocks/connect';
import { helpMessage } from '../../src/slack/blocks/help';
import { homeView } from '../../src/slack/blocks/home';
import { settingsModal } from '../../src/slack/blocks/settings-modal';
import { revokedMessageText, statusMessage } from '../../src/slack/blocks/status';
import { esc, truncate } from '../../src/slack/blocks/text';
import { welcomeMessage } from '../../src/slack/blocks/welcome';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands';
import { modalError } from '../fakes/slack/views';
import { blockKitProblems } from './block-kit-limits';

/** What a stranger can put in an event title, a mail subject, a task or a display name. */
const HOSTILE = [
  '<!channel> lunch is here',
  'Invoice <https://evil.example/pay|click to view> now',
  'R&D & Q&A <b>bold</b> a > b',
  '*bold* _it_ ~strike~ `code` ```block```',
  '🙂🎉'.repeat(120),
  'اجتماع الفريق · פגישת צוות',
  '&amp; already &lt;escaped&gt;',
  'pipe | in | the | label',
  'x'.repeat(5000),
  '&'.repeat(3000),
  '<'.repeat(1000),
];
const pick = (i: number) => HOSTILE[i % HOSTILE.length];
const at = (h: number) => new Date(Date.UTC(2025, 5, 10, 7 + (h % 17), h % 60));

function hostileAgenda(): Agenda {
  const events: AgendaEvent[] = Array.from({ length: 40 }, (_, i) => ({
    title: pick(i),
    allDay: i % 9 === 0,
    start: at(i),
    end: at(i + 1),
    location: `${pick(i + 3)} https://zoom.us/j/${i}?pwd=${'a'.repeat(i * 20)}`,
    joinUrl: i % 4 === 0 ? `https://meet.google.com/${'x'.repeat(i * 40)}` : undefined,
    htmlLink: `https://www.google.com/calendar/event?eid=${i}|<!here>`,
    myResponse: i % 3 === 0 ? 'tentative' : undefined,
  }));
  const task = (i: number): AgendaTask => ({
    title: pick(i + 1),
    due: `2025-06-0${(i % 9) + 1}`,
    list: pick(i + 2),
    link: `https://tasks.google.com/task/${i}`,
  });
  return {
    date: '2025-06-10',
    timeZone: 'America/Los_Angeles',
    email: 'r&d+<x>@example.com',
    events: { ok: true, value: events },
    tasks: {
      ok: true,
      value: {
        overdue: Array.from({ length: 30 }, (_, i) => task(i)),
        today: Array.from({ length: 30 }, (_, i) => task(i + 5)),
      },
    },
    // Gmail's list call is capped at 50: 100 unread show as "50+".
    mail: {
      ok: true,
      value: {
        count: 50,
        more: true,
        top: [0, 1, 9].map((i) => ({ subject: pick(i), from: pick(i + 4), threadId: `t${i}<>` })),
      },
    },
  };
}

const valid = (what: string, surface: { text?: unknown; blocks: unknown[]; type?: unknown }) =>
  assert.deepEqual(blockKitProblems(surface), [], what);

/** Every mrkdwn / plain text in a surface, for checks on what people would read. */
const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('Block Kit builders with hostile and oversized data stay within Slack limits', () => {
  it('the validator itself catches what Slack refuses', () => {
    const bad = {
      text: '',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `<!channel> ${'x'.repeat(3001)}` } },
        { type: 'header', text: { type: 'plain_text', text: '🙂'.repeat(80).slice(0, 151) } },
        { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'a & b' })) },
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'y'.repeat(76) } }],
        },
      ],
    };
    const problems = blockKitProblems(bad).join('\n');
    for (const expected of [
      'no fallback text',
      'text of 3012 characters',
      'unescaped < at "<!channel>',
      'blocks[1].text: text of 151',
      'unpaired surrogate',
      '11 context elements',
      'unescaped &',
      'blocks[3].elements[0].text: text of 76',
    ])
      assert.ok(problems.includes(expected), `expected "${expected}" in:\n${problems}`);
  });

  it('/lume today with 40 events, 60 tasks and 100 unread mails full of markup', () => {
    const msg = agendaMessage(hostileAgenda());
    valid('agenda message', msg);
    const json = texts(msg.blocks);
    assert.doesNotMatch(json, /<!channel>|<!here>/);
    // A URL in a location may be linked, but only ever labelled with itself, never "click to view".
    assert.doesNotMatch(json, /<https:\/\/evil[^|>]*\|(?!evil\.example)/);
    assert.match(json, /…and 15 more/, 'events past 25 are counted, not dropped silently');
    assert.match(json, /Mail — 50\+ unread important/);
    assert.match(json, /_\(maybe\)_/);
    assert.match(
      json,
      /<https:\/\/zoom\.us\/j\/2\?pwd=a+\|zoom\.us\/j\/2\?pwd=a+>/,
      'location URLs stay clickable',
    );
  });

  it('App Home in every state, with the same data', () => {
    const a = hostileAgenda();
    for (const view of [
      homeView({ kind: 'connected', email: a.email, agenda: a }),
      homeView({ kind: 'connected', email: a.email, agenda: 'loading' }),
      homeView({ kind: 'connected', email: a.email, agenda: { note: HOSTILE[2] } }),
      homeView({
        kind: 'not-connected',
        connectUrl: 'https://lume.example/l?x=1&y=2',
        revokedEmail: a.email,
      }),
    ])
      valid('home view', view);
  });

  it('status, connect, connected, disconnected and revoked messages with a hostile address', () => {
    const email = 'r&d+<!channel>@example.com';
    valid(
      'status',
      statusMessage({ email, granted: [], missing: ['Keep'], assistantReady: false, mapsReady: true }),
    );
    valid(
      'connect',
      connectMessage({ url: 'https://lume.example/a?link=x&y', expiresAt: new Date(), connectedAs: email }),
    );
    valid(
      'revoked',
      connectMessage({ url: 'https://x.example', expiresAt: new Date(), reason: revokedMessageText(email) }),
    );
    valid('connected', connectedMessage(email));
    const gone = { email, hadAccess: true, revokedAtGoogle: true, forgotten: true };
    valid('disconnected', disconnectedMessage(gone));
    valid('disconnected, shared account', disconnectedMessage({ ...gone, forgotten: false }));
    valid(
      'disconnected, already revoked',
      disconnectedMessage({ ...gone, hadAccess: false, revokedAtGoogle: false }),
    );
    const unconfirmed = disconnectedMessage({ ...gone, revokedAtGoogle: false });
    valid('disconnected, unconfirmed', unconfirmed);
    // Blocks are verbatim (no auto-linking), so the Google settings URL must be an explicit link.
    assert.match(texts(unconfirmed.blocks), /<https:\/\/myaccount\.google\.com\/permissions\|/);
    valid('help', helpMessage(SUBCOMMANDS));
    valid('welcome', welcomeMessage(false));
  });

  it('settings on App Home, in the modal and in the Connected DM, with a hostile address and zone', () => {
    const settings = {
      ...defaultSettings(),
      briefing: { hour: 8, minute: 30, days: 'weekdays' as const },
      location: { input: HOSTILE[0], formattedAddress: HOSTILE[2], placeId: 'p', lat: 1, lng: 2 },
    };
    const scene = {
      zone: 'America/Los_Angeles',
      now: new Date('2025-06-10T16:00:00Z'),
      mapsConfigured: false,
    };
    const a = hostileAgenda();
    const home = homeView({ kind: 'connected', email: a.email, agenda: a, settings: { settings, scene } });
    valid('home view with settings', home);
    assert.doesNotMatch(texts(home.blocks), /<!channel>/);
    valid('connected, offering', connectedMessage(a.email, { owner: 'U1', briefing: null, scene }));
    valid(
      'connected, briefing set',
      connectedMessage(a.email, { owner: 'U1', briefing: settings.briefing, scene }),
    );
    const modal = settingsModal(
      { ...settings, location: { ...settings.location, input: 'x'.repeat(200) } },
      { ...scene, mapsConfigured: true },
      { from: 'home' },
    );
    assert.deepEqual(modalError(modal), undefined);
  });

  it('a confirmation card for a reply quoting a long thread (every line starts with ">")', () => {
    const quoted = Array.from({ length: 2000 }, (_, i) => `> line ${i} of the thread & <more>`).join('\n');
    const preview = {
      title: `Reply to ${HOSTILE[4]}`,
      fields: [
        { label: 'To', value: HOSTILE.join(', ') },
        { label: 'Subject', value: HOSTILE[9] },
        { label: HOSTILE[0], value: '' },
        ...Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: pick(i) })),
      ],
      body: `Sounds good.\n\n${quoted}`,
    };
    const card = confirmCard({ actionId: 'a'.repeat(36), preview, expiresAt: new Date() });
    valid('confirm card', card);
    assert.match(texts(card.blocks), /View everything/);
    for (const outcome of [
      { kind: 'done' as const, by: 'U1', at: new Date(), detail: HOSTILE[1] },
      { kind: 'failed' as const, by: 'U1', at: new Date(), detail: HOSTILE[10] },
      { kind: 'cancelled' as const, by: 'U1', at: new Date() },
      { kind: 'expired' as const },
    ])
      valid(`outcome ${outcome.kind}`, actionOutcomeCard(preview, outcome));
  });

  it('an answer whose pieces grew past 3000 characters when escaped is cut again, never mid-link or mid-entity', () => {
    const link = '<https://calendar.google.com/x|the event>';
    const piece = `${esc('Q&A & R&D '.repeat(250))} ${link} ${esc('<tag> '.repeat(100))}`;
    const messages = answerMessages([piece, '', '  ', piece]);
    for (const m of messages) valid('answer', m);
    const all = messages.flatMap((m) => m.blocks.map((b) => JSON.stringify(b)));
    assert.equal(all.filter((b) => b.includes(link.replace(/\|/g, '|'))).length, 2, 'both links kept whole');
  });

  it('truncate never leaves half an emoji', () => {
    const cut = truncate('🙂'.repeat(100), 150);
    assert.ok(cut.length <= 150);
    assert.doesNotMatch(cut, /[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
