import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { parse } from 'yaml';
import { ACTIONS } from '../../src/slack/blocks/action-ids';
import { agendaMessage } from '../../src/slack/blocks/agenda';
import { choicesMessage } from '../../src/slack/blocks/choices';
import { confirmCard } from '../../src/slack/blocks/confirm-card';
import { connectedMessage, connectMessage, disconnectedMessage } from '../../src/slack/blocks/connect';
import { helpMessage } from '../../src/slack/blocks/help';
import { homeView } from '../../src/slack/blocks/home';
import { invitationMessage } from '../../src/slack/blocks/notices/invitation';
import { leaveNowMessage } from '../../src/slack/blocks/notices/leave-now';
import { reminderMessage } from '../../src/slack/blocks/notices/reminder';
import { requestModal } from '../../src/slack/blocks/request-modal';
import { statusMessage } from '../../src/slack/blocks/status';
import { welcomeMessage } from '../../src/slack/blocks/welcome';
import type { SlackDeps } from '../../src/slack/deps';
import { registerListeners } from '../../src/slack/listeners';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands';
import { usageHint } from '../../src/slack/listeners/commands/subcommand';
import { MESSAGE_SHORTCUTS } from '../../src/slack/listeners/shortcuts';
import { SLACK_EVENTS_PATH } from '../../src/slack/receiver';
import { SUGGESTED_PROMPTS } from '../../src/slack/suggested-prompts';

const ROOT = join(__dirname, '..', '..');
const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));

/** Run the real registerListeners against a recorder: what the code registers, without Bolt. */
function registered() {
  const r = {
    commands: [] as string[],
    events: [] as string[],
    actions: [] as (string | RegExp)[],
    views: [] as unknown[],
    shortcuts: [] as { callback_id: string; type: string }[],
    other: [] as string[],
  };
  const recorder = {
    command: (name: string) => r.commands.push(name),
    event: (name: string) => r.events.push(name),
    action: (id: string | RegExp | { action_id: string | RegExp }) =>
      r.actions.push(typeof id === 'object' && !(id instanceof RegExp) ? id.action_id : id),
    view: (id: unknown) => r.views.push(id),
    message: () => r.other.push('message'),
    shortcut: (c: { callback_id: string; type: string }) => r.shortcuts.push(c),
    options: () => r.other.push('options'),
    use: () => undefined,
  };
  registerListeners(recorder as unknown as App, {} as SlackDeps);
  return r;
}

/** Every action_id in every message and view Lume builds: sampled builders plus a scan of src/slack/blocks. */
function actionIdsInBuiltBlocks(): string[] {
  const agenda = {
    date: '2025-06-10',
    timeZone: 'UTC',
    email: 'a@example.com',
    events: { ok: true as const, value: [] },
    tasks: { ok: true as const, value: { overdue: [], today: [] } },
    mail: { ok: true as const, value: { count: 0, more: false, top: [] } },
  };
  const noticeEvent = {
    eventId: 'ev1',
    title: 'Sync',
    start: new Date(),
    end: new Date(),
    location: null,
    joinUrl: 'https://meet.google.com/abc-defg-hij',
    htmlLink: null,
  };
  const built: unknown[] = [
    helpMessage(SUBCOMMANDS),
    connectMessage({ url: 'https://x.test/auth/oauth/google?link=t', expiresAt: new Date() }),
    connectedMessage('a@example.com'),
    disconnectedMessage({ email: 'a@example.com', hadAccess: true, revokedAtGoogle: true, forgotten: true }),
    statusMessage({
      email: 'a@example.com',
      granted: [],
      missing: [],
      assistantReady: true,
      mapsReady: false,
    }),
    agendaMessage(agenda),
    welcomeMessage(true),
    homeView({ kind: 'connected', email: 'a@example.com', agenda }),
    homeView({ kind: 'not-connected', connectUrl: 'https://x.test/l' }),
    choicesMessage({
      prompt: 'Pick a time',
      options: [0, 1, 2].map((i) => ({ actionId: `a${i}`, label: `slot ${i}` })),
      expiresAt: new Date(),
    }),
    confirmCard({ actionId: 'a1', preview: { title: 'Send', fields: [], body: 'b' }, expiresAt: new Date() }),
    requestModal('a1', { title: 'Send', fields: [], body: 'x'.repeat(600_000) }, 1),
    reminderMessage({ kind: 'reminder', timeZone: 'UTC', event: noticeEvent, minutesToGo: 5, rsvp: null }),
    leaveNowMessage({
      kind: 'leave-now',
      timeZone: 'UTC',
      event: noticeEvent,
      minutesToGo: 5,
      rsvp: null,
      travelMode: 'driving',
      travelSeconds: 900,
      routeUrl: 'https://www.google.com/maps/dir/?api=1&destination=x',
    }),
    invitationMessage({
      kind: 'invitation',
      timeZone: 'UTC',
      event: {
        eventId: 'e1',
        title: 'Sync',
        start: new Date(),
        end: new Date(),
        location: null,
        joinUrl: null,
        htmlLink: null,
      },
      allDay: false,
      organizer: 'Grace',
      rsvp: { owner: 'U1', version: null },
      clashes: [],
      answer: null,
    }),
  ];
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v))
        if (k === 'action_id' && typeof x === 'string') ids.add(x);
        else walk(x);
    }
  };
  walk(built);
  // Builders not sampled above (e.g. the agent's confirm cards) are found in the source instead.
  const blocksDir = join(ROOT, 'src', 'slack', 'blocks');
  for (const name of readdirSync(blocksDir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue;
    const src = readFileSync(join(blocksDir, name), 'utf8');
    for (const m of src.matchAll(/action_id:\s*ACTIONS\.(\w+)/g))
      ids.add(ACTIONS[m[1] as keyof typeof ACTIONS]);
  }
  return [...ids];
}

