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
 * One Yes / Maybe / No click taken (src/notify/rsvp-claims.ts): its key is the person, the event and
 * the event's version the buttons were for, so a double click or a redelivered click finds the
 * claim taken and changes nothing. `pending` while Google is asked, `done` after. Gone with the identity.
 */
export class RsvpClaim extends Model<InferAttributes<RsvpClaim>, InferCreationAttributes<RsvpClaim>> {
  declare id: CreationOptional<number>;
  declare key: string;
  declare slackIdentityId: ForeignKey<number>;
  declare status: 'pending' | 'done';
  declare answer: string;
  declare claimedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof RsvpClaim {
    RsvpClaim.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        key: { type: DataTypes.STRING(191), allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        answer: { type: DataTypes.STRING(16), allowNull: false },
        claimedAt: { type: DataTypes.DATE, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'rsvp_claims', underscored: true },
    );
    return RsvpClaim;
  }
}
