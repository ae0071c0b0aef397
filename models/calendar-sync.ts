import {
  type CreationOptional,
  DataTypes,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/**
 * Where one Google account's calendar sync stands (src/calendar): Google's sync token (sealed), a
 * batch of changes not yet handed to every listener (sealed), and when the poller must sync it next.
 * Gone with the account, and deleted on disconnect.
 */
export class CalendarSync extends Model<
  InferAttributes<CalendarSync>,
  InferCreationAttributes<CalendarSync>
> {
  declare userId: ForeignKey<string>;
  declare syncTokenEnc: string | null;
  declare pendingBatchEnc: string | null;
  declare lastSyncedAt: Date | null;
  /** The poller enqueues a sync once this passes (push channels move it further out). */
  declare pollDueAt: Date;
  /** Rate-limit answers in a row: the backoff's exponent. */
  declare rateLimited: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof CalendarSync {
    CalendarSync.init(
      {
        userId: { type: DataTypes.UUID, primaryKey: true },
        syncTokenEnc: { type: DataTypes.TEXT, allowNull: true },
        pendingBatchEnc: { type: DataTypes.TEXT, allowNull: true },
        lastSyncedAt: { type: DataTypes.DATE, allowNull: true },
        pollDueAt: { type: DataTypes.DATE, allowNull: false },
        rateLimited: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'calendar_syncs', underscored: true },
    );
    return CalendarSync;
  }
}
