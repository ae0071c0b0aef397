import type { WebClient } from '@slack/web-api';
import type { AgentPorts } from '../../agent/ports';
import type { AppContext } from '../../context';
import type { SlackUsers } from '../slack-users';
import { SlackCards } from './cards';
import { SlackConnectPrompts } from './connect-prompts';
import { SlackDeliveries } from './deliveries';
import { SlackDirectories, slackDirectoryCache } from './directory';
import { SlackPeople } from './people';

/** The agent's ports, implemented on Slack's Web API with the app's bot client. */
export function slackAgentPorts(o: { ctx: AppContext; client: WebClient; users: SlackUsers }): AgentPorts {
  return {
    deliveries: new SlackDeliveries(o.client),
    cards: new SlackCards(o.client),
    people: new SlackPeople(o.users),
    connectPrompts: new SlackConnectPrompts(o.ctx, o.client),
    directories: new SlackDirectories(o.client, o.users, slackDirectoryCache(o.ctx.now), o.ctx.log),
  };
}
