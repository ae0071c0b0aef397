import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
/**
 * One Gemini `Content` of a conversation (a user message, a model turn, or function responses),
 * encrypted because it holds mail and calendar text. `size` lets memory be trimmed without decrypting.
 */
export class AgentMessage extends Model<
  InferAttributes<AgentMessage>,
  InferCreationAttributes<AgentMessage>
> {
  declare id: CreationOptional<number>;
  declare conversationKey: string;
  declare userId: string;
  declare role: 'user' | 'model';
  declare contentEnc: string;
  declare size: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): typeof AgentMessage {
    AgentMessage.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        conversationKey: { type: DataTypes.STRING(191), allowNull: false },
        userId: { type: DataTypes.UUID, allowNull: false },
        role: { type: DataTypes.STRING(8), allowNull: false },
        contentEnc: { type: DataTypes.TEXT, allowNull: false },
        size: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agent_messages', underscored: true, updatedAt: false },
    );
    return AgentMessage;
  }
}
