import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';

export type UserStatus = 'connected' | 'revoked';

/** Columns that hold encrypted credentials; never serialised. */
export const SECRET_USER_COLUMNS = ['accessTokenEnc', 'refreshTokenEnc'] as const;

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: string;
  declare googleId: string;
  declare email: string;
  declare name: string | null;
  declare accessTokenEnc: string | null;
  declare refreshTokenEnc: string | null;
  declare tokenExpiresAt: Date | null;
  /** Space-separated, as Google returns them. */
  declare grantedScopes: string;
  declare status: UserStatus;
  /** Sessions issued under an older generation are refused: `/lume disconnect` bumps it. */
  declare sessionGeneration: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  get scopes(): NonAttribute<string[]> {
    return this.grantedScopes ? this.grantedScopes.split(' ').filter(Boolean) : [];
  }

  override toJSON(): object {
    const values = { ...(this.get() as Record<string, unknown>) };
    for (const col of SECRET_USER_COLUMNS) delete values[col];
    return values;
  }

  static initModel(sequelize: Sequelize): typeof User {
    User.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        googleId: { type: DataTypes.STRING(255), allowNull: false, unique: true },
        email: { type: DataTypes.STRING(320), allowNull: false },
        name: { type: DataTypes.STRING(255), allowNull: true },
        accessTokenEnc: { type: DataTypes.TEXT, allowNull: true },
        refreshTokenEnc: { type: DataTypes.TEXT, allowNull: true },
        tokenExpiresAt: { type: DataTypes.DATE, allowNull: true },
        grantedScopes: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'connected' },
        sessionGeneration: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'users', underscored: true },
    );
    return User;
  }
}
