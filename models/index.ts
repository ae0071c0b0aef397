import type { Sequelize } from 'sequelize';
import { AgentMessage } from './agent-message';
import { ConnectLink } from './connect-link';
import { Job } from './job';
import { OAuthState } from './oauth-state';
import { PendingAction } from './pending-action';
import { PersonSetting } from './person-setting';
import { SlackEvent } from './slack-event';
import { SlackIdentity } from './slack-identity';
import { User } from './user';

export {
  AgentMessage,
  ConnectLink,
  Job,
  OAuthState,
  PendingAction,
  PersonSetting,
  SlackEvent,
  SlackIdentity,
  User,
};

export interface Models {
  User: typeof User;
  SlackIdentity: typeof SlackIdentity;
  OAuthState: typeof OAuthState;
  ConnectLink: typeof ConnectLink;
  SlackEvent: typeof SlackEvent;
  PendingAction: typeof PendingAction;
  AgentMessage: typeof AgentMessage;
  Job: typeof Job;
  PersonSetting: typeof PersonSetting;
}

/** Initialise every model on one connection and wire the associations. */
export function initModels(sequelize: Sequelize): Models {
  User.initModel(sequelize);
  SlackIdentity.initModel(sequelize);
  OAuthState.initModel(sequelize);
  ConnectLink.initModel(sequelize);
  SlackEvent.initModel(sequelize);
  PendingAction.initModel(sequelize);
  AgentMessage.initModel(sequelize);
  Job.initModel(sequelize);
  PersonSetting.initModel(sequelize);

  User.hasMany(SlackIdentity, { foreignKey: 'userId', as: 'slackIdentities', onDelete: 'CASCADE' });
  SlackIdentity.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  SlackIdentity.hasOne(PersonSetting, { foreignKey: 'slackIdentityId', as: 'settings', onDelete: 'CASCADE' });
  PersonSetting.belongsTo(SlackIdentity, { foreignKey: 'slackIdentityId', as: 'identity' });

  return {
    User,
    SlackIdentity,
    OAuthState,
    ConnectLink,
    SlackEvent,
    PendingAction,
    AgentMessage,
    Job,
    PersonSetting,
  };
}
