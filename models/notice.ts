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
 * A message Lume sent on its own (src/notify/sent-notices.ts): its key says what it was about, so it
 * is never sent twice, and its place in Slack lets it be updated (an invitation's answer). Whatever a
 * kind keeps beyond ids is sealed, bound to the row's key. Gone with the Slack identity.
 */
export class Notice extends Model<InferAttributes<Notice>, InferCreationAttributes<Notice>> {
  declare id: CreationOptional<number>;
  /** `<kind>:<identity id>:…`: one notice per key, ever. */
  declare key: string;
  /** slack_identities.id (the association is declared from SlackIdentity). */
  declare slackIdentityId: ForeignKey<number>;
  declare kind: string;
  /** sha256 of the Google event id it is about, to find an event's notice again; null for briefings. */
  declare eventRef: string | null;
  declare channel: string;
  declare ts: string;
  declare stateEnc: string | null;
  declare sentAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof Notice {
    Notice.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        key: { type: DataTypes.STRING(191), allowNull: false },
        kind: { type: DataTypes.STRING(32), allowNull: false },
        eventRef: { type: DataTypes.STRING(64), allowNull: true },
        channel: { type: DataTypes.STRING(32), allowNull: false },
        ts: { type: DataTypes.STRING(32), allowNull: false },
        stateEnc: { type: DataTypes.TEXT, allowNull: true },
        sentAt: { type: DataTypes.DATE, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'notices', underscored: true },
    );
    return Notice;
  }
}
