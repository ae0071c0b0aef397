import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/**
 * A Slack request Lume has taken: an Events API delivery (its event_id) or a command or interaction
 * (`trigger:` and a hash of its trigger_id). The unique key is the dedupe: Slack retries a delivery
 * (x-slack-retry-num) it thinks failed, a captured request can be replayed within its signature's
 * window, and with two app instances either one may receive the copy, so the claim has to live in the
 * database, not in memory.
 */
export class SlackEvent extends Model<InferAttributes<SlackEvent>, InferCreationAttributes<SlackEvent>> {
  declare id: CreationOptional<number>;
  declare eventId: string;
  declare teamId: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof SlackEvent {
    SlackEvent.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        eventId: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        teamId: { type: DataTypes.STRING(32), allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'slack_events', underscored: true, updatedAt: false },
    );
    return SlackEvent;
  }
}
