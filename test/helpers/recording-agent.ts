import type { Agent, AgentTurnInput } from '../../src/agent/types';

/** An agent stand-in: records each turn and answers "echo: <text>" in the turn's channel and thread. */
export class RecordingAgent implements Agent {
  readonly turns: AgentTurnInput[] = [];
  /** Make the next turns throw (to test the apology path). */
  failWith?: Error;

  async handle(turn: AgentTurnInput): Promise<void> {
    this.turns.push(turn);
    if (this.failWith) throw this.failWith;
    await turn.client.chat.postMessage({
      channel: turn.channelId,
      thread_ts: turn.threadTs,
      text: `echo: ${turn.text}`,
    });
  }

  /** Confirm/Cancel clicks on the agent's cards (recorded only). */
  readonly clicks: unknown[] = [];
  async decide(click: unknown): Promise<void> {
    this.clicks.push(click);
  }
}
