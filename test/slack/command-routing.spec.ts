import assert from 'node:assert/strict';
import { esc } from '../../src/slack/blocks/text';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands';
import { route } from '../../src/slack/listeners/commands/route';

const ran = (text: string, commands = SUBCOMMANDS) => {
  const to = route(text, commands);
  return to.kind === 'run' ? { name: to.command.name, args: to.args } : to.kind;
};

describe('/lume routing (from the list of subcommands alone)', () => {
  it('runs a subcommand whose rule accepts the words, with what the rule made of them', () => {
    assert.deepEqual(ran('today'), { name: 'today', args: false });
    assert.deepEqual(ran('Today SHARE'), { name: 'today', args: true });
    assert.deepEqual(ran('status'), { name: 'status', args: undefined });
  });

  it('answers help (and /lume alone) in the ack, listing every subcommand', () => {
    for (const text of ['', 'help', '  HELP ']) {
      const to = route(text, SUBCOMMANDS);
      assert.equal(to.kind, 'reply', text);
      if (to.kind !== 'reply') continue;
      for (const c of SUBCOMMANDS) assert.ok(to.message.text.includes(esc(c.usage)), c.usage);
    }
  });

  it('a question that starts with a subcommand, or any other text, goes to the agent', () => {
    for (const text of ['today is busy?', 'help me draft a reply', 'status of the Q3 report?', 'constructor'])
      assert.equal(ran(text), 'ask', text);
  });

  it('a near miss gets one line naming the subcommand', () => {
    const to = route('tody', SUBCOMMANDS);
    assert.equal(to.kind, 'hint');
    assert.match(to.kind === 'hint' ? to.text : '', /Did you mean `\/lume today`\?/);
  });

  it('a bad value gets the one line its rule gives, and runs nothing', () => {
    assert.deepEqual(ran('reminders 10'), { name: 'reminders', args: { leadMinutes: 10 } });
    assert.deepEqual(ran('reminders off'), { name: 'reminders', args: { enabled: false } });
    const to = route('reminders 90', SUBCOMMANDS);
    assert.equal(to.kind, 'hint');
    assert.match(
      to.kind === 'hint' ? to.text : '',
      /^Reminders take the minutes before each meeting, 0 to 60/,
    );
    assert.equal(ran('reminders for tomorrow?'), 'ask');
  });

  it('settings commands: what each accepts, what is a bad value, and what is a question', () => {
    const cases: [string, ReturnType<typeof ran>][] = [
      ['settings', { name: 'settings', args: undefined }],
      ['reminders', { name: 'reminders', args: { show: true } }],
      ['reminders ON', { name: 'reminders', args: { enabled: true } }],
      ['reminders 0', { name: 'reminders', args: { leadMinutes: 0 } }],
      ['reminders 60', { name: 'reminders', args: { leadMinutes: 60 } }],
      ['reminders 15 minutes', { name: 'reminders', args: { leadMinutes: 15 } }],
      ['reminders 61', 'hint'],
      ['reminders -5', 'hint'],
      ['reminders 2.5', 'hint'],
      ['reminders banana', 'hint'],
      ['reminders 90 minutes', 'hint'],
      ['reminders are too early, can you help?', 'ask'],
      ['briefing', { name: 'briefing', args: { show: true } }],
      ['briefing off', { name: 'briefing', args: { off: true } }],
      ['briefing 8:30', { name: 'briefing', args: { time: { hour: 8, minute: 30 }, days: 'weekdays' } }],
      ['briefing 08:30 daily', { name: 'briefing', args: { time: { hour: 8, minute: 30 }, days: 'daily' } }],
      [
        'briefing 8:30am weekdays',
        { name: 'briefing', args: { time: { hour: 8, minute: 30 }, days: 'weekdays' } },
      ],
      ['briefing 17:05', { name: 'briefing', args: { time: { hour: 17, minute: 5 }, days: 'weekdays' } }],
      [
        'briefing 5pm every day',
        { name: 'briefing', args: { time: { hour: 17, minute: 0 }, days: 'daily' } },
      ],
      ['briefing 5 pm', { name: 'briefing', args: { time: { hour: 17, minute: 0 }, days: 'weekdays' } }],
      ['briefing 25:00', 'hint'],
      ['briefing 8:30 sometimes', 'hint'],
      ['briefing tomorrow', 'hint'],
      ['briefing daily', 'hint'],
      ['briefing me on the Q3 numbers', 'ask'],
      ['invitations', { name: 'invitations', args: { show: true } }],
      ['invitations off', { name: 'invitations', args: { enabled: false } }],
      ['invitations maybe', 'hint'],
      ['invitations from Priya this week?', 'ask'],
      ['location', { name: 'location', args: { show: true } }],
      ['location off', { name: 'location', args: { off: true } }],
      [
        'location 1 Market St, San Francisco',
        { name: 'location', args: { address: '1 Market St, San Francisco' } },
      ],
      [`location ${'x'.repeat(201)}`, 'hint'],
      ['location of my next meeting?', 'ask'],
      ['travel', { name: 'travel', args: { show: true } }],
      ['travel Transit', { name: 'travel', args: { mode: 'transit' } }],
      ['travel bike', { name: 'travel', args: { mode: 'bicycling' } }],
      ['travel flying', 'hint'],
      ['travel time to the office?', 'ask'],
    ];
    for (const [text, want] of cases) assert.deepEqual(ran(text), want, text);
  });

  it('each bad value names what is allowed, from the same limits the service checks', () => {
    const hint = (text: string) => {
      const to = route(text, SUBCOMMANDS);
      return to.kind === 'hint' ? to.text : '';
    };
    assert.match(hint('reminders 61'), /0 to 60.*`on` \/ `off`\. Nothing changed\.$/);
    assert.match(
      hint('briefing 25:00'),
      /`8:30`, `08:30`, `8:30am`, `17:05`, `5pm`.*`weekdays` or `daily`.*`off`/,
    );
    assert.match(hint('invitations maybe'), /`on` or `off`/);
    assert.match(hint('travel flying'), /`driving`, `transit`, `walking`, `bicycling`/);
    assert.match(hint(`location ${'x'.repeat(201)}`), /at most 200 characters/);
  });
});
