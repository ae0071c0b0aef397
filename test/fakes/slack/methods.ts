import { blocksError } from './blocks';
import { applyStream, chunksError } from './chunks';
import { DIRECTORY_METHODS } from './directory';
import type { FakeMessage, FakeSlackState } from './state';
import { modalError, viewsOpen } from './views';

type Args = Record<string, unknown>;
export type MethodResult = Record<string, unknown> & { ok: boolean };
type Method = (state: FakeSlackState, args: Args) => MethodResult;

const fail = (error: string, extra: Args = {}): MethodResult => ({ ok: false, error, ...extra });
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Posting to a user ID lands in the app's DM with that user, as on Slack. */
export const dmChannelOf = (userId: string) => `D${userId.slice(1)}`;
const resolveChannel = (c: string) => (c.startsWith('U') || c.startsWith('W') ? dmChannelOf(c) : c);

function postable(args: Args): MethodResult | undefined {
  if (!str(args.channel)) return fail('channel_not_found');
  if (!str(args.text) && !args.blocks && !args.attachments) return fail('no_text');
  const err = blocksError(args.blocks, 50);
  return err ? fail('invalid_blocks', { errors: [err] }) : undefined;
}

function postMessage(state: FakeSlackState, args: Args): MethodResult {
  const bad = postable(args);
  if (bad) return bad;
  const message: FakeMessage = {
    channel: resolveChannel(String(args.channel)),
    ts: state.nextTs(),
    text: str(args.text),
    blocks: args.blocks as unknown[] | undefined,
    thread_ts: str(args.thread_ts),
    user: state.botUserId,
    bot_id: state.botId,
  };
  state.messages.push(message);
  return { ok: true, channel: message.channel, ts: message.ts, message: { type: 'message', ...message } };
}