/** Web API methods called anywhere in the Slack layer or the agent, found in the source. */
function webApiMethodsUsed(): string[] {
  const files: string[] = [];
  const collect = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) collect(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  collect(join(ROOT, 'src', 'slack'));
  collect(join(ROOT, 'src', 'agent'));
  const found = new Set<string>();
  const re =
    /\bclient\.(chat|views|users|conversations|assistant\.threads|auth|reactions|files|apps)\.([a-zA-Z]+)\s*\(/g;
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(re)) found.add(`${m[1]}.${m[2]}`);
  return [...found].sort();
}

/** The bot scope(s) each Web API method needs ('' = none). Unknown methods fail the test: add them here. */
const METHOD_SCOPE: Record<string, string | string[]> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'chat.startStream': 'chat:write',
  'chat.appendStream': 'chat:write',
  'chat.stopStream': 'chat:write',
  'chat.getPermalink': '',
  'assistant.threads.setStatus': 'chat:write',
  'assistant.threads.setSuggestedPrompts': 'assistant:write',
  'assistant.threads.setTitle': 'assistant:write',
  'views.publish': '',
  'views.open': '',
  'views.update': '',
  'users.info': 'users:read',
  'users.list': 'users:read',
  // Teammates' e-mail: the invitation address of someone who has not linked Lume.
  'users.lookupByEmail': 'users:read.email',
  // The channel a person has open (agent view): public channels, and private ones Lume is in.
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.members': ['channels:read', 'groups:read'],
  // Lume reads only its own DMs (the messages tab, DM threads).
  'conversations.history': 'im:history',
  'conversations.replies': 'im:history',
  'auth.test': '',
};
const EVENT_SCOPE: Record<string, string> = {
  'message.im': 'im:history',
  app_mention: 'app_mentions:read',
  app_home_opened: '',
  app_uninstalled: '',
  tokens_revoked: '',
  app_context_changed: '',
};

