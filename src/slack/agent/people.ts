import type { People, Person } from '../../agent/ports';
import { safeZone } from '../../time/zone';
import type { SlackUsers } from '../slack-users';

/** The person behind a Slack user, from users.info (cached). */
export class SlackPeople implements People {
  constructor(private readonly users: SlackUsers) {}

  async person(teamId: string, slackUserId: string): Promise<Person> {
    const info = await this.users.info(teamId, slackUserId);
    return { name: info.name, timeZone: safeZone(info.tz) };
  }
}
