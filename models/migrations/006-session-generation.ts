import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/**
 * A per-person session generation. Every session JWT carries the generation it was issued under;
 * `/lume disconnect` bumps it, so every session of that person is refused from the next request on,
 * without a token blacklist. Numbered 006: 005 is taken on another branch.
 */
export const sessionGeneration: Migration = {
  name: '006-session-generation',
  async up(qi) {
    await qi.addColumn('users', 'session_generation', {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
    });
  },
  async down(qi) {
    await qi.removeColumn('users', 'session_generation');
  },
};
