import type { Content, FunctionDeclaration } from '@google/genai';
import type { ModelClient } from './model/types';
import type { ToolRunner } from './runner/tool-runner';

export interface LoopInput {
  model: ModelClient;
  system: string;
  history: Content[];
  userText: string;
  /** Data that came with the question (a quoted message), already fenced off as untrusted. */
  userData?: string;
  declarations: FunctionDeclaration[];
  tools: ToolRunner;
  maxSteps: number;
  signal: AbortSignal;
  /** Streaming delivery: visible text as it arrives. Without it each step is one unary call. */
  onText?: (delta: string) => void | Promise<void>;
}

export interface LoopResult {
  /** Every visible text of the turn, in order (a preamble before tool calls, then the answer). */
  text: string;
  /** What to append to memory: the user's message, model turns and function responses. */
  contents: Content[];
  steps: number;
}

/**
 * The manual function-calling loop: ask the model, run the calls it makes (in parallel), send the
 * results back, until it answers in words. The last allowed step — or a spent tool budget — is sent
 * with tools disabled, so every turn ends with an answer rather than a dangling call.
 */
export async function runLoop(input: LoopInput): Promise<LoopResult> {
  const userContent: Content = {
    role: 'user',
    parts: [{ text: input.userText }, ...(input.userData ? [{ text: input.userData }] : [])],
  };
  const contents: Content[] = [...input.history, userContent];
  const added: Content[] = [userContent];
  const texts: string[] = [];
  let streamed = false;
  for (let step = 1; step <= input.maxSteps; step++) {
    let first = true;
    // Text of a later step starts a new paragraph after what was already shown.
    const onText = input.onText
      ? async (delta: string) => {
          const text = first && streamed ? `\n\n${delta}` : delta;
          first = false;
          streamed = true;
          await input.onText?.(text);
        }
      : undefined;
    const toolsAllowed = step < input.maxSteps && !input.tools.exhausted && input.declarations.length > 0;
    const reply = await input.model.generate(
      { system: input.system, contents, declarations: input.declarations, toolsAllowed },
      { signal: input.signal, onText },
    );
    if (reply.text.trim()) texts.push(reply.text.trim());
    const done = reply.calls.length === 0 || !toolsAllowed;
    // A call we will not answer, or an empty turn (blocked), would make the stored history invalid.
    const parts = done
      ? (reply.content.parts ?? []).filter((p) => !p.functionCall)
      : (reply.content.parts ?? []);
    if (parts.length) {
      const content: Content = { ...reply.content, parts };
      contents.push(content);
      added.push(content);
    }
    if (done) return { text: texts.join('\n\n'), contents: added, steps: step };
    const responses: Content = { role: 'user', parts: await input.tools.runAll(reply.calls) };
    contents.push(responses);
    added.push(responses);
  }
  return { text: texts.join('\n\n'), contents: added, steps: input.maxSteps };
}
