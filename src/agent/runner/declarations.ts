import type { FunctionDeclaration } from '@google/genai';
import { z } from 'zod';
import type { Tool } from '../../tools/types';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Trim zod's JSON Schema to what helps the model: no $schema, no ±2^53 integer bounds, and no regex
 * where a `format` already says it (zod's email/date-time patterns are long and add nothing for the
 * model; the handler validates with zod anyway).
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) >= MAX_SAFE) continue;
    if (key === 'pattern' && 'format' in node) continue;
    out[key] = tidy(value);
  }
  return out;
}

/** A tool as Gemini sees it: name, when to use it, and its input as JSON Schema (parametersJsonSchema). */
export function toDeclaration(tool: Tool): FunctionDeclaration {
  const schema = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' });
  const description = tool.sideEffect
    ? `${tool.description} This changes the user's data: calling it only shows the user a confirmation card; nothing happens unless they click Confirm.`
    : tool.description;
  return { name: tool.name, description, parametersJsonSchema: tidy(schema) };
}

const cache = new WeakMap<Tool, FunctionDeclaration>();

/** Declarations for a turn's tools; each tool's schema is converted once per process. */
export function declarationsFor(tools: Tool[]): FunctionDeclaration[] {
  return tools.map((tool) => {
    let declaration = cache.get(tool);
    if (!declaration) {
      declaration = toDeclaration(tool);
      cache.set(tool, declaration);
    }
    return declaration;
  });
}