export const METHODS: Record<string, Method> = {
  'auth.test': (s) => ({
    ok: true,
    url: 'https://lume-test.slack.com/',
    team: 'Lume Test',
    user: 'lume',
    team_id: s.teamId,
    user_id: s.botUserId,
    bot_id: s.botId,
    is_enterprise_install: false,
  }),
  ...DIRECTORY_METHODS,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': (s, a) => {
    const bad = postable(a);
    if (bad) return bad;
    if (!str(a.user)) return fail('user_not_in_channel');
    const ts = s.nextTs();
    s.messages.push({
      channel: String(a.channel),
      ts,
      text: str(a.text),
      blocks: a.blocks as unknown[] | undefined,
      thread_ts: str(a.thread_ts),
      ephemeralTo: String(a.user),
    });
    return { ok: true, message_ts: ts };
  },
  'chat.update': (s, a) => {
    const m = s.messages.find((x) => x.channel === a.channel && x.ts === a.ts);
    if (!m) return fail('message_not_found');
    const err = blocksError(a.blocks, 50);
    if (err) return fail('invalid_blocks', { errors: [err] });
    if (a.text !== undefined) m.text = str(a.text);
    if (a.blocks !== undefined) m.blocks = a.blocks as unknown[];
    return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
  },
  'chat.delete': (s, a) => {
    const i = s.messages.findIndex((x) => x.channel === a.channel && x.ts === a.ts);
    if (i < 0) return fail('message_not_found');
    s.messages.splice(i, 1);
    return { ok: true, channel: a.channel, ts: a.ts };
  },
  'chat.getPermalink': (_s, a) => ({
    ok: true,
    channel: a.channel,
    permalink: `https://lume-test.slack.com/archives/${a.channel}/p${String(a.message_ts).replace('.', '')}`,
  }),
  'conversations.open': (_s, a) => {
    const users = String(a.users ?? '')
      .split(',')
      .filter(Boolean);
    return users.length === 1
      ? { ok: true, channel: { id: dmChannelOf(users[0]) } }
      : fail('not_implemented');
  },
  'conversations.history': (s, a) => {
    const messages = s.messages
      .filter((m) => m.channel === a.channel && !m.ephemeralTo && (!m.thread_ts || m.thread_ts === m.ts))
      .reverse()
      .slice(0, Number(a.limit ?? 100));
    return { ok: true, messages, has_more: false };
  },
  'conversations.replies': (s, a) => ({
    ok: true,
    messages: s.messages.filter(
      (m) => m.channel === a.channel && !m.ephemeralTo && (m.ts === a.ts || m.thread_ts === a.ts),
    ),
    has_more: false,
  }),
  'views.publish': (s, a) => {
    const view = a.view as { type?: string; blocks?: unknown[] } | undefined;
    if (!str(a.user_id) || !view) return fail('invalid_arguments');
    if (view.type !== 'home') return fail('invalid_arguments', { errors: ['view type must be home'] });
    const err = blocksError(view.blocks, 100);
    if (err) return fail('invalid_arguments', { errors: [err] });
    s.homeViews.set(String(a.user_id), { type: view.type, blocks: view.blocks ?? [] });
    return { ok: true, view: { id: `V${s.nextTs().replace('.', '')}`, hash: s.nextTs(), ...view } };
  },
  'views.open': viewsOpen,
  // A modal opened before is replaced in place (paging through a long request): same limits as views.open.
  'views.update': (s, a) => {
    const view = s.openedViews.find((v) => v.id === a.view_id);
    if (!view) return fail('not_found');
    const err = modalError(a.view);
    if (err) return fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${err}`] } });
    Object.assign(view, a.view as Record<string, unknown>, { hash: s.nextTs() });
    s.emit('change');
    return { ok: true, view };
  },
  'apps.connections.open': (s) => ({
    ok: true,
    url: `${s.baseUrl.replace(/^http/, 'ws')}/socket?ticket=${s.nextTs()}`,
  }),
  'assistant.threads.setStatus': () => ({ ok: true }),
  'assistant.threads.setSuggestedPrompts': () => ({ ok: true }),
  'assistant.threads.setTitle': () => ({ ok: true }),
  // Streaming: startStream posts a message, appendStream adds text and chunks, stopStream finishes it.
  'chat.startStream': (s, a) => {
    if (!str(a.channel) || !str(a.thread_ts)) return fail('invalid_arguments');
    const bad = chunksError(a.chunks);
    if (bad) return fail('invalid_chunks', { errors: [bad] });
    const m: FakeMessage = {
      channel: resolveChannel(String(a.channel)),
      ts: s.nextTs(),
      text: '',
      thread_ts: str(a.thread_ts),
      user: s.botUserId,
      bot_id: s.botId,
      streaming: true,
      taskDisplayMode: str(a.task_display_mode) ?? 'timeline',
    };
    applyStream(m, a.markdown_text, a.chunks);
    s.messages.push(m);
    return { ok: true, channel: m.channel, ts: m.ts };
  },
  'chat.appendStream': (s, a) => {
    const m = s.messages.find((x) => x.channel === a.channel && x.ts === a.ts);
    if (!m) return fail('message_not_found');
    if (!m.streaming) return fail('message_not_in_streaming_state');
    if (a.markdown_text === undefined && a.chunks === undefined) return fail('invalid_arguments');
    const bad = chunksError(a.chunks);
    if (bad) return fail('invalid_chunks', { errors: [bad] });
    applyStream(m, a.markdown_text, a.chunks);
    return { ok: true, channel: m.channel, ts: m.ts };
  },
  'chat.stopStream': (s, a) => {
    const m = s.messages.find((x) => x.channel === a.channel && x.ts === a.ts);
    if (!m) return fail('message_not_found');
    if (!m.streaming) return fail('message_not_in_streaming_state');
    const bad = chunksError(a.chunks) ?? blocksError(a.blocks, 50);
    if (bad) return fail('invalid_chunks', { errors: [bad] });
    applyStream(m, a.markdown_text, a.chunks);
    if (a.blocks) m.blocks = a.blocks as unknown[];
    m.streaming = false;
    return { ok: true, channel: m.channel, ts: m.ts, message: { type: 'message', ...m } };
  },
};
