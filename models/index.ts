import type { Sequelize } from 'sequelize';
import { AgentMessage } from './agent-message';
import { CalendarChannel } from './calendar-channel';
import { CalendarEvent } from './calendar-event';
import { CalendarSync } from './calendar-sync';
import { ConnectLink } from './connect-link';
import { Job } from './job';
import { Notice } from './notice';
import { OAuthState } from './oauth-state';
import { PendingAction } from './pending-action';
import { PersonSetting } from './person-setting';
import { RsvpClaim } from './rsvp-claim';
import { SlackEvent } from './slack-event';
import { SlackIdentity } from './slack-identity';
import { User } from './user';

export {
  AgentMessage,
  CalendarChannel,
  CalendarEvent,
  CalendarSync,
  ConnectLink,
  Job,
  Notice,
  OAuthState,
  PendingAction,
  PersonSetting,
  RsvpClaim,
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
  Notice: typeof Notice;
  CalendarEvent: typeof CalendarEvent;
  CalendarSync: typeof CalendarSync;
  CalendarChannel: typeof CalendarChannel;
  RsvpClaim: typeof RsvpClaim;
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
  Notice.initModel(sequelize);
  CalendarEvent.initModel(sequelize);
  CalendarSync.initModel(sequelize);
  CalendarChannel.initModel(sequelize);
  RsvpClaim.initModel(sequelize);

  User.hasMany(SlackIdentity, { foreignKey: 'userId', as: 'slackIdentities', onDelete: 'CASCADE' });
  SlackIdentity.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  User.hasMany(CalendarEvent, { foreignKey: 'userId', as: 'calendarEvents', onDelete: 'CASCADE' });
  User.hasOne(CalendarSync, { foreignKey: 'userId', as: 'calendarSync', onDelete: 'CASCADE' });
  CalendarSync.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  User.hasMany(CalendarChannel, { foreignKey: 'userId', as: 'calendarChannels', onDelete: 'CASCADE' });
  SlackIdentity.hasOne(PersonSetting, { foreignKey: 'slackIdentityId', as: 'settings', onDelete: 'CASCADE' });
  PersonSetting.belongsTo(SlackIdentity, { foreignKey: 'slackIdentityId', as: 'identity' });
  SlackIdentity.hasMany(Notice, { foreignKey: 'slackIdentityId', as: 'notices', onDelete: 'CASCADE' });
  SlackIdentity.hasMany(RsvpClaim, { foreignKey: 'slackIdentityId', as: 'rsvpClaims', onDelete: 'CASCADE' });

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
    Notice,
    CalendarEvent,
    CalendarSync,
    CalendarChannel,
    RsvpClaim,
  };
}
