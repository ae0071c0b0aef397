import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/** Events API dedupe: one row per event_id Lume has taken (see models/slack-event.ts). */
export const slackEvents: Migration = {
  name: '002-slack-events',
  async up(qi) {
    await qi.createTable('slack_events', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      event_id: { type: DataTypes.STRING(64), allowNull: false },
      team_id: { type: DataTypes.STRING(32), allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('slack_events', ['event_id'], { unique: true, name: 'slack_events_event_id' });
    // Old rows are purged by age; Slack stops retrying an event within the hour.
    await qi.addIndex('slack_events', ['created_at'], { name: 'slack_events_created' });
  },
  async down(qi) {
    await qi.dropTable('slack_events');
  },
};
