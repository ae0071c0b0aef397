import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/**
 * Per-person settings of what Lume says first (models/person-setting.ts): one row per linked Slack
 * identity, deleted with it. Numbered 007: 005 is taken on another branch.
 */
export const personSettings: Migration = {
  name: '007-person-settings',
  async up(qi) {
    await qi.createTable('person_settings', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      slack_identity_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'slack_identities', key: 'id' },
        onDelete: 'CASCADE',
      },
      reminders_enabled: { type: DataTypes.BOOLEAN, allowNull: false },
      reminder_lead_minutes: { type: DataTypes.INTEGER, allowNull: false },
      invitations_enabled: { type: DataTypes.BOOLEAN, allowNull: false },
      briefing_hour: { type: DataTypes.INTEGER, allowNull: true },
      briefing_minute: { type: DataTypes.INTEGER, allowNull: true },
      briefing_days: { type: DataTypes.STRING(16), allowNull: true },
      location_enc: { type: DataTypes.TEXT, allowNull: true },
      travel_mode: { type: DataTypes.STRING(16), allowNull: false },
      time_zone: { type: DataTypes.STRING(64), allowNull: true },
      time_zone_read_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('person_settings', ['slack_identity_id'], {
      unique: true,
      name: 'person_settings_identity',
    });
    // The daily re-read of Slack time zones looks for the oldest reads.
    await qi.addIndex('person_settings', ['time_zone_read_at'], { name: 'person_settings_zone_read' });
  },
  async down(qi) {
    await qi.dropTable('person_settings');
  },
};
