import assert from 'node:assert/strict';
import { z } from 'zod';
import { ROUTE_DOCS } from '../../src/http';
import { openApiDocument } from '../../src/http/openapi/document';
import type { RouteDoc } from '../../src/http/openapi/route-doc';
import { slackEventsDoc } from '../../src/http/openapi/slack-events';

type Doc = ReturnType<typeof openApiDocument>;
const ALL: RouteDoc[] = [slackEventsDoc('/slack/events'), ...ROUTE_DOCS];

describe('the OpenAPI document', () => {
  let doc: Doc;
  before(() => {
    doc = openApiDocument(ALL, 'https://lume.example.com');
  });

  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    assert.equal(validator.version, '3.1');
    assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 2));
    assert.equal(result.valid, true);
  });

  it('declares the Bearer JWT and the session cookie, and the session routes ask for one of them', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    assert.deepEqual(schemes.bearerAuth, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: (schemes.bearerAuth as { description: string }).description,
    });
    assert.equal((schemes.sessionCookie as { in: string }).in, 'cookie');
    assert.equal((schemes.sessionCookie as { name: string }).name, 'lume_session');
    for (const [path, method] of [
      ['/auth/me', 'get'],
      ['/auth/refresh', 'post'],
    ] as const) {
      assert.deepEqual(doc.paths?.[path]?.[method]?.security, [{ bearerAuth: [] }, { sessionCookie: [] }]);
    }
    assert.deepEqual(doc.paths?.['/slack/events']?.post?.security, [{ slackSignature: [] }]);
  });

  it('gives every operation a unique operationId, a summary and a success or redirect answer', () => {
    const ids = ALL.map((r) => r.operation.operationId);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
    for (const { method, path, operation } of ALL) {
      assert.ok(operation.summary, `${method} ${path} has a summary`);
      assert.ok(
        Object.keys(operation.responses).some((s) => /^[23]/.test(s)),
        `${method} ${path} documents how it succeeds`,
      );
    }
  });

  it('has an example for every JSON answer, and each example passes the schema the route answers through', () => {
    let checked = 0;
    for (const { method, path, operation } of ALL) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || '$ref' in response) continue;
        const json = response.content?.['application/json'];
        if (!json) continue;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        assert.ok(json.example !== undefined, `${where} has an example`);
        assert.ok(json.schema instanceof z.ZodType, `${where} is described by a zod schema`);
        const parsed = json.schema.safeParse(json.example);
        assert.ok(parsed.success, `${where}: ${parsed.success ? '' : z.prettifyError(parsed.error)}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 20, `checked ${checked} examples`);
  });

  it('refuses to document one method and path twice', () => {
    assert.throws(() => openApiDocument([ROUTE_DOCS[0], ROUTE_DOCS[0]], 'http://x'), /documented twice/);
  });
});
