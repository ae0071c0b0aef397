import type { Content } from '@google/genai';
import { Op } from 'sequelize';
import type { AgentMessage, Models } from '../../../models';
import type { Sealer } from '../../crypto/sealer';
import type { Logger } from '../../log';
import { type ConversationRef, conversationKey, isRolling } from './conversation-key';
import { normaliseHistory } from './trim';

export interface MemoryLimits {
  /** Stored JSON characters kept per conversation (~4 characters per token). */
  maxChars: number;
  /** Rows read per turn; bounds the query whatever the sizes. */
  maxRows: number;
  /** How long top-level DM messages count as one conversation. */
  rollingWindowMs: number;
}

export const DEFAULT_MEMORY: MemoryLimits = {
  maxChars: 48_000,
  maxRows: 80,
  rollingWindowMs: 60 * 60 * 1000,
};

/** Memory is a working aid, not an archive: messages older than this are deleted. */
export const RETENTION_MS = 30 * 24 * 3600_000;

/** Unreadable rows allowed to pile up before one DELETE clears them. */
const PRUNE_BATCH = 20;

/** Where a conversation's messages are sealed: bound to the conversation they belong to. */
export const memoryContext = (key: string) => ({ table: 'agent_messages', column: 'content', row: key });

/** Conversation history in the database: survives restarts, is shared by app instances, trimmed by size. */
export class ConversationMemory {
  constructor(
    private readonly models: Models,
    private readonly sealer: Sealer,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly limits: MemoryLimits = DEFAULT_MEMORY,
  ) {}

  /** The history to send with the next message: newest rows within the budget, oldest first. */
  async load(ref: ConversationRef): Promise<Content[]> {
    const key = conversationKey(ref);
    const rows = await this.models.AgentMessage.findAll({
      where: { conversationKey: key },
      order: [['id', 'DESC']],
      limit: this.limits.maxRows + PRUNE_BATCH,
    });
    const cutoff = isRolling(ref) ? this.now().getTime() - this.limits.rollingWindowMs : -Infinity;
    const kept: AgentMessage[] = [];
    let chars = 0;
    for (const row of rows) {
      if (kept.length === this.limits.maxRows) break;
      if (row.createdAt.getTime() < cutoff || chars + row.size > this.limits.maxChars) break;
      chars += row.size;
      kept.push(row);
    }
    // Rows past the budget are never read again; they are deleted in batches, not on every turn.
    if (rows.length - kept.length >= PRUNE_BATCH) await this.prune(key, kept);
    const history: Content[] = [];
    for (const row of kept.reverse()) {
      try {
        history.push(this.sealer.open<Content>(row.contentEnc, memoryContext(key)));
      } catch (err) {
        // A row sealed with a key that has since been retired: start from what still reads.
        this.log.warn({ err: (err as Error).message, conversationKey: key }, 'dropping unreadable memory');
        history.length = 0;
      }
    }
    return normaliseHistory(history);
  }

  /** Add this turn's contents in one INSERT. */
  append(ref: ConversationRef, contents: Content[]): Promise<void> {
    return this.appendTo(conversationKey(ref), ref.userId, contents);
  }

  /** Add contents to a conversation known by key (a confirmation outcome, noted for the model). */
  async appendTo(key: string, userId: string, contents: Content[]): Promise<void> {
    if (contents.length === 0) return;
    const rows = contents.map((content) => {
      return {
        conversationKey: key,
        userId,
        role: content.role === 'model' ? ('model' as const) : ('user' as const),
        contentEnc: this.sealer.seal(content, memoryContext(key)),
        size: JSON.stringify(content).length,
        createdAt: this.now(),
      };
    });
    await this.models.AgentMessage.bulkCreate(rows);
  }

  /** A person left: every conversation of the account, or only those in one workspace. */
  async forget(userId: string, teamId?: string): Promise<number> {
    if (!teamId) return this.models.AgentMessage.destroy({ where: { userId } });
    // The key starts with the user and the workspace (conversation-key.ts); matched here, not with
    // LIKE, whose wildcards differ by dialect.
    const prefix = `${userId}:${teamId}:`;
    const rows = await this.models.AgentMessage.findAll({
      where: { userId },
      attributes: ['id', 'conversationKey'],
    });
    const ids = rows.filter((r) => r.conversationKey.startsWith(prefix)).map((r) => r.id);
    return ids.length ? this.models.AgentMessage.destroy({ where: { id: ids } }) : 0;
  }

  /** Housekeeping: conversations nobody touched for RETENTION_MS are forgotten. */
  purgeStale(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - RETENTION_MS);
    return this.models.AgentMessage.destroy({ where: { createdAt: { [Op.lt]: cutoff } } });
  }

  /** Rows older than what `load` keeps are never read again: delete them. */
  private async prune(key: string, kept: AgentMessage[]): Promise<void> {
    const oldestKept = kept.at(-1)?.id ?? Number.MAX_SAFE_INTEGER;
    await this.models.AgentMessage.destroy({ where: { conversationKey: key, id: { [Op.lt]: oldestKept } } });
  }
}
