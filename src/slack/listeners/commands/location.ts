import { LOCATION_MAX_CHARS, locationInputOf } from '../../../settings/rules';
import { locateProblem, locationLine, NO_MAPS, travelLine } from '../../blocks/settings';
import { esc } from '../../blocks/text';
import { answer, settingsAccount, showOrChange } from './setting-account';
import { invalid, ok, question, type Subcommand } from './subcommand';

type Args = { show: true } | { off: true } | { address: string };

const ALLOWED = `A location is an address of at most ${LOCATION_MAX_CHARS} characters, e.g. \`/lume location 1 Market St, San Francisco\`, or \`off\`. Nothing changed.`;

/**
 * `/lume location <address>` · `/lume location off`: where leave-now trips start. The address is
 * looked up with Places text search and stored (encrypted) only when it is one place; anything
 * else changes nothing and says why.
 */
export const location: Subcommand<Args> = {
  name: 'location',
  usage: '/lume location <address> · /lume location off',
  description: 'where you usually start from, for leave-now reminders (needs Google Maps on this Lume)',
  args(words) {
    if (!words.length) return ok({ show: true });
    const text = words.join(' ');
    if (text.toLowerCase() === 'off') return ok({ off: true });
    if (text.endsWith('?')) return question;
    const address = locationInputOf(text);
    return address ? ok({ address }) : invalid(ALLOWED);
  },
  async handler(input) {
    const { args, deps } = input;
    const { settings, log } = deps.ctx;
    if (!('address' in args))
      return showOrChange(input, 'off' in args ? { location: null } : undefined, (now, scene) => [
        locationLine(now.location, scene.mapsConfigured),
      ]);
    // Said first, to anyone: without Maps no address can be checked, connected or not.
    if (!settings.mapsConfigured) return answer(input, `${NO_MAPS} Nothing changed.`);
    const account = await settingsAccount(input);
    if (!account) return;
    const located = await settings.locate(args.address);
    if (located.kind !== 'found') {
      if (located.kind === 'unavailable')
        log.warn({ err: located.error, teamId: input.teamId }, 'Places lookup for a location failed');
      const why = located.kind === 'no-maps' ? NO_MAPS : locateProblem(located, args.address, esc);
      return answer(input, `${why} Nothing changed.`);
    }
    const now = await settings.update(account.person, { location: located.location });
    await answer(input, locationLine(now.location, true), travelLine(now.travelMode));
  },
};
