import { context, header, type SlackMessage, section } from './text';

/** Subcommands and what they do; help lists them and the typo hint suggests from them. */
export const SUBCOMMANDS = [
  {
    name: 'today',
    usage: '/lume today',
    what: 'your day: calendar, tasks due and overdue, unread important mail (`/lume today share` posts it in the channel)',
  },
  {
    name: 'connect',
    usage: '/lume connect',
    what: 'link your Google account, or grant access Lume is missing',
  },
  { name: 'status', usage: '/lume status', what: 'which Google account is linked and what Lume may access' },
  {
    name: 'disconnect',
    usage: '/lume disconnect',
    what: 'unlink Google: Lume revokes its access and deletes your tokens',
  },
  { name: 'help', usage: '/lume help', what: 'this message' },
] as const;

export function helpMessage(): SlackMessage {
  const lines = SUBCOMMANDS.map((c) => `\`${c.usage}\` — ${c.what}`);
  return {
    text: `Lume commands: ${SUBCOMMANDS.map((c) => c.usage).join(', ')}, or /lume &lt;question&gt;`,
    blocks: [
      header('Lume — your Google day, in Slack'),
      section(lines.join('\n')),
      section(
        // &lt; &gt;: a bare <question> is Slack's link syntax, even inside backticks.
        '`/lume &lt;question&gt;` — ask anything, e.g. `/lume when am I free on Thursday?` Lume answers in your DM.\nOr just send Lume a direct message.',
      ),
      context('Lume never sends mail or changes your calendar, tasks or notes until you click *Confirm*.'),
    ],
  };
}

/** "/lume tody" is a typo, not a question: suggest the closest subcommand (edit distance ≤ 2). */
export function closestSubcommand(word: string): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const { name } of SUBCOMMANDS) {
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
