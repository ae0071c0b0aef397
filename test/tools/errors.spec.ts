import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { describeToolError, previewTool, runTool } from '../../src/tools';
import { readEmail } from '../../src/tools/read-email';
import { replyToEmail } from '../../src/tools/reply-to-email';
import { sendEmail } from '../../src/tools/send-email';
import { startToolHarness, type ToolHarness } from './harness';

describe('tool errors as data', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  it('turns Google\'s missing-scope 403 into "Lume needs access to X — run /lume connect"', async () => {
    const result = await runTool(
      sendEmail,
      { to: ['a@example.com'], subject: 's', body: 'b' },
      h.ctx({ scopes: [SCOPES.gmailReadonly] }),
    );
    assert.deepEqual(result, {
      ok: false,
      error: 'Lume needs access to Gmail (send) — run `/lume connect` to grant it.',
    });
  });

  it('explains not-found ids, bad arguments and Google outages without stacks', async () => {
    const missing = await runTool(readEmail, { messageId: 'nope' }, h.ctx());
    assert.deepEqual(missing, {
      ok: false,
      error:
        'Not found: the id may be wrong or the item was deleted. Look it up again rather than guessing an id.',
    });
    const bad = await runTool(sendEmail, { to: 'priya', body: '' }, h.ctx());
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : '', /^Invalid arguments: to: .*subject: .*body: /);
    // googleapis retries GETs on 5xx and 429 by itself; a send (POST) is never retried, so it shows the mapping.
    const send = { to: ['a@example.com'], subject: 's', body: 'b' };
    h.fake.state.failures.push({ match: /\/messages\/send$/, status: 503, times: 1 });
    const outage = await runTool(sendEmail, send, h.ctx());
    assert.deepEqual(outage, { ok: false, error: 'Google had a temporary problem; try again shortly.' });
    h.fake.state.failures.push({ match: /\/messages\/send$/, status: 429, times: 1 });
    const limited = await sendEmail.handler(send, h.ctx()).catch((e: unknown) => e);
    assert.equal(
      describeToolError(limited, sendEmail),
      'Google is rate-limiting requests right now; try again in a minute.',
    );
  });

  it('previewTool validates and builds the card, or reports why it cannot', async () => {
    const ok = await previewTool(sendEmail, { to: ['a@example.com'], subject: 'Hi', body: 'Hello' }, h.ctx());
    assert.equal(ok.ok && ok.preview.title, 'Send email');
    const failed = await previewTool(replyToEmail, { messageId: 'missing', body: 'x' }, h.ctx());
    assert.equal(failed.ok, false);
    assert.equal(h.fake.state.requestsTo('/gmail/v1/users/me/messages/send').length, 0);
  });
});
