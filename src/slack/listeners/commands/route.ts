import type { SlackMessage } from '../../blocks/text';
import type { Subcommand } from './subcommand';

/** What `/lume` alone means. */
const HELP = 'help';

export type Route =
  /** Answered in the ack: no I/O needed. */
  | { kind: 'reply'; message: SlackMessage }
  /** One line in the ack instead of running anything: a near miss, or a bad value. */
  | { kind: 'hint'; text: string }
  | { kind: 'run'; command: Subcommand; args: unknown }
  /** A question for the agent. */
  | { kind: 'ask' };

/**
 * Where `/lume <text>` goes, from the list of subcommands alone (pure, so it is tested without Slack):
 * a subcommand whose argument rule accepts the words after its name; a hint for a bad value or a
 * typo; anything else is a question. Names are matched in the list, never as object properties
 * (`/lume constructor` is a question).
 */
export function route(text: string, commands: readonly Subcommand[]): Route {
  const [first = '', ...words] = text.trim().split(/\s+/).filter(Boolean);
  const name = first.toLowerCase() || HELP;
  const command = commands.find((c) => c.name === name);
  if (command) {
    const args = command.args(words);
    if (args.kind === 'invalid') return { kind: 'hint', text: args.allowed };
    if (args.kind === 'ok') {
      if (command.replyInAck)
        return { kind: 'reply', message: command.replyInAck({ args: args.value, commands }) };
      return { kind: 'run', command, args: args.value };
    }
  }
  const typo = !command && words.length === 0 ? closestSubcommand(name, commands) : undefined;
  if (typo) {
    return {
      kind: 'hint',
      text: `Did you mean \`/lume ${typo}\`? To ask a question, write it out, e.g. \`/lume what's on today?\` — or see \`/lume help\`.`,
    };
  }
  return { kind: 'ask' };
}

/** "/lume tody" is a typo, not a question: the closest subcommand (edit distance ≤ 2), if any. */
export function closestSubcommand(word: string, commands: readonly Subcommand[]): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const { name } of commands) {
    const d = distance(w, name);
    if (d <= 2 && d < w.length && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
