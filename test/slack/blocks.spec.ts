import assert from 'node:assert/strict';
import type { Agenda, AgendaEvent } from '../../src/agenda';
import { toAgendaEvent } from '../../src/agenda/calendar';
import { displayName } from '../../src/agenda/mail';
import { agendaMessage } from '../../src/slack/blocks/agenda';
import { homeView } from '../../src/slack/blocks/home';
import { esc, link } from '../../src/slack/blocks/text';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands';
import { closestSubcommand } from '../../src/slack/listeners/commands/route';
import { stripMentions } from '../../src/slack/listeners/events/app-mention';
import { ignoreReason } from '../../src/slack/listeners/events/message-im';
import { blocksError } from '../fakes/slack/blocks';

const DAY = {
  date: '2025-06-10',
  start: new Date('2025-06-10T07:00:00Z'),
  end: new Date('2025-06-11T07:00:00Z'),
  timeZone: 'America/Los_Angeles',
};

function agenda(events: AgendaEvent[], over: Partial<Agenda> = {}): Agenda {
  return {
    date: '2025-06-10',
    timeZone: 'America/Los_Angeles',
    email: 'ada@example.com',
    events: { ok: true, value: events },
    tasks: { ok: true, value: { overdue: [], today: [] } },
    mail: { ok: true, value: { count: 0, more: false, top: [] } },
    ...over,
  };
}
const all = (m: { blocks: unknown[] }) => JSON.stringify(m.blocks);

describe('Block Kit builders and the small parsers behind them', () => {
  it('escapes mrkdwn control characters, so a title cannot ping @channel', () => {
    assert.equal(esc('<!channel> & <@U1>'), '&lt;!channel&gt; &amp; &lt;@U1&gt;');
    assert.equal(link('https://x.test/a|b>c', 'A | B'), '<https://x.test/a%7Cb%3Ec|A ¦ B>');
  });

  it('maps Google events onto the local day: cancelled, declined, multi-day and overnight', () => {
    assert.equal(toAgendaEvent({ status: 'cancelled', start: { date: '2025-06-10' } }, DAY), null);
    assert.equal(
      toAgendaEvent(
        {
          start: { dateTime: '2025-06-10T10:00:00-07:00' },
          end: { dateTime: '2025-06-10T11:00:00-07:00' },
          attendees: [{ self: true, responseStatus: 'declined' }],
        },
        DAY,
      ),
      null,
    );
    assert.equal(toAgendaEvent({ start: { date: '2025-06-10' } }, DAY)?.allDay, true, 'no end date: one day');
    assert.equal(toAgendaEvent({ start: { date: '2025-06-11' }, end: { date: '2025-06-12' } }, DAY), null);
    const overnight = toAgendaEvent(
      {
        summary: 'Night',
        start: { dateTime: '2025-06-09T22:00:00-07:00' },
        end: { dateTime: '2025-06-10T02:00:00-07:00' },
      },
      DAY,
    );
    assert.equal(overnight?.startedEarlier, true);
    assert.match(all(agendaMessage(agenda([overnight as AgendaEvent]))), /\*until 2:00 AM\* · Night/);
    const untitled = toAgendaEvent(
      { start: { dateTime: '2025-06-10T20:00:00-07:00' }, end: { dateTime: '2025-06-11T01:00:00-07:00' } },
      DAY,
    );
    assert.match(all(agendaMessage(agenda([untitled as AgendaEvent]))), /\*8:00 PM onwards\* · \(no title\)/);
  });

  it('keeps a busy day inside Slack limits: sections ≤ 3000 characters, ≤ 50 blocks, the rest counted', () => {
    const events: AgendaEvent[] = Array.from({ length: 60 }, (_, i) => ({
      title: `Meeting ${i} ${'x'.repeat(150)}`,
      allDay: false,
      start: new Date(Date.UTC(2025, 5, 10, 8, i)),
      end: new Date(Date.UTC(2025, 5, 10, 9, i)),
      location: 'Somewhere with a long address '.repeat(3),
      joinUrl: 'https://meet.google.com/aaa-bbbb-ccc',
    }));
    const msg = agendaMessage(agenda(events));
    assert.equal(blocksError(msg.blocks, 50), undefined);
    assert.match(all(msg), /…and 35 more/);
  });

  it('shows failures as one-line notes and capped mail counts as N+', () => {
    const msg = agendaMessage(
      agenda([], {
        tasks: { ok: false, note: 'Tasks is down.' },
        mail: {
          ok: true,
          value: { count: 50, more: true, top: [{ subject: 'S <b>', from: 'P', threadId: 't1' }] },
        },
      }),
    );
    assert.match(all(msg), /:warning: Tasks is down\./);
    assert.match(all(msg), /Mail — 50\+ unread important/);
    assert.match(all(msg), /#inbox\/t1\|S &lt;b&gt;>/);
    assert.match(msg.text, /50\+ unread important/);
  });

  it('App Home views stay valid for every state', () => {
    for (const view of [
      homeView({ kind: 'connected', email: 'a@example.com', agenda: 'loading' }),
      homeView({ kind: 'connected', email: 'a@example.com', agenda: { note: 'down' } }),
      homeView({ kind: 'connected', email: 'a@example.com', agenda: agenda([]) }),
      homeView({ kind: 'not-connected', connectUrl: 'https://x.test/l', revokedEmail: 'a@example.com' }),
    ]) {
      assert.equal(view.type, 'home');
      assert.equal(blocksError(view.blocks, 100), undefined);
    }
  });

  it('suggests a subcommand for near misses only', () => {
    assert.equal(closestSubcommand('tody', SUBCOMMANDS), 'today');
    assert.equal(closestSubcommand('stauts', SUBCOMMANDS), 'status');
    assert.equal(closestSubcommand('disconect', SUBCOMMANDS), 'disconnect');
    assert.equal(closestSubcommand('weather', SUBCOMMANDS), undefined);
    assert.equal(closestSubcommand('hi', SUBCOMMANDS), undefined);
  });

  it('strips mentions and parses From headers', () => {
    assert.equal(
      stripMentions('<@U0LUMEBOT>  lunch with <@U123|ada> or <@U456>?', 'U0LUMEBOT'),
      'lunch with @ada or <@U456>?',
    );
    assert.equal(displayName('"Patel, Priya" <priya@example.com>'), 'Patel, Priya');
    assert.equal(displayName('<ops@example.com>'), 'ops@example.com');
    assert.equal(displayName('ops@example.com'), 'ops@example.com');
  });

  it('tells a person writing to Lume from everything else', () => {
    const base = { channel: 'D1', ts: '1.1', channel_type: 'im', user: 'U1', text: 'hi' };
    assert.equal(ignoreReason(base, 'UBOT'), undefined);
    assert.equal(ignoreReason({ ...base, subtype: 'file_share' }, 'UBOT'), undefined);
    assert.equal(ignoreReason({ ...base, subtype: 'message_changed' }, 'UBOT'), 'subtype message_changed');
    assert.equal(ignoreReason({ ...base, bot_id: 'B1' }, 'UBOT'), 'from a bot');
    assert.equal(ignoreReason({ ...base, user: 'UBOT' }, 'UBOT'), 'from Lume');
    assert.equal(ignoreReason({ ...base, channel_type: 'channel' }, 'UBOT'), 'not a DM');
    assert.equal(ignoreReason({ ...base, text: '  ' }, 'UBOT'), 'no text');
  });
});
