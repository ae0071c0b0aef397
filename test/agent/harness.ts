import type { ActionClick } from '../../src/agent';
import { type AgentOptions, createAgent } from '../../src/agent';
import type { RetryClock } from '../../src/agent/model/retry';
import { ACTIONS } from '../../src/slack/blocks/action-ids';
import type { Tool } from '../../src/tools/types';
import { FAKE_GEMINI_KEY, type FakeGemini, startFakeGemini } from '../fakes/gemini/server';
import { dmMessage, newTs } from '../fakes/slack/payloads';
import type { FakeMessage } from '../fakes/slack/state';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/server';
import { type ConnectedUser, connectSlackUser } from '../helpers/users';

export const ADA_SLACK = 'U0ADA';
export const DM = 'D0ADA';

/** Backoff waits recorded, never slept: retry specs stay fast and exact. */
export function instantClock(): RetryClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random: () => 0.5, sleep: async (ms) => void waits.push(ms) };
}

/** A posted card and the pending action id its buttons carry. */
export interface Card {
  message: FakeMessage;
  actionId: string;
}

export interface AgentWorld {
  t: TestServer;
  gemini: FakeGemini;
  ada: ConnectedUser;
  clock: ReturnType<typeof instantClock>;
  /** A signed DM from Ada through the real server; resolves once every listener (the turn) has returned. */
  dm(text: string, o?: { thread_ts?: string; user?: string }): Promise<{ ts: string }>;
  /**
   * A signed Confirm / Cancel click on a card's button as it was posted (a double click sends the
   * same button twice); `times` clicks are sent at once, as a frantic double click or Slack's retry
   * would. Resolves once the agent decided each of them (card updated, or the click refused).
   */
  click(decision: ActionClick['decision'], card: Card, userId?: string, times?: number): Promise<void>;
  /** Cards Lume posted, oldest first. */
  cards(): Promise<Card[]>;
  close(): Promise<void>;
}

export interface WorldOptions {
  tools?: Tool[];
  scopes?: string[];
  env?: Record<string, string | undefined>;
  now?: () => Date;
  agent?: AgentOptions;
  server?: Partial<TestServerOptions>;
}

/**
 * The real Lume server with the real agent, against fake Slack, fake Google and fake Gemini; Ada is
 * a connected user in Europe/London, Eve another person in the workspace.
 */
export async function startAgentWorld(o: WorldOptions = {}): Promise<AgentWorld> {
  const gemini = await startFakeGemini();
  const clock = instantClock();
  const t = await startTestServer({
    ...o.server,
    now: o.now,
    env: { GEMINI_API_KEY: FAKE_GEMINI_KEY, GEMINI_BASE_URL: gemini.url, ...o.env },
    agent: (ctx, ports) => createAgent(ctx, ports, { tools: o.tools, clock, ...o.agent }),
  });
  t.slack.state.addUser({ id: ADA_SLACK, name: 'Ada', realName: 'Ada Lovelace', tz: 'Europe/London' });
  t.slack.state.addUser({ id: 'U0EVE', name: 'Eve', tz: 'Europe/London' });
  const ada = await connectSlackUser(t.ctx, t.google, { slackUserId: ADA_SLACK, scopes: o.scopes });
  const decided = () => t.logs.lines.filter((l) => l.msg === 'card decided').length;
  return {
    t,
    gemini,
    ada,
    clock,
    async dm(text, d = {}) {
      const ts = newTs();
      const event = dmMessage({ user: d.user ?? ADA_SLACK, text, channel: DM, ts, thread_ts: d.thread_ts });
      const sent = await t.event(event);
      await t.logs.processed(sent.eventId);
      return { ts };
    },
    async click(decision, card, userId = ADA_SLACK, times = 1) {
      const before = decided();
      const send = () =>
        t.action({
          userId,
          actionId: decision === 'confirm' ? ACTIONS.confirmAction : ACTIONS.cancelAction,
          value: card.actionId,
          container: { type: 'message', channelId: card.message.channel, messageTs: card.message.ts },
        });
      await Promise.all(Array.from({ length: times }, send));
      await t.logs.waitFor(() => decided() >= before + times, `${times} decision(s)`);
    },
    async cards() {
      const rows = await t.ctx.db.models.PendingAction.findAll({ order: [['createdAt', 'ASC']] });
      return rows.flatMap((row) => {
        const message = t.slack.state.messages.find(
          (m) => m.channel === row.channelId && m.ts === row.messageTs,
        );
        return message ? [{ message, actionId: row.id }] : [];
      });
    },
    async close() {
      await t.close();
      await gemini.close();
    },
  };
}
