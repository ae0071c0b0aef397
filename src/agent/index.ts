import type { AppContext } from '../context';
import type { Agent } from './types';

export type { Agent, AgentTurnInput } from './types';

/**
 * Build the agent. (Being replaced by the Gemini agent — issue 4; until then it says so plainly.)
 */
export function createAgent(_ctx: AppContext): Agent {
  return {
    async handle(turn) {
      await turn.client.chat.postMessage({
        channel: turn.channelId,
        thread_ts: turn.threadTs,
        text: "Lume's assistant isn't available yet. Try `/lume today` or `/lume help`.",
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}
