import type { ActionPreview } from '../../tools/types';
import { esc, SECTION_MAX } from './text';

/** Slack: a section's field holds 2000 characters, a section 10 fields. */
export const FIELD_MAX = 2000;
export const FIELDS_PER_SECTION = 10;

/** One block's worth of a preview: a few short fields side by side, or one full-width piece of text. */
export type Piece = { fields: string[] } | { text: string };

/**
 * `text` (raw) as escaped pieces of at most `max` characters each, cut by *escaped* length (a quoted
 * reply grows when escaped, and one piece over Slack's limit makes it refuse the whole message),
 * preferring to cut after `sep` (", " between addresses) when one is near. Nothing is dropped.
 */
export function escapedPieces(text: string, max = SECTION_MAX, sep?: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let lastSep = -1;
  for (const ch of text) {
    const piece = esc(ch);
    if (current.length + piece.length > max) {
      const cut = sep && lastSep > max / 2 ? lastSep : current.length;
      pieces.push(current.slice(0, cut));
      current = current.slice(cut);
      lastSep = -1;
    }
    current += piece;
    if (sep && current.endsWith(esc(sep))) lastSep = current.length;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Everything a preview says, in order, as block-sized pieces — its warnings, every field in full
 * (short ones side by side, a long recipient list over as many full-width pieces as it needs), then
 * the whole body. The card shows as many as fit; the "View everything" modal pages through all.
 */
export function previewPieces(preview: ActionPreview): Piece[] {
  const pieces: Piece[] = [];
  for (const w of preview.warnings ?? []) pieces.push({ text: `:warning: *Look twice:* ${esc(w)}` });
  let row: string[] = [];
  const flush = () => {
    if (row.length) pieces.push({ fields: row });
    row = [];
  };
  for (const f of preview.fields) {
    const label = `*${esc(f.label)}*\n`;
    const value = esc(f.value) || '—';
    if (label.length + value.length <= FIELD_MAX) {
      row.push(label + value);
      if (row.length === FIELDS_PER_SECTION) flush();
      continue;
    }
    flush();
    const parts = escapedPieces(f.value, SECTION_MAX - label.length - 20, ', ');
    parts.forEach((part, i) => {
      const head = parts.length > 1 ? `*${esc(f.label)}* (${i + 1}/${parts.length})\n` : label;
      pieces.push({ text: head + part });
    });
  }
  flush();
  for (const text of escapedPieces(preview.body ?? '')) pieces.push({ text });
  return pieces;
}

/** How many characters the body has, in words people read ("1,204 characters"). */
export const bodyLength = (preview: ActionPreview) =>
  `${[...(preview.body ?? '')].length.toLocaleString('en-US')} characters`;
