import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';

/**
 * Modal submissions (view_submission / view_closed), one file each. Lume has no modals yet: confirm
 * cards are messages and disconnect uses Slack's confirm dialog. Kept so a modal has an obvious home.
 */
export function registerViews(_app: App, _deps: SlackDeps): void {}
