import assert from 'node:assert/strict';
import { type Import, readImports } from './import-graph';

/** Only the Slack layer and the composition root may know Slack. */
const MAY_KNOW_SLACK = (file: string) =>
  file.startsWith('src/slack/') || file === 'src/index.ts' || file === 'src/server.ts';

const isSlack = (i: Import) => i.specifier.startsWith('@slack/') || !!i.to?.startsWith('src/slack/');

/** Imports of Slack (src/slack/** or an @slack/* package) from anywhere it is not allowed. */
function slackLeaks(imports: Import[]): string[] {
  return imports
    .filter((i) => !MAY_KNOW_SLACK(i.from) && isSlack(i))
    .map((i) => `${i.from} → ${i.specifier}`);
}

describe('architecture: only src/slack (and src/index.ts, src/server.ts) knows Slack', () => {
  const imports = readImports(['src', 'models', 'scripts']);

  it('flags an import of src/slack or of an @slack package outside them (the checker itself)', () => {
    assert.deepEqual(
      slackLeaks([
        { from: 'src/agent/turn.ts', specifier: '../slack/blocks/text', to: 'src/slack/blocks/text.ts' },
        { from: 'src/jobs/x.ts', specifier: '@slack/web-api' },
        { from: 'src/slack/app.ts', specifier: '@slack/bolt' },
        { from: 'src/server.ts', specifier: './slack/app', to: 'src/slack/app.ts' },
        { from: 'src/agent/turn.ts', specifier: '@google/genai' },
      ]),
      ['src/agent/turn.ts → ../slack/blocks/text', 'src/jobs/x.ts → @slack/web-api'],
    );
  });

  it('the agent, tools, jobs, auth, google, http, agenda, models and scripts import no Slack', () => {
    assert.ok(
      imports.some((i) => i.from === 'src/server.ts' && i.to === 'src/slack/app.ts'),
      'the walker sees the composition root importing the Slack app',
    );
    assert.deepEqual(slackLeaks(imports), []);
  });
});
