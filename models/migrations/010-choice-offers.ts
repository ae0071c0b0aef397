import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/**
 * Proposals offered together as choices (the meeting times of one find_meeting_time answer) share an
 * offer id: picking one cancels the others, and a choice's card must have been shown before its
 * Confirm counts. Null for every proposal made directly.
 */
export const choiceOffers: Migration = {
  name: '010-choice-offers',
  async up(qi) {
    await qi.addColumn('pending_actions', 'offer_id', { type: DataTypes.UUID, allowNull: true });
    await qi.addIndex('pending_actions', ['offer_id'], { name: 'pending_actions_offer_id' });
  },
  async down(qi) {
    await qi.removeIndex('pending_actions', 'pending_actions_offer_id');
    await qi.removeColumn('pending_actions', 'offer_id');
  },
};
