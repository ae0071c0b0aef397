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
 * What a linked Slack person chose for the things Lume says first (src/settings reads and writes it;
 * a person with no row has the defaults). One row per Slack identity, gone with it. The location is
 * a home or office address — personal data — so it is stored only sealed, bound to the identity.
 */
export class PersonSetting extends Model<
  InferAttributes<PersonSetting>,
  InferCreationAttributes<PersonSetting>
> {
  declare id: CreationOptional<number>;
  /** slack_identities.id (the association is declared from SlackIdentity, so this file imports neither). */
  declare slackIdentityId: ForeignKey<number>;
  declare remindersEnabled: boolean;
  declare reminderLeadMinutes: number;
  declare invitationsEnabled: boolean;
  /** Local hour and minute of the daily briefing in the person's zone; both null: briefing off. */
  declare briefingHour: number | null;
  declare briefingMinute: number | null;
  declare briefingDays: string | null;
  /** Sealed JSON: the address as typed, and what Places resolved it to. */
  declare locationEnc: string | null;
  declare travelMode: string;
  /** IANA zone from Slack users.info, and when Lume last read it. */
  declare timeZone: string | null;
  declare timeZoneReadAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof PersonSetting {
    PersonSetting.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        remindersEnabled: { type: DataTypes.BOOLEAN, allowNull: false },
        reminderLeadMinutes: { type: DataTypes.INTEGER, allowNull: false },
        invitationsEnabled: { type: DataTypes.BOOLEAN, allowNull: false },
        briefingHour: { type: DataTypes.INTEGER, allowNull: true },
        briefingMinute: { type: DataTypes.INTEGER, allowNull: true },
        briefingDays: { type: DataTypes.STRING(16), allowNull: true },
        locationEnc: { type: DataTypes.TEXT, allowNull: true },
        travelMode: { type: DataTypes.STRING(16), allowNull: false },
        timeZone: { type: DataTypes.STRING(64), allowNull: true },
        timeZoneReadAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'person_settings', underscored: true },
    );
    return PersonSetting;
  }
}
