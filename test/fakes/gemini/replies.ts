import { randomBytes } from 'node:crypto';

/** What one scripted model step answers. */
export type ScriptedReply =
  | { kind: 'text'; text: string /** SSE chunks the text is cut into when streamed. */; chunks?: number }
  | { kind: 'calls'; calls: { name: string; args: Record<string, unknown> }[]; text?: string }
  | { kind: 'error'; status: number; message?: string; retryDelay?: string }
  | { kind: 'blocked'; reason: string };

/** Request as the fake received it; specs inspect declarations, system prompt and function responses. */
export interface RecordedGeminiRequest {
  model: string;
  method: 'generateContent' | 'streamGenerateContent';
  apiKey?: string;
  // biome-ignore lint/suspicious/noExplicitAny: raw JSON body as Gemini receives it
  body: any;
}

/** A reply, or a function that decides it from the request (e.g. echoes a tool result). */
export type ReplyStep = ScriptedReply | ((req: RecordedGeminiRequest) => ScriptedReply);

export const text = (value: string, chunks?: number): ScriptedReply => ({
  kind: 'text',
  text: value,
  chunks,
});
export const call = (name: string, args: Record<string, unknown> = {}): ScriptedReply => ({
  kind: 'calls',
  calls: [{ name, args }],
});
export const calls = (...list: { name: string; args?: Record<string, unknown> }[]): ScriptedReply => ({
  kind: 'calls',
  calls: list.map((c) => ({ name: c.name, args: c.args ?? {} })),
});
export const fail = (status: number, message?: string, retryDelay?: string): ScriptedReply => ({
  kind: 'error',
  status,
  message,
  retryDelay,
});

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Google's error envelope; a 429 carries google.rpc.RetryInfo like the real API. */
export function errorBody(reply: Extract<ScriptedReply, { kind: 'error' }>): object {
  const details = reply.retryDelay
    ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: reply.retryDelay }]
    : undefined;
  return {
    error: {
      code: reply.status,
      message: reply.message ?? `Fake Gemini error ${reply.status}`,
      status: STATUS[reply.status] ?? 'UNKNOWN',
      ...(details ? { details } : {}),
    },
  };
}

const usage = { promptTokenCount: 12, candidatesTokenCount: 8, totalTokenCount: 20 };

/** A GenerateContentResponse as the real API sends it (one per SSE event when streaming). */
function response(model: string, parts: object[], finish?: string): object {
  return {
    candidates: [
      { content: { role: 'model', parts }, index: 0, ...(finish ? { finishReason: finish } : {}) },
    ],
    usageMetadata: usage,
    modelVersion: model,
    responseId: randomBytes(8).toString('hex'),
  };
}

/** The response bodies for one reply: one for generateContent, several for streamGenerateContent. */
export function responseBodies(reply: ScriptedReply, model: string, streamed: boolean): object[] {
  if (reply.kind === 'blocked') {
    return [{ promptFeedback: { blockReason: reply.reason }, usageMetadata: usage, modelVersion: model }];
  }
  if (reply.kind === 'calls') {
    // Thinking models sign the first function-call part; clients must send it back untouched.
    const parts = reply.calls.map((c, i) => ({
      functionCall: { name: c.name, args: c.args },
      ...(i === 0 ? { thoughtSignature: `sig-${randomBytes(6).toString('hex')}` } : {}),
    }));
    return [response(model, reply.text ? [{ text: reply.text }, ...parts] : parts, 'STOP')];
  }
  if (reply.kind !== 'text') throw new Error('error replies have no body');
  const n = streamed ? Math.max(1, reply.chunks ?? 3) : 1;
  const size = Math.ceil(reply.text.length / n) || 1;
  const pieces: string[] = [];
  for (let i = 0; i < reply.text.length || pieces.length === 0; i += size)
    pieces.push(reply.text.slice(i, i + size));
  return pieces.map((piece, i) =>
    response(model, [{ text: piece }], i === pieces.length - 1 ? 'STOP' : undefined),
  );
}
