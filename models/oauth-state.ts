import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/** One pending Google authorisation: the state is stored only as a hash, the PKCE verifier only encrypted. */
export class OAuthState extends Model<InferAttributes<OAuthState>, InferCreationAttributes<OAuthState>> {
  declare id: CreationOptional<number>;
  declare stateHash: string;
  declare teamId: string | null;
  declare slackUserId: string | null;
  declare pkceVerifierEnc: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof OAuthState {
    OAuthState.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        stateHash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
        teamId: { type: DataTypes.STRING(32), allowNull: true },
        slackUserId: { type: DataTypes.STRING(32), allowNull: true },
        pkceVerifierEnc: { type: DataTypes.TEXT, allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'oauth_states', underscored: true, updatedAt: false },
    );
    return OAuthState;
  }
}
