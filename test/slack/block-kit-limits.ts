/**
 * Slack's documented Block Kit limits, plus the mrkdwn escaping rule, as one checker for specs that
 * feed builders hostile or huge data. It returns every problem (not just the first) with the path
 * to it, so a failing spec says exactly which block broke which rule.
 *
 * Limits (docs.slack.dev, Block Kit reference): a message has ≤ 50 blocks (a Home tab ≤ 100) and
 * needs fallback `text`; text objects are 1–3000 characters; section fields ≤ 10, each ≤ 2000;
 * header plain_text ≤ 150; context ≤ 10 elements; actions ≤ 25 elements; button text ≤ 75,
 * value ≤ 2000, url ≤ 3000; action_id and block_id ≤ 255 and unique; confirm dialogs: title ≤ 100,
 * text ≤ 300, confirm/deny ≤ 30.
 */
type Obj = Record<string, unknown>;

/** The tokens Lume itself writes inside mrkdwn: links, user mentions and date formatting. */
const TOKEN =
  /^<(?:(?:https?|mailto|slack):[^<>|\s]+(?:\|[^<>]*)?|@[UW][A-Z0-9]+|!date\^\d+\^[^<>|]*\|[^<>]*)>/;

function mrkdwnProblems(text: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '&' && !/^&(amp|lt|gt);/.test(text.slice(i, i + 5))) problems.push('unescaped &');
    if (ch === '>') problems.push('unescaped >');
    if (ch === '<') {
      const token = TOKEN.exec(text.slice(i));
      if (!token) problems.push(`unescaped < at "${text.slice(i, i + 30)}"`);
      else i += token[0].length - 1;
    }
  }
  return problems;
}

const UNPAIRED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Set<string>();
  private readonly blockIds = new Set<string>();

  fail(path: string, what: string): void {
    this.problems.push(`${path}: ${what}`);
  }

  text(path: string, t: unknown, max: number, kind?: 'plain_text' | 'mrkdwn'): void {
    const o = t as Obj | undefined;
    if (!o || typeof o.text !== 'string') {
      this.fail(path, 'missing text object');
      return;
    }
    if (kind && o.type !== kind) this.fail(path, `must be ${kind}`);
    if (o.text.length < 1) this.fail(path, 'empty text');
    if (o.text.length > max) this.fail(path, `text of ${o.text.length} characters (max ${max})`);
    if (UNPAIRED.test(o.text)) this.fail(path, 'unpaired surrogate (half an emoji)');
    if (o.type === 'mrkdwn') for (const p of mrkdwnProblems(o.text)) this.fail(path, p);
  }

  id(path: string, set: Set<string>, id: unknown, what: string): void {
    if (id === undefined) return;
    if (typeof id !== 'string' || id.length > 255) this.fail(path, `${what} over 255 characters`);
    else if (set.has(id)) this.fail(path, `duplicate ${what} ${id}`);
    else set.add(id);
  }

  element(path: string, el: Obj): void {
    this.id(path, this.actionIds, el.action_id, 'action_id');
    if (el.type !== 'button') return;
    this.text(`${path}.text`, el.text, 75, 'plain_text');
    if (typeof el.value === 'string' && el.value.length > 2000) this.fail(path, 'button value over 2000');
    if (typeof el.url === 'string' && el.url.length > 3000) this.fail(path, 'button url over 3000');
    const confirm = el.confirm as Obj | undefined;
    if (confirm) {
      this.text(`${path}.confirm.title`, confirm.title, 100, 'plain_text');
      this.text(`${path}.confirm.text`, confirm.text, 300);
      this.text(`${path}.confirm.confirm`, confirm.confirm, 30, 'plain_text');
      this.text(`${path}.confirm.deny`, confirm.deny, 30, 'plain_text');
    }
  }

  private list(path: string, items: unknown, min: number, max: number, what: string): Obj[] {
    const list = (Array.isArray(items) ? items : []) as Obj[];
    if (list.length < min || list.length > max) this.fail(path, `${list.length} ${what} (${min}–${max})`);
    return list;
  }

  block(path: string, b: Obj): void {
    this.id(path, this.blockIds, b.block_id, 'block_id');
    if (b.type === 'section') {
      if (!b.text && !b.fields) this.fail(path, 'section without text or fields');
      if (b.text) this.text(`${path}.text`, b.text, 3000);
      const fields = this.list(path, b.fields ?? [], 0, 10, 'fields');
      for (const [i, f] of fields.entries()) this.text(`${path}.fields[${i}]`, f, 2000);
      if (b.accessory) this.element(`${path}.accessory`, b.accessory as Obj);
    } else if (b.type === 'header') {
      this.text(`${path}.text`, b.text, 150, 'plain_text');
    } else if (b.type === 'context') {
      const els = this.list(path, b.elements, 1, 10, 'context elements');
      for (const [i, e] of els.entries()) this.text(`${path}.elements[${i}]`, e, 3000);
    } else if (b.type === 'actions') {
      const els = this.list(path, b.elements, 1, 25, 'actions');
      for (const [i, e] of els.entries()) this.element(`${path}.elements[${i}]`, e);
    } else if (b.type !== 'divider' && b.type !== 'context_actions') {
      this.fail(path, `unexpected block type ${String(b.type)}`);
    }
  }
}

/** Problems with a message (`text` + `blocks`) or a Home view, as "path: what" lines; empty when valid. */
export function blockKitProblems(
  surface: { text?: unknown; blocks: unknown[]; type?: unknown },
  maxBlocks = surface.type === 'home' ? 100 : 50,
): string[] {
  const c = new Checker();
  if (surface.type !== 'home' && (typeof surface.text !== 'string' || !surface.text.trim()))
    c.fail('text', 'no fallback text');
  if (surface.blocks.length > maxBlocks)
    c.fail('blocks', `${surface.blocks.length} blocks (max ${maxBlocks})`);
  for (const [i, b] of surface.blocks.entries()) c.block(`blocks[${i}]`, b as Obj);
  return c.problems;
}
