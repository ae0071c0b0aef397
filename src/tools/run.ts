import { describeToolError } from './errors';
import type { ActionPreview, Tool, ToolContext, ToolResult } from './types';

/**
 * Validate the model's arguments and run a tool's handler, turning every failure into data. The
 * caller decides *whether* to run: a sideEffect tool must only get here after the user confirmed.
 */
export async function runTool(tool: Tool, args: unknown, ctx: ToolContext): Promise<ToolResult> {
  const parsed = tool.input.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, error: describeToolError(parsed.error, tool) };
  try {
    return { ok: true, data: await tool.handler(parsed.data, ctx) };
  } catch (err) {
    ctx.log.warn({ err, tool: tool.name }, 'tool call failed');
    return { ok: false, error: describeToolError(err, tool) };
  }
}

/** Validate and build the confirmation card for a sideEffect tool (previews may read data, so may fail too). */
export async function previewTool(
  tool: Tool,
  args: unknown,
  ctx: ToolContext,
): Promise<{ ok: true; preview: ActionPreview; input: unknown } | { ok: false; error: string }> {
  if (!tool.preview) return { ok: false, error: `${tool.name} has no preview` };
  const parsed = tool.input.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, error: describeToolError(parsed.error, tool) };
  try {
    return { ok: true, preview: await tool.preview(parsed.data, ctx), input: parsed.data };
  } catch (err) {
    ctx.log.warn({ err, tool: tool.name }, 'tool preview failed');
    return { ok: false, error: describeToolError(err, tool) };
  }
}
