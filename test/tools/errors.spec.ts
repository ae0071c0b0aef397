import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { describeToolError } from '../../src/tools';
import { readEmail } from '../../src/tools/read-email';
import { replyToEmail } from '../../src/tools/reply-to-email';
import { sendEmail } from '../../src/tools/send-email';
import type { Tool, ToolContext } from '../../src/tools/types';
import { startToolHarness, type ToolHarness } from './harness';

/** What the model is told when a call fails: the argument check, then the handler, mapped to a sentence. */
async function failureOf(tool: Tool, args: unknown, ctx: ToolContext): Promise<string | undefined> {
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) return describeToolError(parsed.error, tool);
  return tool.handler(parsed.data, ctx).then(
    () => undefined,
    (err: unknown) => describeToolError(err, tool),
  );
}

describe('tool errors as data', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  it('turns Google\'s missing-scope 403 into "Lume needs access to X — run /lume connect"', async () => {
    const error = await failureOf(
      sendEmail,
      { to: ['a@example.com'], subject: 's', body: 'b' },
      h.ctx({ scopes: [SCOPES.gmailReadonly] }),
    );
    assert.equal(error, 'Lume needs access to Gmail (send) — run `/lume connect` to grant it.');
  });

  it('explains not-found ids, bad arguments and Google outages without stacks', async () => {
    assert.equal(
      await failureOf(readEmail, { messageId: 'nope' }, h.ctx()),
      'Not found: the id may be wrong or the item was deleted. Look it up again rather than guessing an id.',
    );
    assert.match(
      (await failureOf(sendEmail, { to: 'priya', body: '' }, h.ctx())) ?? '',
      /^Invalid arguments: to: .*subject: .*body: /,
    );
    // googleapis retries GETs on 5xx and 429 by itself; a send (POST) is never retried, so it shows the mapping.
    const send = { to: ['a@example.com'], subject: 's', body: 'b' };
    h.fake.state.failures.push({ match: /\/messages\/send$/, status: 503, times: 1 });
    assert.equal(
      await failureOf(sendEmail, send, h.ctx()),
      'Google had a temporary problem; try again shortly.',
    );
    h.fake.state.failures.push({ match: /\/messages\/send$/, status: 429, times: 1 });
    const limited = await sendEmail.handler(send, h.ctx()).catch((e: unknown) => e);
    assert.equal(
      describeToolError(limited, sendEmail),
      'Google is rate-limiting requests right now; try again in a minute.',
    );
  });

  it('a preview builds the card without sending, or fails when what it describes is gone', async () => {
    const card = await sendEmail.preview({ to: ['a@example.com'], subject: 'Hi', body: 'Hello' }, h.ctx());
    assert.equal(card.title, 'Send email');
    const gone = await Promise.resolve()
      .then(() =>
        replyToEmail.preview(replyToEmail.input.parse({ messageId: 'missing', body: 'x' }), h.ctx()),
      )
      .then(
        () => undefined,
        (err: unknown) => describeToolError(err, replyToEmail),
      );
    assert.match(gone ?? '', /^Not found/);
    assert.equal(h.fake.state.requestsTo('/gmail/v1/users/me/messages/send').length, 0);
  });
});
