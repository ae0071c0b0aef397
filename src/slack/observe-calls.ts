import type { SlackCall } from '../telemetry';

/** Who hears about each request to Slack (ctx.telemetry in the app). */
export type SlackCallRecorder = { slackCall(call: SlackCall): void };

/** Slack's `error` when it is one of its codes; anything else is not worth a label. */
const verdictOf = (body: unknown): string => {
  const b = body as { ok?: unknown; error?: unknown } | null;
  if (!b || typeof b !== 'object' || b.ok !== false) return 'ok';
  return typeof b.error === 'string' ? b.error : 'error';
};

/**
 * The `fetch` every Slack WebClient (and Bolt's respond()) uses, wrapped: @slack/web-api 8 sends
 * each HTTP attempt through its `fetch` option, so this sees every request, each 429 and retry
 * included, without touching a call site. Only the method and Slack's verdict are kept — never
 * the arguments, the text or the token. A Web API answer's `ok`/`error` is read from a copy of the
 * body, off the caller's path.
 */
export function observedSlackFetch(
  recorder: SlackCallRecorder,
  apiUrl: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): typeof fetch {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  const record = (call: SlackCall) => {
    try {
      recorder.slackCall(call);
    } catch {
      // Telemetry never fails a call.
    }
  };
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const isApi = url.startsWith(base);
    const method = isApi ? url.slice(base.length).split(/[?#/]/)[0] : 'response_url';
    let res: Response;
    try {
      res = await fetchImpl(input, init);
    } catch (err) {
      record({ method, status: (err as Error)?.name === 'AbortError' ? 'aborted' : 'network' });
      throw err;
    }
    if (res.status === 429) record({ method, status: 'rate_limited' });
    else if (res.status < 200 || res.status > 299) record({ method, status: `http_${res.status}` });
    else if (!isApi) record({ method, status: 'ok' });
    else
      void res
        .clone()
        .json()
        .then(
          (body: unknown) => record({ method, status: verdictOf(body) }),
          () => record({ method, status: 'ok' }),
        );
    return res;
  };
}
