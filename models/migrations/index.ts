import type { Migration } from '../migrate';
import { foundation } from './001-foundation';
import { slackEvents } from './002-slack-events';
import { agent } from './003-agent';
import { pendingActionZone } from './004-pending-action-zone';
import { jobs } from './005-jobs';
import { sessionGeneration } from './006-session-generation';
import { personSettings } from './007-person-settings';
import { calendar } from './008-calendar';
import { choiceOffers } from './010-choice-offers';
import { notices } from './011-notices';
import { rsvpClaims } from './012-rsvp-claims';
import { slackPauses } from './014-slack-pauses';

/** Applied in this order; a new migration = one new file and one line here. */
export const migrations: Migration[] = [
  foundation,
  slackEvents,
  agent,
  pendingActionZone,
  jobs,
  sessionGeneration,
  personSettings,
  calendar,
  choiceOffers,
  notices,
  rsvpClaims,
  slackPauses,
];
