import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

export const foundation: Migration = {
  name: '001-foundation',
  async up(qi) {
    await qi.createTable('users', {
      id: { type: DataTypes.UUID, primaryKey: true },
      google_id: { type: DataTypes.STRING(255), allowNull: false, unique: true },
      email: { type: DataTypes.STRING(320), allowNull: false },
      name: { type: DataTypes.STRING(255), allowNull: true },
      access_token_enc: { type: DataTypes.TEXT, allowNull: true },
      refresh_token_enc: { type: DataTypes.TEXT, allowNull: true },
      token_expires_at: { type: DataTypes.DATE, allowNull: true },
      granted_scopes: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'connected' },
      ...timestamps,
    });
    await qi.addIndex('users', ['email'], { name: 'users_email' });

    await qi.createTable('slack_identities', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      team_id: { type: DataTypes.STRING(32), allowNull: false },
      slack_user_id: { type: DataTypes.STRING(32), allowNull: false },
      user_id: {
        type: DataTypes.UUID,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
      },
      ...timestamps,
    });
    await qi.addIndex('slack_identities', ['team_id', 'slack_user_id'], {
      unique: true,
      name: 'slack_identities_team_user',
    });
    await qi.addIndex('slack_identities', ['user_id'], { name: 'slack_identities_user' });

    await qi.createTable('oauth_states', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      state_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
      team_id: { type: DataTypes.STRING(32), allowNull: true },
      slack_user_id: { type: DataTypes.STRING(32), allowNull: true },
      pkce_verifier_enc: { type: DataTypes.TEXT, allowNull: false },
      expires_at: { type: DataTypes.DATE, allowNull: false },
      used_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('oauth_states', ['expires_at'], { name: 'oauth_states_expires' });

    await qi.createTable('connect_links', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      token_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
      team_id: { type: DataTypes.STRING(32), allowNull: false },
      slack_user_id: { type: DataTypes.STRING(32), allowNull: false },
      expires_at: { type: DataTypes.DATE, allowNull: false },
      used_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('connect_links', ['expires_at'], { name: 'connect_links_expires' });
  },
  async down(qi) {
    await qi.dropTable('connect_links');
    await qi.dropTable('oauth_states');
    await qi.dropTable('slack_identities');
    await qi.dropTable('users');
  },
};
