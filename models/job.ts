import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/** queued: waiting for run_at · running: claimed under a lease · done: succeeded · dead: gave up. */
export type JobState = 'queued' | 'running' | 'done' | 'dead';

/**
 * One durable job (src/jobs/engine). `payload` is JSON text, or, for kinds declared sealed, the
 * token cipher's output bound to the row (see src/jobs/engine/payload.ts). `leaseOwner` names the
 * claim (instance id, process nonce, claim number) holding a running job, so a late write from a
 * claim that lost its lease matches nothing; on a finished job it names the claim that finished it.
 * `rerun` marks a running job replaced by a newer enqueue: it runs again once this attempt ends.
 */
export class Job extends Model<InferAttributes<Job>, InferCreationAttributes<Job>> {
  declare id: string;
  declare kind: string;
  declare uniqueKey: string | null;
  declare state: JobState;
  declare runAt: Date;
  declare payload: string;
  declare attempts: CreationOptional<number>;
  declare maxAttempts: number;
  declare rerun: CreationOptional<boolean>;
  declare leaseOwner: string | null;
  declare leaseExpiresAt: Date | null;
  declare lastError: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Job {
    Job.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        kind: { type: DataTypes.STRING(64), allowNull: false },
        uniqueKey: { type: DataTypes.STRING(191).BINARY, allowNull: true, unique: true },
        state: { type: DataTypes.STRING(16), allowNull: false },
        runAt: { type: DataTypes.DATE(3), allowNull: false },
        payload: { type: DataTypes.TEXT, allowNull: false },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        maxAttempts: { type: DataTypes.INTEGER, allowNull: false },
        rerun: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        leaseOwner: { type: DataTypes.STRING(96), allowNull: true },
        leaseExpiresAt: { type: DataTypes.DATE(3), allowNull: true },
        lastError: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'jobs', underscored: true },
    );
    return Job;
  }
}
