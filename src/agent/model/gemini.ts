import {
  type Content,
  FunctionCallingConfigMode,
  type GenerateContentConfig,
  type GenerateContentResponse,
  GoogleGenAI,
} from '@google/genai';
import type { Logger } from '../../log';
import { ReplyAssembler } from './assemble';
import { toModelError } from './errors';
import { DEFAULT_RETRY, type RetryClock, type RetryPolicy, realClock, withRetry } from './retry';
import type { GenerateOptions, ModelClient, ModelReply, ModelRequest } from './types';

export interface GeminiSettings {
  apiKey: string;
  model: string;
  /** GEMINI_BASE_URL: a proxy, or the fake Gemini server in tests. */
  baseUrl?: string;
}

/**
 * Gemini through @google/genai. The SDK's own retry (httpOptions.retryOptions) is left off on purpose:
 * it has no cap on the total wait and cannot tell a stream that already showed text to the user from
 * one that failed to open. Our `withRetry` retries only what is safe to repeat, within a budget.
 */
export function createGeminiModel(
  settings: GeminiSettings,
  log: Logger,
  retry: RetryPolicy = DEFAULT_RETRY,
  clock: RetryClock = realClock,
): ModelClient {
  const ai = new GoogleGenAI({
    apiKey: settings.apiKey,
    httpOptions: settings.baseUrl ? { baseUrl: settings.baseUrl } : undefined,
  });
  const onRetry = ({ attempt, delayMs, err }: { attempt: number; delayMs: number; err: unknown }) =>
    log.warn({ attempt, delayMs, err: (err as Error)?.message }, 'Gemini call failed; retrying');

  const configFor = (req: ModelRequest, signal: AbortSignal): GenerateContentConfig => ({
    systemInstruction: req.system,
    abortSignal: signal,
    // Resuming a half-shown answer is worse than reporting the failure; see the class comment.
    automaticContinuation: false,
    ...(req.declarations.length
      ? {
          tools: [{ functionDeclarations: req.declarations }],
          toolConfig: {
            functionCallingConfig: {
              mode: req.toolsAllowed ? FunctionCallingConfigMode.AUTO : FunctionCallingConfigMode.NONE,
            },
          },
        }
      : {}),
  });

  const params = (req: ModelRequest, signal: AbortSignal) => ({
    model: settings.model,
    contents: req.contents as Content[],
    config: configFor(req, signal),
  });

  async function unary(req: ModelRequest, signal: AbortSignal): Promise<ModelReply> {
    const res = await withRetry(
      () => ai.models.generateContent(params(req, signal)),
      retry,
      clock,
      signal,
      onRetry,
    );
    const assembler = new ReplyAssembler();
    assembler.add(res);
    return assembler.reply();
  }

  async function streamed(req: ModelRequest, opts: GenerateOptions): Promise<ModelReply> {
    // Only opening the stream and its first chunk are retried: after that, text may be on screen.
    const { stream, first } = await withRetry(
      async () => {
        const stream = await ai.models.generateContentStream(params(req, opts.signal));
        return { stream, first: await stream.next() };
      },
      retry,
      clock,
      opts.signal,
      onRetry,
    );
    const assembler = new ReplyAssembler();
    const take = async (chunk: GenerateContentResponse) => {
      const delta = assembler.add(chunk);
      if (delta) await opts.onText?.(delta);
    };
    let next = first;
    while (!next.done) {
      await take(next.value);
      try {
        next = await stream.next();
      } catch (err) {
        throw toModelError(err);
      }
    }
    return assembler.reply();
  }

  return {
    generate: (req, opts) => (opts.onText ? streamed(req, opts) : unary(req, opts.signal)),
  };
}
