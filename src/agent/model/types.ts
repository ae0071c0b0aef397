import type { Content, FunctionCall, FunctionDeclaration } from '@google/genai';

export interface ModelRequest {
  system: string;
  contents: Content[];
  declarations: FunctionDeclaration[];
  /** False on the last step (or past the tool-call cap): the model must answer in words now. */
  toolsAllowed: boolean;
}

export interface ModelReply {
  /** The model's turn exactly as received (thought signatures included), to be sent back next step. */
  content: Content;
  /** Visible text (thought summaries excluded). */
  text: string;
  calls: FunctionCall[];
  finishReason?: string;
  /** Set when Gemini refused the prompt itself (promptFeedback.blockReason). */
  blockReason?: string;
}

export interface GenerateOptions {
  signal: AbortSignal;
  /** When given, the reply is streamed and each visible text delta is passed here as it arrives. */
  onText?: (delta: string) => void | Promise<void>;
}

/** What the agent loop needs from a model; Gemini is the one implementation, fakes replace it only at HTTP. */
export interface ModelClient {
  generate(req: ModelRequest, opts: GenerateOptions): Promise<ModelReply>;
}
