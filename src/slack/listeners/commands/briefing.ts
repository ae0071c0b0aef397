import { BRIEFING_DAYS, type BriefingDays, DEFAULT_BRIEFING_DAYS } from '../../../settings/rules';
import { parseTimeOfDay, type TimeOfDay } from '../../../settings/time-of-day';
import { briefingLine } from '../../blocks/settings';
import { showOrChange } from './setting-account';
import { invalid, ok, question, type Subcommand } from './subcommand';

type Args = { show: true } | { off: true } | { time: TimeOfDay; days: BriefingDays };

/** The words after the time that say which days; the forms people write besides the names. */
const DAY_WORDS: Record<string, BriefingDays> = {
  weekdays: 'weekdays',
  weekday: 'weekdays',
  daily: 'daily',
  everyday: 'daily',
  'every day': 'daily',
};

const ALLOWED = `The briefing takes a time — \`8:30\`, \`08:30\`, \`8:30am\`, \`17:05\`, \`5pm\` — then \`${BRIEFING_DAYS.join('` or `')}\` (${DEFAULT_BRIEFING_DAYS} unless you say), e.g. \`/lume briefing 7:45 daily\`; or \`off\`. Nothing changed.`;

/** The days named at the end of the words (two words for "every day"), and the words before them. */
function splitDays(words: string[]): { days: BriefingDays; rest: string[] } {
  for (const n of [2, 1]) {
    const tail = words.slice(-n).join(' ').toLowerCase();
    if (words.length > n && Object.hasOwn(DAY_WORDS, tail))
      return { days: DAY_WORDS[tail], rest: words.slice(0, -n) };
  }
  return { days: DEFAULT_BRIEFING_DAYS, rest: words };
}

/** `/lume briefing <time> [weekdays|daily]` · `/lume briefing off`: the day as a DM, at their time, in their Slack zone. */
export const briefing: Subcommand<Args> = {
  name: 'briefing',
  usage: '/lume briefing <time> [weekdays|daily] · /lume briefing off',
  description:
    'your day as a DM each morning at that time in your Slack time zone, weekdays unless you say `daily` (default: off)',
  args(words) {
    if (!words.length) return ok({ show: true });
    if (words.length === 1 && words[0].toLowerCase() === 'off') return ok({ off: true });
    const { days, rest } = splitDays(words);
    const time = parseTimeOfDay(rest.join(' '));
    if (time) return ok({ time, days });
    // One word, or words that start like a time, were meant as a value; other words are a question.
    return words.length === 1 || /^\d/.test(words[0]) ? invalid(ALLOWED) : question;
  },
  handler(input) {
    const { args } = input;
    return showOrChange(
      input,
      'show' in args ? undefined : { briefing: 'off' in args ? null : { ...args.time, days: args.days } },
      (now, scene) => [
        `${briefingLine(now.briefing, scene)}${'show' in args && !now.briefing ? ' — `/lume briefing 8:30` sends it every weekday at 8:30 AM' : ''}`,
      ],
    );
  },
};
