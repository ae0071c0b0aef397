import type { RecordedGeminiRequest } from './replies';

/** Names of the functions declared to the model in this request. */
export function declaredNames(req: RecordedGeminiRequest): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: raw wire JSON
  return (req.body.tools ?? []).flatMap((t: any) => (t.functionDeclarations ?? []).map((d: any) => d.name));
}

/** The function responses sent back in the last content of this request. */
export function functionResponses(
  req: RecordedGeminiRequest,
): { name: string; response: Record<string, unknown> }[] {
  const last = req.body.contents.at(-1);
  // biome-ignore lint/suspicious/noExplicitAny: raw wire JSON
  return (last?.parts ?? []).filter((p: any) => p.functionResponse).map((p: any) => p.functionResponse);
}

export function systemText(req: RecordedGeminiRequest): string {
  // biome-ignore lint/suspicious/noExplicitAny: raw wire JSON
  return (req.body.systemInstruction?.parts ?? []).map((p: any) => p.text).join('');
}

/** Every user-typed text in the request's history, oldest first. */
export function userTexts(req: RecordedGeminiRequest): string[] {
  return (
    req.body.contents
      // biome-ignore lint/suspicious/noExplicitAny: raw wire JSON
      .filter((c: any) => c.role === 'user')
      // biome-ignore lint/suspicious/noExplicitAny: raw wire JSON
      .flatMap((c: any) => c.parts.filter((p: any) => typeof p.text === 'string').map((p: any) => p.text))
  );
}
