import { TRAVEL_MODES, type TravelMode, travelModeOf } from '../../../settings/rules';
import { NO_MAPS, travelLine } from '../../blocks/settings';
import { showOrChange } from './setting-account';
import { invalid, ok, question, type Subcommand } from './subcommand';

type Args = { show: true } | { mode: TravelMode };

const ALLOWED = `Travel is one of \`${TRAVEL_MODES.join('`, `')}\`, e.g. \`/lume travel transit\`. Nothing changed.`;

/** `/lume travel driving|transit|walking|bicycling`: how leave-now works out the trip. */
export const travel: Subcommand<Args> = {
  name: 'travel',
  usage: `/lume travel ${TRAVEL_MODES.join('|')}`,
  description: 'how you get to meetings, for leave-now reminders (default: driving)',
  args(words) {
    if (!words.length) return ok({ show: true });
    if (words.length > 1) return question;
    const mode = travelModeOf(words[0]);
    return mode ? ok({ mode }) : invalid(ALLOWED);
  },
  handler(input) {
    const { args } = input;
    return showOrChange(input, 'show' in args ? undefined : { travelMode: args.mode }, (now, scene) => [
      travelLine(now.travelMode),
      ...(scene.mapsConfigured ? [] : [NO_MAPS]),
      ...(scene.mapsConfigured && !now.location
        ? ['Leave-now starts once you set where you start from: `/lume location &lt;address&gt;`.']
        : []),
    ]);
  },
};
