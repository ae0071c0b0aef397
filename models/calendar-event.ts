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
 * What calendar sync keeps of one event on a Google user's primary calendar: only what scheduling
 * needs (when, whether it counts, the person's answer). Titles and locations are read from Google at
 * send time. Gone with the account.
 */
export class CalendarEvent extends Model<
  InferAttributes<CalendarEvent>,
  InferCreationAttributes<CalendarEvent>
> {
  declare id: CreationOptional<number>;
  declare userId: ForeignKey<string>;
  /** sha256 hex of eventId: the unique key (Google ids may be up to 1,024 characters). */
  declare eventRef: string;
  declare eventId: string;
  declare status: string;
  declare startAt: Date | null;
  declare endAt: Date | null;
  declare allDay: boolean;
  declare eventType: string;
  declare response: string;
  declare organizerSelf: boolean;
  declare googleUpdatedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof CalendarEvent {
    CalendarEvent.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        eventRef: { type: DataTypes.STRING(64), allowNull: false },
        eventId: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        startAt: { type: DataTypes.DATE, allowNull: true },
        endAt: { type: DataTypes.DATE, allowNull: true },
        allDay: { type: DataTypes.BOOLEAN, allowNull: false },
        eventType: { type: DataTypes.STRING(32), allowNull: false },
        response: { type: DataTypes.STRING(16), allowNull: false },
        organizerSelf: { type: DataTypes.BOOLEAN, allowNull: false },
        googleUpdatedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'calendar_events', underscored: true },
    );
    return CalendarEvent;
  }
}
