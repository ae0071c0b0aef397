import { locateProblem } from '../../blocks/settings';
import { FIELDS, type SettingsMetadata } from '../../blocks/settings-modal';
import type { SlackDeps } from '../../deps';
import { publishHome } from '../../publish-home';
import { readSettingsForm } from '../../settings-form';
import type { ViewSubmitArgs } from '../args';

/** How long an address lookup may take: Slack waits 3 s for the answer to a submission. */
const LOCATE_BUDGET_MS = 2000;

const asIs = (s: string) => s;

function openedFrom(metadata: string): SettingsMetadata['from'] {
  try {
    return (JSON.parse(metadata) as Partial<SettingsMetadata>).from === 'home' ? 'home' : 'command';
  } catch {
    return 'command';
  }
}

/**
 * The settings modal's Save. The settings that change are those of the Slack user who submitted (as
 * Slack signed it), never anyone named in the view. Every field is checked with the rules the text
 * commands use and a new address is looked up with Places; any problem comes back as inline errors
 * (`response_action: errors`) and nothing is written. private_metadata says only which surface to
 * refresh.
 */
export function settingsSubmitted(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmitArgs): Promise<void> => {
    const { settings, accounts, log } = deps.ctx;
    const teamId = context.teamId ?? body.team?.id ?? view.team_id;
    const person = { teamId, slackUserId: body.user.id };
    const errors = (e: Record<string, string>) => ack({ response_action: 'errors', errors: e });

    if ((await accounts.accountOf(teamId, person.slackUserId)).kind !== 'connected')
      return errors({
        [FIELDS.reminders.block]:
          'Your Google account is no longer connected, so nothing was saved. Run /lume connect, then try again.',
      });
    const current = await settings.get(person);
    const form = readSettingsForm(view.state.values, current, settings.mapsConfigured);
    if (form.address === null) form.change.location = null;
    if (form.address) {
      const located = await settings.locate(form.address, AbortSignal.timeout(LOCATE_BUDGET_MS));
      if (located.kind === 'found') form.change.location = located.location;
      else {
        if (located.kind === 'unavailable') log.warn({ err: located.error, teamId }, 'Places lookup failed');
        form.errors[FIELDS.location.block] =
          located.kind === 'no-maps'
            ? 'Google Maps is not configured.'
            : locateProblem(located, form.address, asIs);
      }
    }
    if (Object.keys(form.errors).length) return errors(form.errors);

    try {
      await settings.update(person, form.change);
    } catch (err) {
      log.error({ err, teamId }, 'settings could not be saved');
      return errors({
        [FIELDS.reminders.block]: "Lume couldn't save your settings just now; please try again.",
      });
    }
    await ack();
    if (openedFrom(view.private_metadata) === 'home')
      await publishHome(deps, client, teamId, person.slackUserId).catch((err: unknown) =>
        log.warn({ err, teamId }, 'App Home refresh after settings failed'),
      );
  };
}
