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
 * One Google Calendar push channel (events.watch on a user's primary calendar). Google echoes the
 * channel's token in every notification; only its sha256 is kept, so a database read cannot forge
 * one. The row exists before Google is asked, so the `sync` message Google sends at once finds it.
 */
export class CalendarChannel extends Model<
  InferAttributes<CalendarChannel>,
  InferCreationAttributes<CalendarChannel>
> {
  /** The channel id Lume chose (a random UUID). */
  declare id: string;
  declare userId: ForeignKey<string>;
  declare tokenHash: string;
  /** Google's id of the watched resource; needed to stop the channel. */
  declare resourceId: string | null;
  declare expiresAt: Date | null;
  /** When Google's `sync` message arrived: the channel reaches Lume. */
  declare confirmedAt: Date | null;
  declare lastMessageAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof CalendarChannel {
    CalendarChannel.init(
      {
        id: { type: DataTypes.STRING(64), primaryKey: true },
        tokenHash: { type: DataTypes.STRING(64), allowNull: false },
        resourceId: { type: DataTypes.STRING(255), allowNull: true },
        expiresAt: { type: DataTypes.DATE, allowNull: true },
        confirmedAt: { type: DataTypes.DATE, allowNull: true },
        lastMessageAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'calendar_channels', underscored: true },
    );
    return CalendarChannel;
  }
}
