import type { User } from '../../models';
import type { Logger } from '../log';

export interface AccountLinkedEvent {
  user: User;
  teamId: string;
  slackUserId: string;
}

type Listener = (event: AccountLinkedEvent) => Promise<void> | void;

/** A Slack identity in words, for the person in the browser: whose Lume did they just connect? */
export interface SlackIdentityNames {
  userName: string;
  teamName?: string;
}

type Describer = (ref: { teamId: string; slackUserId: string }) => Promise<SlackIdentityNames | null>;

const DESCRIBE_TIMEOUT_MS = 2000;

/**
 * The hooks through which auth reaches the chat layer without importing it: it announces that a
 * Google account was linked to a Slack user (the Slack layer DMs "Connected as …"), and asks how to
 * name a Slack user for the success page.
 */
export class LinkHooks {
  private readonly linked: Listener[] = [];
  private describer?: Describer;

  constructor(private readonly log: Logger) {}

  onAccountLinked(listener: Listener): void {
    this.linked.push(listener);
  }

  /** The Slack layer tells auth how to name a Slack user (users.info), without auth importing Slack. */
  describeSlackUsersWith(describer: Describer): void {
    this.describer = describer;
  }

  /** Names for the success page; null when unknown, slow (2 s) or failing — the page then says less. */
  async describeSlackUser(ref: { teamId: string; slackUserId: string }): Promise<SlackIdentityNames | null> {
    if (!this.describer) return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), DESCRIBE_TIMEOUT_MS);
      });
      return await Promise.race([this.describer(ref), timeout]);
    } catch (err) {
      this.log.warn({ err, teamId: ref.teamId }, 'could not name the Slack user for the success page');
      return null;
    } finally {
      clearTimeout(timer);
    }
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
