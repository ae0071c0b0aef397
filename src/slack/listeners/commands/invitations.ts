import { invitationsLine } from '../../blocks/settings';
import { onOff, showOrChange } from './setting-account';
import { invalid, ok, question, type Subcommand } from './subcommand';

type Args = { show: true } | { enabled: boolean };

const ALLOWED = 'Invitations are `on` or `off`, e.g. `/lume invitations off`. Nothing changed.';

/** `/lume invitations on|off`: a DM with Yes / Maybe / No for each new invitation. */
export const invitations: Subcommand<Args> = {
  name: 'invitations',
  usage: '/lume invitations on|off',
  description: 'a DM for each new invitation, with Yes / Maybe / No (default: on)',
  args(words) {
    if (!words.length) return ok({ show: true });
    const enabled = onOff(words.join(' '));
    if (enabled !== undefined) return ok({ enabled });
    return words.length === 1 ? invalid(ALLOWED) : question;
  },
  handler(input) {
    const { args } = input;
    return showOrChange(
      input,
      'show' in args ? undefined : { invitations: { enabled: args.enabled } },
      (now) => [invitationsLine(now.invitations)],
    );
  },
};
