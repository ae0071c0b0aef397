import { z } from 'zod';
import type { Tool } from './types';

/** A Gemini function declaration (the shape @google/genai's FunctionDeclaration takes with parametersJsonSchema). */
export interface ToolDeclaration {
  name: string;
  description: string;
  parametersJsonSchema: Record<string, unknown>;
}

/**
 * The declaration the model sees for a tool: its JSON schema from zod, as the *input* the model must
 * produce (optional fields stay optional), without the `$schema` marker Gemini does not expect.
 */
export function toolDeclaration(tool: Tool): ToolDeclaration {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.input, { io: 'input' }) as Record<
    string,
    unknown
  >;
  return { name: tool.name, description: tool.description, parametersJsonSchema: schema };
}
