import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { appContextChanged } from './app-context-changed';
import { appHomeOpened } from './app-home-opened';
import { appMention } from './app-mention';
import { appUninstalled } from './app-uninstalled';
import { messageIm } from './message-im';
import { tokensRevoked } from './tokens-revoked';

/** Events API listeners; each event type is declared under bot_events in manifest.yml. */
export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('message', messageIm(deps));
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
  app.event('app_context_changed', appContextChanged(deps));
}
