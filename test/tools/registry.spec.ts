import assert from 'node:assert/strict';
import { z } from 'zod';
import { REQUESTED_SCOPES, SCOPES } from '../../src/google/scopes';
import { allTools, toolByName, toolsFor } from '../../src/tools';

const names = (tools: { name: string }[]) => tools.map((t) => t.name).sort();

/** Walk a JSON schema, yielding every sub-schema with its path. */
function* schemas(node: unknown, path = '$'): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return;
  const s = node as Record<string, unknown>;
  yield [path, s];
  for (const [key, child] of Object.entries((s.properties as Record<string, unknown>) ?? {}))
    yield* schemas(child, `${path}.${key}`);
  if (s.items) yield* schemas(s.items, `${path}[]`);
}

describe('tool registry', () => {
  it('has unique snake_case names Gemini accepts, and a preview for every tool that changes data', () => {
    assert.equal(new Set(allTools.map((t) => t.name)).size, allTools.length);
    for (const tool of allTools) {
      assert.match(tool.name, /^[a-z][a-z0-9_]{2,63}$/, tool.name);
      assert.ok(tool.description.length > 60, `${tool.name} describes when to use it`);
      assert.equal(
        typeof tool.preview === 'function',
        tool.sideEffect,
        `${tool.name}: preview iff it changes data`,
      );
      assert.equal(toolByName(tool.name), tool);
    }
    assert.deepEqual(names(allTools.filter((t) => t.sideEffect)), [
      'complete_task',
      'create_email_draft',
      'create_event',
      'create_task',
      'delete_event',
      'delete_task',
      'forward_email',
      'organize_emails',
      'reply_to_email',
      'respond_to_event',
      'send_email',
      'trash_emails',
      'update_event',
      'update_task',
    ]);
  });

  it('converts every input to a JSON schema Gemini function declarations accept', () => {
    for (const tool of allTools) {
      // As src/agent/runner/declarations.ts converts it for parametersJsonSchema.
      const schema = z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
      assert.equal(schema.type, 'object', tool.name);
      for (const key of Object.keys((schema.properties as object) ?? {}))
        assert.match(key, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
      for (const [path, s] of schemas(schema)) {
        for (const combinator of ['anyOf', 'oneOf', 'allOf', '$ref'])
          assert.ok(!(combinator in s), `${tool.name} ${path} uses ${combinator}`);
        if (path !== '$' && !path.endsWith('[]'))
          assert.ok(
            typeof s.description === 'string' && s.description,
            `${tool.name} ${path} has a description`,
          );
      }
    }
  });

  it('declares only tools whose scopes were granted, and Maps only with a key', () => {
    const all = toolsFor(REQUESTED_SCOPES, { mapsEnabled: true });
    assert.equal(all.length, allTools.length);
    assert.deepEqual(
      names(toolsFor(REQUESTED_SCOPES, { mapsEnabled: false })),
      names(
        allTools.filter((t) => !['search_places', 'get_place_details', 'get_travel_time'].includes(t.name)),
      ),
    );
    const readOnlyMail = names(toolsFor(['openid', 'email', SCOPES.gmailReadonly], { mapsEnabled: false }));
    assert.deepEqual(readOnlyMail, [
      'get_current_time',
      'list_email_labels',
      'look_up_teammates',
      'read_email',
      'read_email_thread',
      'search_emails',
    ]);
    const sendOnly = names(toolsFor([SCOPES.gmailSend], { mapsEnabled: false }));
    assert.deepEqual(sendOnly, [
      'forward_email',
      'get_current_time',
      'look_up_teammates',
      'reply_to_email',
      'send_email',
    ]);
    const calendarEventsOnly = toolsFor([SCOPES.calendarEvents], { mapsEnabled: false }).map((t) => t.name);
    assert.ok(calendarEventsOnly.includes('create_event') && !calendarEventsOnly.includes('list_calendars'));
    assert.deepEqual(names(toolsFor([SCOPES.tasksReadonly], { mapsEnabled: false })), [
      'get_current_time',
      'list_task_lists',
      'list_tasks',
      'look_up_teammates',
    ]);
    // Slack's directory needs no Google scope: who a teammate is can always be looked up.
    assert.deepEqual(names(toolsFor([], { mapsEnabled: false })), ['get_current_time', 'look_up_teammates']);
  });
});
