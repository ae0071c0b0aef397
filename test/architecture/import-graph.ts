import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import as written in a file, and the repository file it resolves to (none for a package). */
export interface Import {
  from: string;
  specifier: string;
  /** Repository-relative path with `/` separators, e.g. `src/slack/app.ts`; undefined for packages. */
  to?: string;
}

export const ROOT = join(__dirname, '..', '..');

const COMPILER: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  resolveJsonModule: true,
};

const posix = (p: string) => p.split(sep).join('/');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every import of every TypeScript file under `dirs`: `import` and `import type`, `export … from`,
 * `import()` and `require()`, read by TypeScript's own scanner and resolved by its module resolver,
 * so a type-only import counts like any other.
 */
export function readImports(dirs: string[]): Import[] {
  const imports: Import[] = [];
  for (const file of dirs.flatMap((d) => sources(join(ROOT, d)))) {
    const from = posix(relative(ROOT, file));
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, file, COMPILER, ts.sys).resolvedModule;
      const local = resolved && !resolved.isExternalLibraryImport ? resolved.resolvedFileName : undefined;
      imports.push({ from, specifier, to: local ? posix(relative(ROOT, local)) : undefined });
    }
  }
  return imports;
}

/** The edges of a graph whose nodes are what `node` maps each file to (a file, a folder…). */
export function edges(imports: Import[], node: (file: string) => string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!i.to) continue;
    const a = node(i.from);
    const b = node(i.to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan): each one is an import cycle. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** `src/agent/confirm/decide.ts` → `src/agent`; a file at the top of src stays itself; models → `models`. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1]}` : file;
  return parts[0];
}
