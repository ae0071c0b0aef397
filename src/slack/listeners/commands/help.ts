import { helpMessage } from '../../blocks/help';
import { noArgs, type Subcommand } from './subcommand';

/** `/lume help` (and `/lume` alone): every subcommand with what it does. No I/O, so it is the ack itself. */
export const help: Subcommand<undefined> = {
  name: 'help',
  usage: '/lume help',
  description: 'this message',
  args: noArgs,
  replyInAck: ({ commands }) => helpMessage(commands),
};
