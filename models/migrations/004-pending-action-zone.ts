import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/**
 * The time zone a confirmation card was shown in. "Thursday at 10" on the card must be Thursday at 10
 * in that zone when Confirm runs it, even if Slack cannot say the person's zone at click time or it
 * changed since. Null for cards created before this column existed.
 */
export const pendingActionZone: Migration = {
  name: '004-pending-action-zone',
  async up(qi) {
    await qi.addColumn('pending_actions', 'time_zone', { type: DataTypes.STRING(64), allowNull: true });
  },
  async down(qi) {
    await qi.removeColumn('pending_actions', 'time_zone');
  },
};
