import type { ConfirmedAction, Recovered, ToolContext } from '../types';
import { callOptions } from './call-options';
import { header } from './mail-read';

/**
 * The Message-ID a confirmed action's mail carries: one per action, the same for the run and for its
 * recovery, named after the host Lume serves (a domain of Lume's own, not the person's, so no mail
 * server mistakes it for one of theirs). An IP or a bare name becomes `lume.invalid`.
 */
export function actionMessageId(actionId: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname.toLowerCase();
  const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(host) ? host : 'lume.invalid';
  return `<lume.${actionId}@${domain}>`;
}

/** Clock skew allowed between Lume and Gmail in the fallback scan, in seconds. */
const SLACK_S = 120;
const SCAN = 50;

/**
 * Did the action's message reach Gmail? First Gmail's own index (`rfc822msgid:`), over every folder
 * (the person may have deleted it since); then, in case Gmail replaced the Message-ID on the way (it
 * keeps the submitted one in X-Google-Original-Message-ID when it does), the headers of what was sent
 * or drafted since the click. Nothing is sent or changed.
 */
export async function findActionMail(
  ctx: ToolContext & { action: ConfirmedAction },
  where: 'sent' | 'drafts',
): Promise<string | undefined> {
  const gmail = ctx.google.gmail();
  const id = ctx.action.messageId;
  const box = where === 'drafts' ? 'in:drafts ' : '';
  const indexed = await gmail.users.messages.list(
    {
      userId: 'me',
      q: `${box}rfc822msgid:${id.replace(/^<|>$/g, '')}`,
      includeSpamTrash: true,
      maxResults: 1,
    },
    callOptions(ctx),
  );
  const hit = indexed.data.messages?.[0]?.id;
  if (hit) return hit;
  const since = Math.floor(ctx.action.notBefore.getTime() / 1000) - SLACK_S;
  const recent = await gmail.users.messages.list(
    { userId: 'me', q: `in:${where} after:${since}`, maxResults: SCAN },
    callOptions(ctx),
  );
  for (const m of recent.data.messages ?? []) {
    const full = await gmail.users.messages.get(
      {
        userId: 'me',
        id: m.id ?? '',
        format: 'metadata',
        metadataHeaders: ['Message-ID', 'X-Google-Original-Message-ID'],
      },
      callOptions(ctx),
    );
    const ids = [header(full.data, 'Message-ID'), header(full.data, 'X-Google-Original-Message-ID')];
    if (ids.some((x) => x?.trim() === id)) return m.id ?? undefined;
  }
  return undefined;
}

/** `recover` for a tool whose run sends (or drafts) one message. */
export const recoverMail =
  (where: 'sent' | 'drafts') =>
  async (_input: unknown, ctx: ToolContext & { action: ConfirmedAction }): Promise<Recovered> => {
    const found = await findActionMail(ctx, where);
    return found
      ? { done: true, result: { [where === 'sent' ? 'sent' : 'drafted']: true, messageId: found } }
      : { done: false };
  };
