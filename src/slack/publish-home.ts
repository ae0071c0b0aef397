import type { WebClient } from '@slack/web-api';
import { isInvalidGrant } from '../google/errors';
import { homeView } from './blocks/home';
import type { SlackDeps } from './deps';
import { settingsScene } from './settings-scene';

/**
 * Publish a person's App Home. A connected person first sees their status, their settings and
 * "Loading your day…" at once, then the full agenda when Google answers; one whose grant died sees
 * Connect again.
 */
export async function publishHome(
  deps: SlackDeps,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  const { ctx } = deps;
  const publish = (view: ReturnType<typeof homeView>) => client.views.publish({ user_id: userId, view });
  const account = await ctx.accounts.accountOf(teamId, userId);

  if (account.kind !== 'connected') {
    const { url } = await ctx.links.create({ teamId, slackUserId: userId });
    await publish(
      homeView({
        kind: 'not-connected',
        connectUrl: url,
        revokedEmail: account.kind === 'revoked' ? account.user.email : undefined,
      }),
    );
    return;
  }

  const email = account.user.email;
  const person = { teamId, slackUserId: userId };
  const [settings, scene] = await Promise.all([ctx.settings.get(person), settingsScene(deps, person)]);
  const connected = { kind: 'connected', email, settings: { settings, scene } } as const;
  await publish(homeView({ ...connected, agenda: 'loading' }));
  try {
    const agenda = await deps.agenda.forUser(account.user, scene.zone);
    await publish(homeView({ ...connected, agenda }));
  } catch (err) {
    if (isInvalidGrant(err)) {
      // The grant is gone (the client factory already deleted the tokens): show Connect instead.
      const { url } = await ctx.links.create({ teamId, slackUserId: userId });
      await publish(homeView({ kind: 'not-connected', connectUrl: url, revokedEmail: email }));
      return;
    }
    ctx.log.error({ err, userId }, 'App Home agenda failed');
    await publish(
      homeView({
        ...connected,
        agenda: { note: "Your day couldn't be loaded just now. Click Refresh to try again." },
      }),
    );
  }
}
