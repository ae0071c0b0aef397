import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/** The single-use claim of each Yes / Maybe / No click (models/rsvp-claim.ts). */
export const rsvpClaims: Migration = {
  name: '012-rsvp-claims',
  async up(qi) {
    await qi.createTable('rsvp_claims', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      key: { type: DataTypes.STRING(191), allowNull: false },
      slack_identity_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'slack_identities', key: 'id' },
        onDelete: 'CASCADE',
      },
      status: { type: DataTypes.STRING(16), allowNull: false },
      answer: { type: DataTypes.STRING(16), allowNull: false },
      claimed_at: { type: DataTypes.DATE, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await qi.addIndex('rsvp_claims', ['key'], { unique: true, name: 'rsvp_claims_key' });
    await qi.addIndex('rsvp_claims', ['claimed_at'], { name: 'rsvp_claims_claimed_at' });
  },
  async down(qi) {
    await qi.dropTable('rsvp_claims');
  },
};
