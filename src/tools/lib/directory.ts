import type { Interval } from '../../time/interval';

/**
 * The teammates port: what the teamwork tools need to know about the people in the person's
 * workspace, and nothing of Slack itself. src/slack implements the Directory (users.info,
 * users.list, users.lookupByEmail, conversations.members); the agent adds Lume's own links.
 */

/** Someone in the person's Slack workspace, as the directory describes them. */
export interface DirectoryEntry {
  slackUserId: string;
  /** Display name, else real name, else handle. */
  name: string;
  realName?: string;
  handle?: string;
  /** IANA zone from their Slack profile; UTC when Slack does not say. */
  timeZone: string;
  /** The e-mail on their Slack profile (users:read.email); absent when Slack has none. */
  email?: string;
  isBot: boolean;
  deleted: boolean;
}

/** One workspace's directory. Lookups that find nobody resolve to undefined, never to a guess. */
export interface Directory {
  member(slackUserId: string): Promise<DirectoryEntry | undefined>;
  byEmail(email: string): Promise<DirectoryEntry | undefined>;
  /** Everyone in the workspace (bots and deactivated accounts included; callers filter). */
  everyone(): Promise<DirectoryEntry[]>;
  /**
   * Member ids of a conversation Lume can see, at most `max`, and whether there were more.
   * Rejects when Lume cannot see the conversation's members.
   */
  channelMembers(channelId: string, max: number): Promise<{ ids: string[]; more: boolean }>;
}

/** A teammate's own Lume link: the Google account they connected, read for free/busy only. */
export interface LinkedCalendar {
  /** Their Google account's address (where invitations go). */
  email: string;
  /** Their busy times in [min, max), read with their own token; rejects when Google says no. */
  busy(min: Date, max: Date): Promise<Interval[]>;
}

/** The conversation the person has open beside Lume (Slack's agent view), name and id only. */
export interface Viewing {
  channelId: string;
  name?: string;
}

/** Everything about the person's teammates a tool may use, for one turn. */
export interface Team {
  /** The person's own Slack user id (they are always in the meeting, never looked up as a guest). */
  selfId: string;
  directory: Directory;
  /** A teammate's own Lume link, when they have one whose Google grant covers free/busy. */
  linked(slackUserId: string): Promise<LinkedCalendar | undefined>;
  viewing?: Viewing;
}
