import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

const userRef = {
  type: DataTypes.UUID,
  allowNull: false,
  references: { model: 'users', key: 'id' },
  onDelete: 'CASCADE',
};

/** The agent's state: confirmation cards waiting for a click, and conversation memory. */
export const agent: Migration = {
  name: '003-agent',
  async up(qi) {
    // MySQL's TEXT stops at 64 KB, too small for a long mail and its preview; SQLite has one TEXT.
    const longText = qi.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('medium') : DataTypes.TEXT;
    await qi.createTable('pending_actions', {
      id: { type: DataTypes.UUID, primaryKey: true },
      team_id: { type: DataTypes.STRING(32), allowNull: false },
      slack_user_id: { type: DataTypes.STRING(32), allowNull: false },
      user_id: userRef,
      channel_id: { type: DataTypes.STRING(32), allowNull: false },
      thread_ts: { type: DataTypes.STRING(32), allowNull: true },
      conversation_key: { type: DataTypes.STRING(191), allowNull: false },
      message_ts: { type: DataTypes.STRING(32), allowNull: true },
      tool_name: { type: DataTypes.STRING(64), allowNull: false },
      args_enc: { type: longText, allowNull: false },
      preview_enc: { type: longText, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      expires_at: { type: DataTypes.DATE, allowNull: false },
      result_enc: { type: longText, allowNull: true },
      decided_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('pending_actions', ['status', 'expires_at'], {
      name: 'pending_actions_status_expires',
    });
    await qi.addIndex('pending_actions', ['user_id'], { name: 'pending_actions_user' });

    await qi.createTable('agent_messages', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      conversation_key: { type: DataTypes.STRING(191), allowNull: false },
      user_id: userRef,
      role: { type: DataTypes.STRING(8), allowNull: false },
      content_enc: { type: longText, allowNull: false },
      size: { type: DataTypes.INTEGER, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
    });
    // Memory is read newest-first per conversation.
    await qi.addIndex('agent_messages', ['conversation_key', 'id'], { name: 'agent_messages_conversation' });
    await qi.addIndex('agent_messages', ['user_id'], { name: 'agent_messages_user' });
  },
  async down(qi) {
    await qi.dropTable('agent_messages');
    await qi.dropTable('pending_actions');
  },
};
