import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/** A one-time link from `/lume connect`, bound to the Slack user who asked; stored only as a hash. */
export class ConnectLink extends Model<InferAttributes<ConnectLink>, InferCreationAttributes<ConnectLink>> {
  declare id: CreationOptional<number>;
  declare tokenHash: string;
  declare teamId: string;
  declare slackUserId: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof ConnectLink {
    ConnectLink.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        tokenHash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
        teamId: { type: DataTypes.STRING(32), allowNull: false },
        slackUserId: { type: DataTypes.STRING(32), allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'connect_links', underscored: true, updatedAt: false },
    );
    return ConnectLink;
  }
}
