import type { AgendaService } from '../agenda';
import type { Agent } from '../agent/types';
import type { AppContext } from '../context';

/** What every Slack listener receives: the app's services, the agent, and the agenda builder. */
export interface SlackDeps {
  ctx: AppContext;
  agent: Agent;
  agenda: AgendaService;
}
