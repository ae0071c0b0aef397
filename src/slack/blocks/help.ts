import { context, esc, header, type SlackMessage, section } from './text';

/** What `/lume help` shows of each subcommand (src/slack/listeners/commands lists them). */
export interface SubcommandSummary {
  usage: string;
  description: string;
}

export function helpMessage(commands: readonly SubcommandSummary[]): SlackMessage {
  // Escaped: `<minutes>` is Slack's link syntax, even inside backticks.
  const lines = commands.map((c) => `\`${esc(c.usage)}\` — ${c.description}`);
  return {
    text: `Lume commands: ${commands.map((c) => esc(c.usage)).join(', ')}, or /lume &lt;question&gt;`,
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
