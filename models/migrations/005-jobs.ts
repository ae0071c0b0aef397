import { DataTypes } from 'sequelize';
import type { Migration } from '../migrate';

/**
 * The durable job queue (src/jobs/engine). One row per job; instances claim due rows with a lease
 * (lease_owner + lease_expires_at) and finished rows stay a while so a unique key keeps meaning
 * "this already happened". Times carry milliseconds: reminders are measured in seconds of lateness.
 */
export const jobs: Migration = {
  name: '005-jobs',
  async up(qi) {
    const time = DataTypes.DATE(3);
    await qi.createTable('jobs', {
      id: { type: DataTypes.UUID, primaryKey: true },
      kind: { type: DataTypes.STRING(64), allowNull: false },
      // Binary: keys compare exactly (case and all), as ids from Slack and Google do.
      unique_key: { type: DataTypes.STRING(191).BINARY, allowNull: true },
      state: { type: DataTypes.STRING(16), allowNull: false },
      run_at: { type: time, allowNull: false },
      payload: { type: DataTypes.TEXT, allowNull: false },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      max_attempts: { type: DataTypes.INTEGER, allowNull: false },
      rerun: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      lease_owner: { type: DataTypes.STRING(96), allowNull: true },
      lease_expires_at: { type: time, allowNull: true },
      last_error: { type: DataTypes.TEXT, allowNull: true },
      created_at: { type: time, allowNull: false },
      updated_at: { type: time, allowNull: false },
    });
    // NULLs never collide in a unique index (MySQL and SQLite alike): keyless jobs are unconstrained.
    await qi.addIndex('jobs', ['unique_key'], { unique: true, name: 'jobs_unique_key' });
    // The claim: state = 'queued' AND run_at <= now, oldest first. Also the purge of old finished rows.
    await qi.addIndex('jobs', ['state', 'run_at'], { name: 'jobs_state_run_at' });
    // Takeover: state = 'running' AND lease_expires_at < now. (Renewal and hand-back go by primary key.)
    await qi.addIndex('jobs', ['state', 'lease_expires_at'], { name: 'jobs_state_lease' });
  },
  async down(qi) {
    await qi.dropTable('jobs');
  },
};
