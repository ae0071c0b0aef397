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
  },
  async down(qi) {
    await qi.dropTable('calendar_events');
  },
};
