import type { Readable } from 'node:stream';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { readCappedJson } from '../../google/capped-json';
import type { ToolContext } from '../types';
import { callOptions } from './call-options';
import { keptBase64Chars } from './mail-read';

/**
 * Gmail's format=full answers carry each body inline as one base64 string, 20 MB for a 15 MB mail.
 * These reads stream the answer and keep only what `maxChars` characters of text can need of each
 * string, so neither parsing nor decoding the answer holds the event loop.
 */
async function streamed<T>(answer: Promise<{ data: unknown }>, maxChars: number): Promise<T> {
  const { data } = await answer;
  return (await readCappedJson<T>(data as Readable, keptBase64Chars(maxChars))).value;
}

const asStream = (ctx: ToolContext) => ({ ...callOptions(ctx), responseType: 'stream' as const });

export const getFullMessage = (ctx: ToolContext, id: string, maxChars: number) =>
  streamed<gmail_v1.Schema$Message>(
    ctx.google.gmail().users.messages.get({ userId: 'me', id, format: 'full' }, asStream(ctx)),
    maxChars,
  );

export const getFullThread = (ctx: ToolContext, id: string, maxCharsPerMessage: number) =>
  streamed<gmail_v1.Schema$Thread>(
    ctx.google.gmail().users.threads.get({ userId: 'me', id, format: 'full' }, asStream(ctx)),
    maxCharsPerMessage,
  );
