import assert from 'node:assert/strict';
import { LinkPolicy } from '../../src/agent/link-policy';
import { ANSWER_MESSAGE_MAX, renderAnswer } from '../../src/slack/agent/render-answer';
import { sanitizeMarkdown } from '../../src/slack/agent/sanitize';
import { blocksError } from '../fakes/slack/blocks';

const MEET = 'https://meet.google.com/abc-defg-hij';
const links = () => {
  const p = new LinkPolicy();
  p.learn({ meetLink: MEET }, ['meetLink']);
  return p;
};
const ANSWER = `**Design review** at 10:00 — [join](${MEET}) · [report](https://evil.example/?d=1) ![x](https://evil.example/p.png)`;

describe('answers posted to Slack: one renderer with the stream', () => {
  it('an answer one markdown block can carry is that block: the sanitised Markdown a stream sends', () => {
    const [message, ...more] = renderAnswer(ANSWER, links());
    assert.equal(more.length, 0);
    assert.deepEqual(message.blocks[0], { type: 'markdown', text: sanitizeMarkdown(ANSWER, links()) });
    assert.doesNotMatch(JSON.stringify(message), /evil\.example/);
    assert.equal(message.blocks[1]?.type, 'context_actions', 'feedback under it');
    assert.match(message.text, new RegExp(`<${MEET}\\|join>`), 'notifications read its mrkdwn form');
    assert.equal(blocksError(message.blocks, 50), undefined);
  });

  it('up to the message limit it is one block; past it, mrkdwn sections over several messages', () => {
    const line = 'All work and no play. ';
    const fits = line.repeat(Math.floor(ANSWER_MESSAGE_MAX / line.length));
    assert.deepEqual(
      renderAnswer(fits, links()).map((m) => m.blocks.map((b) => b.type)),
      [['markdown', 'context_actions']],
    );
    const long = renderAnswer(`${fits}\n\n${fits}`, links());
    assert.ok(long.length >= 2);
    assert.ok(long.every((m) => m.blocks.every((b) => b.type !== 'markdown')));
    for (const m of long) assert.equal(blocksError(m.blocks, 50), undefined);
  });

  it('the fake Slack refuses what Slack refuses: more than 12,000 characters of markdown in one message', () => {
    const half = { type: 'markdown', text: 'x'.repeat(6001) };
    assert.match(String(blocksError([half, half], 50)), /markdown blocks over 12000/);
  });
});
