import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  errorBody,
  type RecordedGeminiRequest,
  type ReplyStep,
  responseBodies,
  type ScriptedReply,
} from './replies';

export * from './replies';

export const FAKE_GEMINI_KEY = 'fake-gemini-key';

export interface FakeGemini {
  url: string;
  /** Replies served in order, one per request; an empty script answers 500 so a spec sees the gap. */
  script: ReplyStep[];
  requests: RecordedGeminiRequest[];
  /** Wait before answering each request (benchmarks, timeouts). */
  delayMs: number;
  push(...steps: ReplyStep[]): void;
  close(): Promise<void>;
}

/**
 * A local server speaking Gemini's REST wire format: POST /v1beta/models/{model}:generateContent and
 * :streamGenerateContent?alt=sse (data: <json> events), API key in x-goog-api-key, Google's error
 * envelope. Driven through the real @google/genai client via httpOptions.baseUrl.
 */
export async function startFakeGemini(): Promise<FakeGemini> {
  const fake: FakeGemini = {
    url: '',
    script: [],
    requests: [],
    delayMs: 0,
    push: (...steps) => fake.script.push(...steps),
    close: async () => undefined,
  };
  const app = express();
  app.use(express.json({ limit: '20mb' }));
  app.post(/^\/(v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/, (req, res) => {
    const params = req.params as unknown as Record<string, string>;
    const method = params[2] as RecordedGeminiRequest['method'];
    const model = params[1];
    const apiKey = req.header('x-goog-api-key') ?? undefined;
    const recorded: RecordedGeminiRequest = { model, method, apiKey, body: req.body };
    fake.requests.push(recorded);
    const answer = () => {
      if (apiKey !== FAKE_GEMINI_KEY) {
        return res.status(400).json(
          errorBody({
            kind: 'error',
            status: 400,
            message: 'API key not valid. Please pass a valid API key.',
          }),
        );
      }
      const step = fake.script.shift();
      const reply: ScriptedReply = !step
        ? { kind: 'error', status: 500, message: 'fake Gemini: no scripted reply left' }
        : typeof step === 'function'
          ? step(recorded)
          : step;
      if (reply.kind === 'error') return res.status(reply.status).json(errorBody(reply));
      const streamed = method === 'streamGenerateContent';
      const bodies = responseBodies(reply, model, streamed);
      if (!streamed) return res.json(bodies[0]);
      if (req.query.alt !== 'sse') return res.json(bodies); // without alt=sse the API streams a JSON array
      res.status(200).set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      for (const body of bodies) res.write(`data: ${JSON.stringify(body)}\r\n\r\n`);
      res.end();
    };
    if (fake.delayMs > 0) setTimeout(answer, fake.delayMs);
    else answer();
  });
  app.use((req, res) => {
    res
      .status(404)
      .json(errorBody({ kind: 'error', status: 404, message: `no route ${req.method} ${req.path}` }));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
export * from './inspect';
