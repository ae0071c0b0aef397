import pino from 'pino';
import { LinkPolicy } from '../../src/agent/link-policy';
import type { AgentPorts } from '../../src/agent/ports';
import type { Agent, AgentTurnInput } from '../../src/agent/types';

/** An agent stand-in: records each turn and answers "echo: <text>" in the turn's channel and thread. */
export class RecordingAgent implements Agent {
  readonly turns: AgentTurnInput[] = [];
  /** Make the next turns throw (to test the apology path). */
  failWith?: Error;
  private ports?: AgentPorts;

  /** As ServerDeps.agent: the server hands over the ports it implements and gets this agent back. */
  readonly build = (ports: AgentPorts): Agent => {
    this.ports = ports;
    return this;
  };

  async handle(turn: AgentTurnInput): Promise<void> {
    this.turns.push(turn);
    if (this.failWith) throw this.failWith;
    const delivery = this.ports?.deliveries.open(turn, new LinkPolicy(), pino({ level: 'silent' }));
    await delivery?.notify(`echo: ${turn.text}`);
  }

  /** Confirm/Cancel clicks on the agent's cards (recorded only). */
  readonly clicks: unknown[] = [];
  async decide(click: unknown): Promise<void> {
    this.clicks.push(click);
  }

  /** Picks among a tool's choices (recorded only). */
  readonly picks: unknown[] = [];
  async pick(click: unknown): Promise<void> {
    this.picks.push(click);
  }

  async request(): Promise<null> {
    return null;
  }

  async recoverStalledActions(): Promise<number> {
    return 0;
  }
}
