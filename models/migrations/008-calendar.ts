import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/** Calendar sync's state (models/calendar-event.ts and its neighbours). */
export const calendar: Migration = {
  name: '008-calendar',
  async up(qi) {
    await qi.createTable('calendar_events', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: {
        type: DataTypes.UUID,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
      },
      event_ref: { type: DataTypes.STRING(64), allowNull: false },
      event_id: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      start_at: { type: DataTypes.DATE, allowNull: true },
      end_at: { type: DataTypes.DATE, allowNull: true },
      all_day: { type: DataTypes.BOOLEAN, allowNull: false },
      event_type: { type: DataTypes.STRING(32), allowNull: false },
      response: { type: DataTypes.STRING(16), allowNull: false },
      organizer_self: { type: DataTypes.BOOLEAN, allowNull: false },
      google_updated_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('calendar_events', ['user_id', 'event_ref'], {
      unique: true,
      name: 'calendar_events_ref',
    });
    await qi.addIndex('calendar_events', ['user_id', 'start_at'], { name: 'calendar_events_start' });

    // One row per Google account being synced: where its incremental sync stands.
    await qi.createTable('calendar_syncs', {
      user_id: {
        type: DataTypes.UUID,
        primaryKey: true,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
      },
      sync_token_enc: { type: DataTypes.TEXT, allowNull: true },
      // A batch written but not yet handed to every listener (sealed): emitted again by the next run.
      pending_batch_enc: {
        // A full sync's batch can pass MySQL's 64 KB TEXT; SQLite's TEXT has no such limit (nor sizes).
        type: qi.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('medium') : DataTypes.TEXT,
        allowNull: true,
      },
      last_synced_at: { type: DataTypes.DATE, allowNull: true },
      poll_due_at: { type: DataTypes.DATE, allowNull: false },
      rate_limited: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('calendar_syncs', ['poll_due_at'], { name: 'calendar_syncs_poll_due' });

    // Google Calendar push channels (events.watch): the token is kept only as its sha256.
    await qi.createTable('calendar_channels', {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      user_id: {
        type: DataTypes.UUID,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
      },
      token_hash: { type: DataTypes.STRING(64), allowNull: false },
      resource_id: { type: DataTypes.STRING(255), allowNull: true },
      expires_at: { type: DataTypes.DATE, allowNull: true },
      confirmed_at: { type: DataTypes.DATE, allowNull: true },
      last_message_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('calendar_channels', ['user_id'], { name: 'calendar_channels_user' });
  },
  async down(qi) {
    await qi.dropTable('calendar_channels');
    await qi.dropTable('calendar_syncs');
    await qi.dropTable('calendar_events');
  },
};
