import assert from 'node:assert/strict';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands';
import { route } from '../../src/slack/listeners/commands/route';
import type { ArgRule, Subcommand } from '../../src/slack/listeners/commands/subcommand';

const ran = (text: string, commands = SUBCOMMANDS) => {
  const to = route(text, commands);
  return to.kind === 'run' ? { name: to.command.name, args: to.args } : to.kind;
};

/** A subcommand of the shape the settings commands take: a value with a range, on or off. */
const minutes: ArgRule<number | 'on' | 'off'> = (words) => {
  if (words.length !== 1) return { kind: 'question' };
  const [w] = words;
  if (w === 'on' || w === 'off') return { kind: 'ok', value: w };
  if (!/^\d+$/.test(w)) return { kind: 'question' };
  const n = Number(w);
  return n <= 60
    ? { kind: 'ok', value: n }
    : { kind: 'invalid', allowed: 'Reminders take minutes from 0 to 60, or `on` / `off`.' };
};
const reminders: Subcommand<number | 'on' | 'off'> = {
  name: 'reminders',
  usage: '/lume reminders <minutes>',
  description: 'meeting reminders',
  args: minutes,
  handler: async () => undefined,
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
      for (const c of SUBCOMMANDS) assert.ok(to.message.text.includes(c.usage), c.usage);
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
    const commands = [...SUBCOMMANDS, reminders];
    assert.deepEqual(ran('reminders 10', commands), { name: 'reminders', args: 10 });
    assert.deepEqual(ran('reminders off', commands), { name: 'reminders', args: 'off' });
    assert.deepEqual(route('reminders 90', commands), {
      kind: 'hint',
      text: 'Reminders take minutes from 0 to 60, or `on` / `off`.',
    });
    assert.equal(ran('reminders for tomorrow?', commands), 'ask');
  });
});