describe('manifest.yml', () => {
  const code = registered();

  it("declares exactly the slash commands the code registers, each with a usage hint and Lume's request URL", () => {
    const declared = manifest.features.slash_commands as {
      command: string;
      usage_hint?: string;
      url: string;
    }[];
    assert.deepEqual(declared.map((c) => c.command).sort(), [...code.commands].sort());
    for (const c of declared) {
      assert.ok(c.usage_hint && c.usage_hint.length <= 1000, `${c.command} usage_hint`);
      assert.equal(new URL(c.url).pathname, SLACK_EVENTS_PATH);
    }
    assert.match(declared[0].usage_hint as string, /today.*connect.*status.*disconnect.*help/);
  });

  it("/lume's usage hint names exactly the subcommands the code routes, in help's order", () => {
    const [lume] = manifest.features.slash_commands as { usage_hint: string }[];
    assert.equal(lume.usage_hint, usageHint(SUBCOMMANDS));
  });

  it('subscribes to exactly the bot events the code listens to', () => {
    // Lume's `message` listener handles DMs only, so the subscription is message.im.
    const expected = code.events.map((e) => (e === 'message' ? 'message.im' : e)).sort();
    assert.deepEqual([...manifest.settings.event_subscriptions.bot_events].sort(), expected);
    assert.equal(new URL(manifest.settings.event_subscriptions.request_url).pathname, SLACK_EVENTS_PATH);
    assert.deepEqual(code.other, [], 'no listeners of kinds the manifest does not declare');
  });

  it('every button Lume builds has a listener, and every action listener has a button', () => {
    const built = actionIdsInBuiltBlocks();
    const handles = (id: string) => code.actions.some((a) => (a instanceof RegExp ? a.test(id) : a === id));
    for (const id of built) assert.ok(handles(id), `no action listener for ${id}`);
    for (const a of code.actions)
      assert.ok(
        built.some((id) => (a instanceof RegExp ? a.test(id) : a === id)),
        `listener ${a} matches no button`,
      );
    assert.equal(manifest.settings.interactivity.is_enabled, code.actions.length > 0);
    assert.equal(new URL(manifest.settings.interactivity.request_url).pathname, SLACK_EVENTS_PATH);
  });

  it('declares exactly the message shortcuts the code registers, with their names and descriptions', () => {
    const declared = manifest.features.shortcuts as {
      name: string;
      type: string;
      callback_id: string;
      description: string;
    }[];
    assert.deepEqual(
      declared.map((d) => d.callback_id),
      code.shortcuts.map((c) => c.callback_id),
      'manifest ↔ listeners, in order',
    );
    for (const c of code.shortcuts)
      assert.equal(c.type, 'message_action', `${c.callback_id} listens to message shortcuts`);
    assert.deepEqual(
      declared,
      MESSAGE_SHORTCUTS.map((d) => ({
        name: d.name,
        type: 'message',
        callback_id: d.callbackId,
        description: d.description,
      })),
    );
    for (const d of declared) {
      assert.ok(d.name.length <= 24, `${d.name}: Slack allows 24 characters`);
      assert.ok(d.description.length <= 80, `${d.name}: description within 80 characters`);
    }
  });

  it('has a bot user, Home and Messages tabs, and the agent view with ≤ 4 prompts matching the code', () => {
    assert.ok(manifest.features.bot_user.display_name);
    assert.equal(manifest.features.app_home.home_tab_enabled, true);
    assert.equal(manifest.features.app_home.messages_tab_enabled, true);
    assert.equal(manifest.features.app_home.messages_tab_read_only_enabled, false);
    const agent = manifest.features.agent_view;
    assert.ok(agent.agent_description.length > 0 && agent.agent_description.length <= 300);
    assert.ok(agent.suggested_prompts.length <= 4);
    assert.deepEqual(agent.suggested_prompts, SUGGESTED_PROMPTS);
    assert.ok(manifest.display_information.description.length <= 140);
    assert.ok(manifest.display_information.long_description.length >= 174);
    assert.ok(manifest.display_information.name.length <= 35);
  });

  it('asks for exactly the bot scopes the code needs (no more)', () => {
    const methods = webApiMethodsUsed();
    for (const m of methods) assert.ok(m in METHOD_SCOPE, `add ${m} to METHOD_SCOPE with the scope it needs`);
    const needed = new Set<string>(['commands', 'assistant:write']);
    for (const m of methods) for (const scope of [METHOD_SCOPE[m]].flat()) if (scope) needed.add(scope);
    for (const e of manifest.settings.event_subscriptions.bot_events as string[])
      if (EVENT_SCOPE[e]) needed.add(EVENT_SCOPE[e]);
    assert.deepEqual([...manifest.oauth_config.scopes.bot].sort(), [...needed].sort());
    assert.equal(manifest.oauth_config.scopes.user, undefined, 'Lume holds no user tokens');
  });

  it('is installable as HTTP: request URLs on https, Socket Mode off, no token rotation', () => {
    assert.equal(manifest.settings.socket_mode_enabled, false);
    assert.equal(manifest.settings.token_rotation_enabled, false);
    for (const url of [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ])
      assert.equal(new URL(url).protocol, 'https:');
  });
});
