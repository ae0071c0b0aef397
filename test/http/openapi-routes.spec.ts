import assert from 'node:assert/strict';
import { documentedRoutes, expressRoutes } from '../helpers/express-routes';
import { startTestServer, type TestServer } from '../helpers/server';

/** What the document and the router disagree on, both ways. */
function mismatch(routes: string[], documented: string[]) {
  return {
    undocumented: routes.filter((r) => !documented.includes(r)),
    notMounted: documented.filter((r) => !routes.includes(r)),
  };
}

async function documentOf(server: TestServer) {
  const res = await fetch(`${server.url}/openapi.json`);
  assert.equal(res.status, 200);
  return (await res.json()) as { paths: Record<string, Record<string, unknown>> };
}

describe('/openapi.json names exactly the routes the server has', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('HTTP mode: every route on the Express app, including Bolt’s /slack/events, and nothing else', async () => {
    server = await startTestServer();
    const routes = expressRoutes(server.lume.app);
    assert.ok(routes.includes('POST /slack/events'), `the walk reaches Bolt's router: ${routes.join(', ')}`);
    assert.ok(routes.includes('GET /auth/me'), 'the walk reaches mounted routers');
    assert.deepEqual(mismatch(routes, documentedRoutes(await documentOf(server))), {
      undocumented: [],
      notMounted: [],
    });
  });

  it('Socket Mode: no /slack/events route, and none in the document', async () => {
    server = await startTestServer({ env: { SLACK_APP_TOKEN: 'xapp-1-test' } });
    assert.equal(server.lume.mode, 'socket');
    const routes = expressRoutes(server.lume.app);
    const documented = documentedRoutes(await documentOf(server));
    assert.ok(!routes.includes('POST /slack/events'));
    assert.deepEqual(mismatch(routes, documented), { undocumented: [], notMounted: [] });
  });

  it('a route mounted without a RouteDoc is reported (the check can fail)', async () => {
    server = await startTestServer();
    server.lume.app.get('/debug/vars', (_req, res) => {
      res.end();
    });
    server.lume.app.post('/debug/flush', (_req, res) => {
      res.end();
    });
    const documented = documentedRoutes(await documentOf(server));
    assert.deepEqual(mismatch(expressRoutes(server.lume.app), documented), {
      undocumented: ['GET /debug/vars', 'POST /debug/flush'],
      notMounted: [],
    });
    assert.deepEqual(mismatch(expressRoutes(server.lume.app), [...documented, 'GET /nowhere']).notMounted, [
      'GET /nowhere',
    ]);
  });
});
