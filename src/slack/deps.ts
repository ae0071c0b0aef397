import type { AgendaService } from '../agenda';
import type { Agent } from '../agent/types';
import type { AppContext } from '../context';
import type { SlackUsers } from './slack-users';
import type { ViewingContexts } from './viewing';

/** What every Slack listener receives: the app's services, the agent, the agenda builder, and who is who in Slack. */
export interface SlackDeps {
  ctx: AppContext;
  agent: Agent;
  agenda: AgendaService;
  users: SlackUsers;
  /** Which channel each person has open beside Lume (agent view). */
  viewing: ViewingContexts;
}
