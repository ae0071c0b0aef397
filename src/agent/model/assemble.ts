import type { FunctionCall, GenerateContentResponse, Part } from '@google/genai';
import type { ModelReply } from './types';

const isPlainText = (p: Part) =>
  typeof p.text === 'string' && !p.functionCall && !p.functionResponse && !p.inlineData && !p.fileData;

/**
 * Rebuilds one model turn from streamed chunks. Text deltas are joined into one part (the shape a
 * non-streamed reply has); a part carrying a thought signature closes its run, and function-call
 * parts are kept exactly as received, because Gemini validates their signatures on the next step.
 */
export class ReplyAssembler {
  private readonly parts: Part[] = [];
  private finishReason?: string;
  private blockReason?: string;

  /** Adds a chunk; returns the visible text it contained. */
  add(chunk: GenerateContentResponse): string {
    if (chunk.promptFeedback?.blockReason) this.blockReason = String(chunk.promptFeedback.blockReason);
    const candidate = chunk.candidates?.[0];
    if (candidate?.finishReason) this.finishReason = String(candidate.finishReason);
    let visible = '';
    for (const part of candidate?.content?.parts ?? []) {
      const last = this.parts.at(-1);
      if (
        last &&
        isPlainText(part) &&
        isPlainText(last) &&
        !last.thoughtSignature &&
        !!last.thought === !!part.thought
      ) {
        this.parts[this.parts.length - 1] = { ...last, ...part, text: `${last.text}${part.text}` };
      } else {
        this.parts.push({ ...part });
      }
      if (isPlainText(part) && !part.thought) visible += part.text;
    }
    return visible;
  }

  reply(): ModelReply {
    const calls: FunctionCall[] = this.parts.flatMap((p) => (p.functionCall ? [p.functionCall] : []));
    const text = this.parts
      .filter((p) => isPlainText(p) && !p.thought)
      .map((p) => p.text)
      .join('');
    return {
      content: { role: 'model', parts: this.parts },
      text,
      calls,
      finishReason: this.finishReason,
      blockReason: this.blockReason,
    };
  }
}
