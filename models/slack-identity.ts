import {
  type CreationOptional,
  DataTypes,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import type { PersonSetting } from './person-setting';
import type { User } from './user';

/** A Slack user (team + user id) linked to one Google account. */
export class SlackIdentity extends Model<
  InferAttributes<SlackIdentity>,
  InferCreationAttributes<SlackIdentity>
> {
  declare id: CreationOptional<number>;
  declare teamId: string;
  declare slackUserId: string;
  declare userId: ForeignKey<User['id']>;
  declare user?: NonAttribute<User>;
  declare settings?: NonAttribute<PersonSetting | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof SlackIdentity {
    SlackIdentity.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        teamId: { type: DataTypes.STRING(32), allowNull: false },
        slackUserId: { type: DataTypes.STRING(32), allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'slack_identities',
        underscored: true,
        indexes: [{ unique: true, fields: ['team_id', 'slack_user_id'] }],
      },
    );
    return SlackIdentity;
  }
}
