/** Where a conversation lives: one per Slack thread, or one rolling one for top-level DM messages. */
export interface ConversationRef {
  /** Lume's user id: a relinked Google account never sees the previous account's memory. */
  userId: string;
  teamId: string;
  channelId: string;
  threadTs?: string;
}

export function conversationKey(ref: ConversationRef): string {
  return [ref.userId, ref.teamId, ref.channelId, ref.threadTs ?? '-'].join(':');
}

/** Top-level DMs have no thread to scope them: only recent messages count as the same conversation. */
export const isRolling = (ref: ConversationRef): boolean => !ref.threadTs;
