import { blocksError } from './blocks';
import type { FakeSlackState } from './state';

type Obj = Record<string, unknown>;
type MethodResult = Obj & { ok: boolean };

/** Slack's 3-second lifetime of a trigger_id, and its single use. */
export const TRIGGER_TTL_MS = 3000;

const text = (t: unknown) => (t && typeof t === 'object' ? String((t as Obj).text ?? '') : '');
const plainUpTo = (t: unknown, max: number) =>
  !!t && (t as Obj).type === 'plain_text' && text(t).length > 0 && text(t).length <= max;
const valuesOf = (options: unknown) => (Array.isArray(options) ? options.map((o) => (o as Obj).value) : []);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The element rules Slack checks on an input block (the ones Lume's modal can break). */
function elementError(el: Obj): string | undefined {
  if (typeof el.action_id !== 'string' || !el.action_id) return 'input element without action_id';
  switch (el.type) {
    case 'checkboxes':
    case 'radio_buttons':
    case 'static_select': {
      const max = el.type === 'static_select' ? 100 : 10;
      const values = valuesOf(el.options);
      if (values.length < 1 || values.length > max) return `${el.type} needs 1–${max} options`;
      const initial =
        el.type === 'checkboxes'
          ? valuesOf(el.initial_options)
          : el.initial_option
            ? [(el.initial_option as Obj).value]
            : [];
      if (initial.some((v) => !values.includes(v)))
        return `${el.type} initial option is not one of its options`;
      return undefined;
    }
    case 'timepicker':
      return el.initial_time !== undefined && !HHMM.test(String(el.initial_time))
        ? 'timepicker initial_time must be HH:mm'
        : undefined;
    case 'number_input': {
      if (typeof el.is_decimal_allowed !== 'boolean') return 'number_input needs is_decimal_allowed';
      const [min, max, initial] = [el.min_value, el.max_value, el.initial_value].map((v) =>
        v === undefined ? undefined : Number(v),
      );
      if (
        initial !== undefined &&
        ((min !== undefined && initial < min) || (max !== undefined && initial > max))
      )
        return 'number_input initial_value outside min_value..max_value';
      return undefined;
    }
    case 'plain_text_input': {
      const max = Number(el.max_length ?? 3000);
      return typeof el.initial_value === 'string' && el.initial_value.length > max
        ? 'plain_text_input initial_value over max_length'
        : undefined;
    }
    default:
      return `input element type ${String(el.type)} not supported by the fake`;
  }
}

/** Why Slack would answer views.open with invalid_arguments, or undefined. */
export function modalError(view: unknown): string | undefined {
  if (!view || typeof view !== 'object') return 'view must be an object';
  const v = view as Obj;
  if (v.type !== 'modal') return 'view type must be modal';
  if (!plainUpTo(v.title, 24)) return 'title must be plain_text of 1–24 characters';
  if (v.close !== undefined && !plainUpTo(v.close, 24)) return 'close must be plain_text of 1–24 characters';
  if (v.submit !== undefined && !plainUpTo(v.submit, 24))
    return 'submit must be plain_text of 1–24 characters';
  if (typeof v.callback_id === 'string' && v.callback_id.length > 255)
    return 'callback_id over 255 characters';
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > 3000)
    return 'private_metadata over 3000 characters';
  const blocks = Array.isArray(v.blocks) ? (v.blocks as Obj[]) : [];
  const inputs = blocks.filter((b) => b.type === 'input');
  if (inputs.length && !v.submit) return 'must define submit to use input block';
  const ids = new Set<string>();
  for (const b of blocks) {
    if (typeof b.block_id === 'string') {
      if (ids.has(b.block_id)) return `duplicate block_id ${b.block_id}`;
      ids.add(b.block_id);
    }
  }
  for (const b of inputs) {
    if (!plainUpTo(b.label, 2000)) return 'input label must be plain_text of 1–2000 characters';
    if (b.hint !== undefined && !plainUpTo(b.hint, 2000))
      return 'input hint must be plain_text of 1–2000 characters';
    const err = elementError((b.element ?? {}) as Obj);
    if (err) return err;
  }
  return blocksError(v.blocks, 100);
}

/**
 * views.open: a live trigger_id (from a command or click in the last 3 s, not used before) and a
 * valid modal. The opened view is recorded with the id, hash and empty state Slack gives it.
 */
export function viewsOpen(s: FakeSlackState, a: Obj): MethodResult {
  const trigger = typeof a.trigger_id === 'string' ? a.trigger_id : '';
  if (!trigger) return { ok: false, error: 'invalid_arguments' };
  const issued = Number(trigger.split('.')[0]);
  if (!Number.isFinite(issued)) return { ok: false, error: 'invalid_trigger_id' };
  if (s.usedTriggers.has(trigger) || Date.now() - issued > TRIGGER_TTL_MS)
    return { ok: false, error: 'expired_trigger_id' };
  const err = modalError(a.view);
  if (err)
    return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [`[ERROR] ${err}`] } };
  s.usedTriggers.add(trigger);
  const id = `V${s.nextTs().replace('.', '')}`;
  const view = {
    id,
    team_id: s.teamId,
    app_id: s.appId,
    bot_id: s.botId,
    state: { values: {} },
    hash: s.nextTs(),
    private_metadata: '',
    callback_id: '',
    root_view_id: id,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
    ...(a.view as Obj),
  };
  s.openedViews.push(view);
  s.emit('change');
  return { ok: true, view };
}
