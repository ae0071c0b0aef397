import { toolCatalogue } from './catalogue';
import { checkFreeBusy } from './check-free-busy';
import { completeTask } from './complete-task';
import { createEmailDraft } from './create-email-draft';
import { createEvent } from './create-event';
import { createTask } from './create-task';
import { currentTime } from './current-time';
import { deleteEvent } from './delete-event';
import { deleteTask } from './delete-task';
import { findFreeSlot } from './find-free-slot';
import { findMeetingTime } from './find-meeting-time';
import { forwardEmail } from './forward-email';
import { getEvent } from './get-event';
import { getPlaceDetails } from './get-place-details';
import { getTravelTime } from './get-travel-time';
import { listCalendars } from './list-calendars';
import { listEmailLabels } from './list-email-labels';
import { listEvents } from './list-events';
import { listNotes } from './list-notes';
import { listTaskLists } from './list-task-lists';
import { listTasks } from './list-tasks';
import { lookUpTeammates } from './look-up-teammates';
import { organizeEmails } from './organize-emails';
import { readEmail } from './read-email';
import { readEmailThread } from './read-email-thread';
import { readNote } from './read-note';
import { replyToEmail } from './reply-to-email';
import { respondToEvent } from './respond-to-event';
import { searchEmails } from './search-emails';
import { searchPlaces } from './search-places';
import { sendEmail } from './send-email';
import { trashEmails } from './trash-emails';
import type { Tool } from './types';
import { updateEvent } from './update-event';
import { updateTask } from './update-task';

export type { ToolCatalogue } from './catalogue';
export { describeToolError } from './errors';
export type { ActionPreview, ChoiceOffer, Tool, ToolContext, ToolResult } from './types';

/** Every tool Lume has. The agent declares a subset of them to the model (see toolsFor). */
export const allTools: Tool[] = [
  currentTime,
  // Gmail
  searchEmails,
  readEmail,
  readEmailThread,
  listEmailLabels,
  createEmailDraft,
  sendEmail,
  replyToEmail,
  forwardEmail,
  organizeEmails,
  trashEmails,
  // Calendar
  listCalendars,
  listEvents,
  getEvent,
  createEvent,
  updateEvent,
  deleteEvent,
  respondToEvent,
  checkFreeBusy,
  findFreeSlot,
  // Teammates (Slack's directory, free/busy only)
  lookUpTeammates,
  findMeetingTime,
  // Tasks
  listTaskLists,
  listTasks,
  createTask,
  updateTask,
  completeTask,
  deleteTask,
  // Keep
  listNotes,
  readNote,
  // Maps
  searchPlaces,
  getPlaceDetails,
  getTravelTime,
];

/** Every tool, offered by scope and Maps key (see ToolCatalogue). */
export const { toolsFor, toolByName } = toolCatalogue(allTools);
