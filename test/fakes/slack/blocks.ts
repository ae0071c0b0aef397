/**
 * The Block Kit limits Slack enforces with `invalid_blocks`, checked the same way here so a builder
 * that would be refused by Slack is refused by the fake too. Not the full schema: the rules Lume's
 * blocks can plausibly break.
 */
const KNOWN = new Set([
  'section',
  'context',
  'header',
  'divider',
  'actions',
  'image',
  'input',
  'rich_text',
  'markdown',
  'context_actions',
]);

type Obj = Record<string, unknown>;
const textOf = (t: unknown) => (t && typeof t === 'object' ? String((t as Obj).text ?? '') : '');

function checkElement(el: Obj, ids: Set<string>): string | undefined {
  if (el.type === 'button') {
    if (textOf(el.text).length > 75) return 'button text over 75 characters';
    if (typeof el.url === 'string' && el.url.length > 3000) return 'button url over 3000 characters';
    if (typeof el.value === 'string' && el.value.length > 2000) return 'button value over 2000 characters';
  }
  if (typeof el.action_id === 'string') {
    if (el.action_id.length > 255) return 'action_id over 255 characters';
    if (ids.has(el.action_id)) return `duplicate action_id ${el.action_id}`;
    ids.add(el.action_id);
  }
  return undefined;
}

export function blocksError(blocks: unknown, max: number): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > max) return `more than ${max} blocks`;
  const ids = new Set<string>();
  // Slack's limit is on all markdown blocks of one payload together, not on each.
  const markdown = blocks.reduce(
    (n: number, b: Obj) => n + (b.type === 'markdown' ? String(b.text ?? '').length : 0),
    0,
  );
  if (markdown > 12_000) return 'markdown blocks over 12000 characters in all';
  for (const raw of blocks) {
    const b = raw as Obj;
    if (!KNOWN.has(String(b.type))) return `unknown block type ${String(b.type)}`;
    if (b.type === 'section') {
      if (!b.text && !b.fields) return 'section without text or fields';
      if (textOf(b.text).length > 3000) return 'section text over 3000 characters';
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length > 10) return 'section needs at most 10 fields';
        if (b.fields.some((f) => textOf(f).length > 2000)) return 'section field over 2000 characters';
      }
      if (b.accessory) {
        const err = checkElement(b.accessory as Obj, ids);
        if (err) return err;
      }
    }
    if (b.type === 'markdown' && (typeof b.text !== 'string' || !b.text))
      return 'markdown block without text';
    if (b.type === 'header' && ((b.text as Obj)?.type !== 'plain_text' || textOf(b.text).length > 150))
      return 'header must be plain_text of at most 150 characters';
    if (b.type === 'context' && (!Array.isArray(b.elements) || b.elements.length > 10))
      return 'context needs 1–10 elements';
    if (b.type === 'actions') {
      if (!Array.isArray(b.elements) || b.elements.length > 25) return 'actions needs 1–25 elements';
      for (const el of b.elements as Obj[]) {
        const err = checkElement(el, ids);
        if (err) return err;
      }
    }
  }
  return undefined;
}
