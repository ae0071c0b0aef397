import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../blocks/text';
import type { SlackDeps } from '../../deps';

/**
 * What the words after a subcommand's name are: its arguments (parsed), a bad value (one line saying
 * what is allowed; nothing changes), or not arguments of this command at all — then the whole text is
 * a question that happens to start with the name ("/lume status of the Q3 report?").
 */
export type ArgsResult<A> =
  | { kind: 'ok'; value: A }
  | { kind: 'invalid'; allowed: string }
  | { kind: 'question' };

export type ArgRule<A> = (words: string[]) => ArgsResult<A>;

/** One `/lume <subcommand>` as it runs, after the command was acknowledged. */
export interface SubcommandInput<A> {
  deps: SlackDeps;
  teamId: string;
  userId: string;
  /** What the subcommand's argument rule made of the words after its name. */
  args: A;
  /** Everything the person typed after /lume. */
  text: string;
  command: SlashCommand;
  respond: RespondFn;
  client: WebClient;
}

interface Definition<A> {
  /** The word after /lume (lowercase). */
  name: string;
  /** As `/lume help` shows it, e.g. "/lume today". */
  usage: string;
  /** One line for `/lume help`. */
  description: string;
  args: ArgRule<A>;
}

/**
 * A `/lume` subcommand, one per file in this folder, listed in ./index.ts. The router, `/lume help`,
 * the "did you mean" hint and the manifest's usage_hint check all read that list. Most subcommands do
 * their work after the ack and answer through response_url; one that needs no I/O (help) answers in
 * the ack itself, so Slack shows it at once.
 */
export type Subcommand<A = unknown> = Definition<A> &
  (
    | { handler(input: SubcommandInput<A>): Promise<void>; replyInAck?: undefined }
    | { replyInAck(input: { args: A; commands: readonly Subcommand[] }): SlackMessage; handler?: undefined }
  );

export const ok = <A>(value: A): ArgsResult<A> => ({ kind: 'ok', value });
export const question = { kind: 'question' } as const;
export const invalid = (allowed: string) => ({ kind: 'invalid', allowed }) as const;

/** Nothing may follow the name: anything that does makes the text a question. */
export const noArgs: ArgRule<undefined> = (words) => (words.length === 0 ? ok(undefined) : question);

/** The name alone (false) or followed by exactly `word` (true, any case); anything else is a question. */
export const optionalWord =
  (word: string): ArgRule<boolean> =>
  (words) => {
    if (words.length === 0) return ok(false);
    return words.length === 1 && words[0].toLowerCase() === word ? ok(true) : question;
  };

/** The manifest's usage_hint for /lume: every subcommand, then a question. */
export const usageHint = (commands: readonly Subcommand[]): string =>
  [...commands.map((c) => c.name), '<question>'].join(' | ');
