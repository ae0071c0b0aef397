/**
 * Google's response field masks ("places.id,places.displayName", "routes.duration", "*"): keep
 * only the named paths; a mask applies to each element of a repeated field.
 */
type Tree = { [key: string]: Tree | true };

function treeOf(paths: string[]): Tree | true {
  const root: Tree = {};
  for (const path of paths) {
    if (path === '*') return true;
    let node = root;
    const keys = path.split('.');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (node[key] === true) break;
      // "places.*" and a last segment both select the whole subtree.
      if (i === keys.length - 1 || keys[i + 1] === '*') {
        node[key] = true;
        break;
      }
      if (node[key] === undefined) node[key] = {};
      node = node[key] as Tree;
    }
  }
  return root;
}

function prune(value: unknown, tree: Tree | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, tree));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(tree)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = prune(v, sub);
  }
  return out;
}

export function applyFieldMask(value: unknown, paths: string[]): unknown {
  return prune(value, treeOf(paths));
}
