import { LEAD_MINUTES, leadMinutesOf } from '../../../settings/rules';
import { remindersLine } from '../../blocks/settings';
import { onOff, showOrChange } from './setting-account';
import { invalid, ok, question, type Subcommand } from './subcommand';

type Args = { show: true } | { enabled: boolean } | { leadMinutes: number };

const ALLOWED = `Reminders take the minutes before each meeting, ${LEAD_MINUTES.min} to ${LEAD_MINUTES.max} (e.g. \`/lume reminders 10\`), or \`on\` / \`off\`. Nothing changed.`;

/** `/lume reminders <minutes>|on|off`: a DM that many minutes before each meeting (minutes turn them on). */
export const reminders: Subcommand<Args> = {
  name: 'reminders',
  usage: '/lume reminders <minutes>|on|off',
  description: `a DM before each meeting, ${LEAD_MINUTES.min}–${LEAD_MINUTES.max} minutes ahead (default: on, ${LEAD_MINUTES.default})`,
  args(words) {
    if (!words.length) return ok({ show: true });
    const text = words.join(' ');
    const enabled = onOff(text);
    if (enabled !== undefined) return ok({ enabled });
    const leadMinutes = leadMinutesOf(text);
    if (leadMinutes !== undefined) return ok({ leadMinutes });
    // One word, or a number with something after it, was meant as a value; other words are a question.
    return words.length === 1 || /^[-+]?\d/.test(words[0]) ? invalid(ALLOWED) : question;
  },
  handler(input) {
    const { args } = input;
    return showOrChange(
      input,
      'show' in args
        ? undefined
        : { reminders: 'enabled' in args ? { enabled: args.enabled } : { enabled: true, ...args } },
      (now) => [
        `${remindersLine(now.reminders)}${'show' in args ? ' — change it with `/lume reminders &lt;minutes&gt;|on|off`' : ''}`,
      ],
    );
  },
};
