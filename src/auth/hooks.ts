import type { User } from '../../models';
import type { Logger } from '../log';

export interface AccountLinkedEvent {
  user: User;
  teamId: string;
  slackUserId: string;
}

type Listener = (event: AccountLinkedEvent) => Promise<void> | void;

/**
 * How auth tells the rest of Lume that a Google account was linked to a Slack user, without
 * importing Slack: the Slack layer subscribes (to DM "Connected as …").
 */
export class AuthHooks {
  private readonly linked: Listener[] = [];

  constructor(private readonly log: Logger) {}

  onAccountLinked(listener: Listener): void {
    this.linked.push(listener);
  }

  /** Listeners run after the response; a failing listener is logged and never breaks the OAuth flow. */
  async emitAccountLinked(event: AccountLinkedEvent): Promise<void> {
    for (const listener of this.linked) {
      try {
        await listener(event);
      } catch (err) {
        this.log.error({ err, userId: event.user.id }, 'account-linked listener failed');
      }
    }
  }
}
