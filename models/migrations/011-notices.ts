import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/** Messages Lume sent on its own (models/notice.ts). 008 is calendar sync's; 009 was never used. */
export const notices: Migration = {
  name: '011-notices',
  async up(qi) {
    await qi.createTable('notices', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      key: { type: DataTypes.STRING(191), allowNull: false },
      slack_identity_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'slack_identities', key: 'id' },
        onDelete: 'CASCADE',
      },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      event_ref: { type: DataTypes.STRING(64), allowNull: true },
      channel: { type: DataTypes.STRING(32), allowNull: false },
      ts: { type: DataTypes.STRING(32), allowNull: false },
      state_enc: { type: DataTypes.TEXT, allowNull: true },
      sent_at: { type: DataTypes.DATE, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('notices', ['key'], { unique: true, name: 'notices_key' });
    await qi.addIndex('notices', ['slack_identity_id', 'kind', 'event_ref'], { name: 'notices_event' });
    await qi.addIndex('notices', ['sent_at'], { name: 'notices_sent_at' });
  },
  async down(qi) {
    await qi.dropTable('notices');
  },
};
