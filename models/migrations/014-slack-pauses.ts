import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/** Until when each workspace's proactive posts wait (the latest Slack Retry-After), shared by every instance. */
export const slackPauses: Migration = {
  name: '014-slack-pauses',
  async up(qi) {
    await qi.createTable('slack_pauses', {
      team_id: { type: DataTypes.STRING(32), allowNull: false, primaryKey: true },
      paused_until_ms: { type: DataTypes.BIGINT, allowNull: false },
    });
  },
  async down(qi) {
    await qi.dropTable('slack_pauses');
  },
};
