import type express from 'express';

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  /** The path a layer was mounted at (router 2.x keeps it as given). */
  rawPath?: unknown;
  handle?: { stack?: Layer[] };
}

const join = (a: string, b: string) => `${a}/${b}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/**
 * Every route on an Express 5 app as "METHOD /path" in OpenAPI form (`:id` → `{id}`), walking the
 * router stack through every mounted router (Bolt's ExpressReceiver mounts its own). Middleware
 * mounts that are not routers (static assets, error handlers) are not routes and are skipped.
 */
export function expressRoutes(app: express.Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const { path, methods } = layer.route;
        if (typeof path !== 'string') throw new Error(`route with a non-string path: ${String(path)}`);
        for (const [method, on] of Object.entries(methods)) {
          if (on) out.push(`${method.toUpperCase()} ${join(prefix, path).replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) {
        if (typeof layer.rawPath !== 'string') throw new Error(`router mounted at a non-string path`);
        walk(layer.handle.stack, join(prefix, layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out.sort();
}

/** Every operation a document names, as "METHOD /path". */
export function documentedRoutes(doc: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']) {
      if (item[method]) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out.sort();
}
