import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
/**
 * pending → running (claimed by a Confirm click) → done | failed; or → cancelled | expired. A run
 * whose process died stays running until its lease passes; then the recovery sweep takes it
 * (recovering) and settles it done, failed, or unknown when Google cannot say.
 */
export type PendingActionStatus =
  | 'pending'
  | 'running'
  | 'recovering'
  | 'done'
  | 'failed'
  | 'unknown'
  | 'cancelled'
  | 'expired';

/**
 * A data-changing tool call the model proposed, waiting for its Slack user's Confirm. Arguments,
 * preview and result are encrypted (they hold mail bodies and addresses) and bound to the row id.
 */
export class PendingAction extends Model<
  InferAttributes<PendingAction>,
  InferCreationAttributes<PendingAction>
> {
  declare id: string;
  declare teamId: string;
  declare slackUserId: string;
  declare userId: string;
  declare channelId: string;
  declare threadTs: string | null;
  declare conversationKey: string;
  declare messageTs: string | null;
  declare toolName: string;
  /** IANA zone the card's times were shown in; null for cards older than migration 004. */
  declare timeZone: string | null;
  /** Shared by proposals offered together as choices (migration 010); null otherwise. */
  declare offerId: CreationOptional<string | null>;
  declare argsEnc: string;
  declare previewEnc: string;
  declare status: PendingActionStatus;
  declare expiresAt: Date;
  declare resultEnc: string | null;
  declare decidedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof PendingAction {
    PendingAction.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        teamId: { type: DataTypes.STRING(32), allowNull: false },
        slackUserId: { type: DataTypes.STRING(32), allowNull: false },
        channelId: { type: DataTypes.STRING(32), allowNull: false },
        threadTs: { type: DataTypes.STRING(32), allowNull: true },
        conversationKey: { type: DataTypes.STRING(191), allowNull: false },
        userId: { type: DataTypes.UUID, allowNull: false },
        messageTs: { type: DataTypes.STRING(32), allowNull: true },
        toolName: { type: DataTypes.STRING(64), allowNull: false },
        timeZone: { type: DataTypes.STRING(64), allowNull: true },
        offerId: { type: DataTypes.UUID, allowNull: true },
        argsEnc: { type: DataTypes.TEXT, allowNull: false },
        previewEnc: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.STRING(16), allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        resultEnc: { type: DataTypes.TEXT, allowNull: true },
        decidedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'pending_actions', underscored: true },
    );
    return PendingAction;
  }
}
