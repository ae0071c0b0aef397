import type { User } from '../../models';
import type { Logger } from '../log';

export interface AccountLinkedEvent {
  user: User;
  teamId: string;
  slackUserId: string;
}

type Listener = (event: AccountLinkedEvent) => Promise<void> | void;

/**
 * A Slack user no longer points at this Google account (disconnect, uninstall, a switch to another
 * account). On disconnect and uninstall listeners run before the link itself is deleted.
 */
export interface IdentityUnlinkedEvent {
  userId: string;
  teamId: string;
  slackUserId: string;
}

/**
 * No Slack identity uses this Google account any more: everything kept about it goes. Listeners run
 * before the account row is deleted, so rows that point at it are still there to find.
 */
export interface AccountForgottenEvent {
  userId: string;
}

/**
 * Lume is about to revoke an account's grant (disconnect, or the last workspace that used it gone):
 * listeners run while the grant still works, to undo at Google what needs it (push channels).
 */
export interface GrantRevokingEvent {
  userId: string;
}

type Forgetter<E> = (event: E) => Promise<void> | void;

/** A Slack identity in words, for the person in the browser: whose Lume did they just connect? */
export interface SlackIdentityNames {
  userName: string;
  teamName?: string;
}

type Describer = (ref: { teamId: string; slackUserId: string }) => Promise<SlackIdentityNames | null>;

const DESCRIBE_TIMEOUT_MS = 2000;

/**
 * The hooks through which auth reaches other parts without importing them: it announces that a Google
 * account was linked to a Slack user (the Slack layer DMs "Connected as …"), that a Slack user was
 * unlinked, and that an account is forgotten — the one place where whatever Lume keeps about a person
 * (memory, pending cards, settings, calendar state, jobs) is deleted: a module that keeps something
 * subscribes with one line. It also asks how to name a Slack user for the success page.
 */
export class LinkHooks {
  private readonly linked: Listener[] = [];
  private readonly unlinked: Forgetter<IdentityUnlinkedEvent>[] = [];
  private readonly forgotten: Forgetter<AccountForgottenEvent>[] = [];
  private readonly revoking: Forgetter<GrantRevokingEvent>[] = [];
  private describer?: Describer;

  constructor(private readonly log: Logger) {}

  onAccountLinked(listener: Listener): void {
    this.linked.push(listener);
  }

  /** Delete what belongs to one Slack user of an account (their cards, that workspace's memory). */
  onIdentityUnlinked(listener: Forgetter<IdentityUnlinkedEvent>): void {
    this.unlinked.push(listener);
  }

  /** Delete everything kept about an account nobody uses any more. */
  onAccountForgotten(listener: Forgetter<AccountForgottenEvent>): void {
    this.forgotten.push(listener);
  }

  /** Undo at Google, with the grant still valid, what a revoked grant would leave behind. */
  onGrantRevoking(listener: Forgetter<GrantRevokingEvent>): void {
    this.revoking.push(listener);
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

  async emitIdentityUnlinked(event: IdentityUnlinkedEvent): Promise<void> {
    await this.runAll(this.unlinked, event, 'identity-unlinked');
  }

  async emitGrantRevoking(event: GrantRevokingEvent): Promise<void> {
    await this.runAll(this.revoking, event, 'grant-revoking');
  }

  async emitAccountForgotten(event: AccountForgottenEvent): Promise<void> {
    await this.runAll(this.forgotten, event, 'account-forgotten');
  }

  /**
   * Every listener runs, in order, even after one fails (logged): one module's failure must not keep
   * another's data. The account row itself is deleted after them whatever they did, and foreign keys
   * take whatever still points at it.
   */
  private async runAll<E extends { userId: string }>(list: Forgetter<E>[], event: E, what: string) {
    for (const listener of list) {
      try {
        await listener(event);
      } catch (err) {
        this.log.error({ err, userId: event.userId }, `${what} listener failed`);
      }
    }
  }
}
