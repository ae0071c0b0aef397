/**
 * Request bodies exactly as Slack sends them to a request URL: slash commands and interactivity as
 * application/x-www-form-urlencoded (interactivity inside a `payload` field), events as JSON.
 */

export interface SlackRequest {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

export interface Who {
  teamId: string;
  appId: string;
  botUserId: string;
}

let triggerCounter = 0;
/** A trigger_id as Slack mints them: unique, and (for the fake's 3-second rule) led by its time in ms. */
export const newTrigger = () => `${Date.now()}.${++triggerCounter}.trigger`;

export function slashCommand(
  who: Who,
  o: { text: string; userId: string; channelId?: string; responseUrl: string; command?: string },
): SlackRequest {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: who.teamId,
    team_domain: 'lume-test',
    channel_id: o.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: o.userId,
    user_name: o.userId.toLowerCase(),
    command: o.command ?? '/lume',
    text: o.text,
    api_app_id: who.appId,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: newTrigger(),
  });
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

let eventCounter = 0;
export const newEventId = () =>
  `Ev${Date.now().toString(36).toUpperCase()}${(++eventCounter).toString().padStart(4, '0')}`;

export function eventCallback(
  who: Who,
  event: Record<string, unknown>,
  o: { eventId?: string; teamId?: string } = {},
): SlackRequest & { eventId: string } {
  const eventId = o.eventId ?? newEventId();
  const teamId = o.teamId ?? who.teamId;
  const body = {
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: who.appId,
    event: { event_ts: `${Date.now() / 1000}`, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: who.botUserId, is_bot: true }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
  return { body: JSON.stringify(body), contentType: 'application/json', eventId };
}

let tsCounter = 0;
/** A Slack message ts: seconds.micro, unique per call. */
export const newTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

export function dmMessage(o: {
  user: string;
  text: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: 'message',
    channel_type: 'im',
    channel: o.channel ?? `D${o.user.slice(1)}`,
    user: o.user,
    text: o.text,
    ts: o.ts ?? newTs(),
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
    ...(o.subtype ? { subtype: o.subtype } : {}),
    ...(o.bot_id ? { bot_id: o.bot_id } : {}),
    ...o.extra,
  };
}

export function blockAction(
  who: Who,
  o: {
    userId: string;
    actionId: string;
    value?: string;
    container:
      | { type: 'message'; channelId: string; messageTs: string }
      | { type: 'view'; viewId: string; viewType?: 'home' | 'modal' };
    responseUrl?: string;
    /** The clicked message as Slack sends it along (its text and blocks), for a message container. */
    message?: { text?: string; blocks?: unknown[] };
    /** The block the button is in (Slack sends it; default b1). */
    blockId?: string;
  },
): SlackRequest {
  const payload = {
    type: 'block_actions',
    user: { id: o.userId, username: o.userId.toLowerCase(), team_id: who.teamId },
    api_app_id: who.appId,
    token: 'deprecated-verification-token',
    container:
      o.container.type === 'message'
        ? {
            type: 'message',
            message_ts: o.container.messageTs,
            channel_id: o.container.channelId,
            is_ephemeral: false,
          }
        : { type: 'view', view_id: o.container.viewId },
    trigger_id: newTrigger(),
    team: { id: who.teamId, domain: 'lume-test' },
    enterprise: null,
    is_enterprise_install: false,
    ...(o.container.type === 'message'
      ? {
          channel: { id: o.container.channelId, name: 'directmessage' },
          message: { type: 'message', ts: o.container.messageTs, ...o.message },
        }
      : { view: { id: o.container.viewId, type: o.container.viewType ?? 'home' } }),
    ...(o.responseUrl ? { response_url: o.responseUrl } : {}),
    actions: [
      {
        action_id: o.actionId,
        block_id: o.blockId ?? 'b1',
        type: 'button',
        ...(o.value !== undefined ? { value: o.value } : {}),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

type Obj = Record<string, unknown>;
/** What a person did to one field: values ticked or chosen, or text typed; null empties it. */
export type FieldInput = string | string[] | null;

/**
 * `view.state.values` as Slack sends it on submission: every input block of the view, each field
 * as the person left it — what they changed in `input` (by block_id), the rest as the view
 * prefilled it (initial_value, initial_option(s), initial_time).
 */
export function formState(view: Obj, input: Record<string, FieldInput> = {}): Obj {
  const values: Record<string, Obj> = {};
  for (const block of (view.blocks ?? []) as Obj[]) {
    if (block.type !== 'input') continue;
    const el = block.element as Obj;
    const id = String(block.block_id);
    const given = Object.hasOwn(input, id) ? input[id] : undefined;
    const options = (el.options ?? []) as Obj[];
    const pick = (v: FieldInput | undefined) => options.find((o) => o.value === v) ?? null;
    let state: Obj;
    switch (el.type) {
      case 'checkboxes': {
        const chosen =
          given === undefined
            ? ((el.initial_options ?? []) as Obj[])
            : options.filter((o) => (given ?? []).includes(String(o.value)));
        state = { type: el.type, selected_options: chosen };
        break;
      }
      case 'static_select':
      case 'radio_buttons':
        state = {
          type: el.type,
          selected_option: given === undefined ? (el.initial_option ?? null) : pick(given),
        };
        break;
      case 'timepicker':
        state = {
          type: el.type,
          selected_time: given === undefined ? (el.initial_time ?? null) : given,
          ...(el.timezone ? { timezone: el.timezone } : {}),
        };
        break;
      default:
        state = { type: el.type, value: given === undefined ? (el.initial_value ?? null) : given };
    }
    values[id] = { [String(el.action_id)]: state };
  }
  return { values };
}

/** A view_submission as Slack posts it to the request URL (form-encoded `payload`), for the user who clicked Submit. */
export function viewSubmission(who: Who, o: { userId: string; view: Obj; values: Obj }): SlackRequest {
  const payload = {
    type: 'view_submission',
    team: { id: who.teamId, domain: 'lume-test' },
    user: {
      id: o.userId,
      username: o.userId.toLowerCase(),
      name: o.userId.toLowerCase(),
      team_id: who.teamId,
    },
    api_app_id: who.appId,
    token: 'deprecated-verification-token',
    trigger_id: newTrigger(),
    view: { ...o.view, state: o.values },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** A message shortcut click (the ⋮ menu on a message), as Slack posts it: a `message_action` payload. */
export function messageShortcut(
  who: Who,
  o: {
    userId: string;
    callbackId: string;
    channelId: string;
    message: { ts: string; text: string; user?: string };
    responseUrl?: string;
  },
): SlackRequest {
  const payload = {
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: { id: who.teamId, domain: 'lume-test' },
    user: {
      id: o.userId,
      name: o.userId.toLowerCase(),
      username: o.userId.toLowerCase(),
      team_id: who.teamId,
    },
    channel: { id: o.channelId, name: 'design' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: o.callbackId,
    trigger_id: `${Date.now()}.1.trigger`,
    ...(o.responseUrl ? { response_url: o.responseUrl } : {}),
    message_ts: o.message.ts,
    message: {
      type: 'message',
      ...(o.message.user ? { user: o.message.user } : { subtype: 'bot_message', bot_id: 'B0OTHER' }),
      ts: o.message.ts,
      text: o.message.text,
      team: who.teamId,
    },
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** Slack's agent view: what the person has open beside the app (app_context_changed's event). */
export function appContextChanged(o: { user: string; channel: string; viewing?: string }) {
  return {
    type: 'app_context_changed',
    user: o.user,
    channel: o.channel,
    context: o.viewing
      ? { entities: [{ type: 'slack#/types/channel_id', value: o.viewing, team_id: 'T0LUME' }] }
      : {},
  };
}
