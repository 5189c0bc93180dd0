// What a user may type or paste into an editable accounts column, checked before anything is
// stored. Pure: the grid, paste and fill-down all go through parseCell, so a bad value is caught
// the same way everywhere and reported with the cell it came from.
import { parseDate } from './date';
import { parseAmountToMinor } from './money';
import type { CustomFieldDef, CustomValue, Result } from './types';

export type CellKind =
  | { kind: 'text'; required?: boolean }
  | { kind: 'number' }
  /** Typed in major units, stored as integer minor units; never negative. */
  | { kind: 'money'; digits: number }
  | { kind: 'date' }
  /** `labels` are the words a user may type for each stored value (e.g. tier names). */
  | { kind: 'choice'; values: readonly string[]; labels?: Readonly<Record<string, string>> }
  | { kind: 'yesno' };

export type CellError =
  'empty' | 'not_number' | 'negative' | 'not_date' | 'not_choice' | 'not_yesno';

const YES = new Set(['yes', 'y', 'true', '1', '是', '√', '✓', 'x', 'ja', 'oui']);
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

/** Reads text typed or pasted into a cell; empty text clears the cell (null, or '' for text). */
export function parseCell(kind: CellKind, raw: string): Result<CustomValue, CellError> {
  const text = raw.normalize('NFKC').trim();
  switch (kind.kind) {
    case 'text':
      return kind.required && raw.trim() === ''
        ? { ok: false, reason: 'empty' }
        : { ok: true, value: raw.trim() };
    case 'number': {
      if (text === '') return { ok: true, value: null };
      const n = Number(text.replace(/[,\s'_]/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: 'not_number' };
    }
    case 'money': {
      if (text === '') return { ok: true, value: null };
      const parsed = parseAmountToMinor(text, kind.digits);
      if (!parsed.ok) return { ok: false, reason: 'not_number' };
      return parsed.value < 0 ? { ok: false, reason: 'negative' } : parsed;
    }
    case 'date': {
      if (text === '') return { ok: true, value: null };
      const parsed = parseDate(text);
      return parsed.ok ? parsed : { ok: false, reason: 'not_date' };
    }
    case 'choice': {
      if (text === '') return { ok: true, value: kind.values.includes('') ? '' : null };
      const lower = text.toLowerCase();
      const found = kind.values.find(
        (v) => v.toLowerCase() === lower || kind.labels?.[v]?.toLowerCase() === lower,
      );
      return found === undefined ? { ok: false, reason: 'not_choice' } : { ok: true, value: found };
    }
    case 'yesno': {
      const lower = text.toLowerCase();
      if (YES.has(lower)) return { ok: true, value: true };
      if (NO.has(lower)) return { ok: true, value: false };
      return { ok: false, reason: 'not_yesno' };
    }
  }
}

/** The cell kind of a user-defined column. */
export function customFieldKind(def: CustomFieldDef): CellKind {
  switch (def.type) {
    case 'number':
      return { kind: 'number' };
    case 'date':
      return { kind: 'date' };
    case 'choice':
      return { kind: 'choice', values: ['', ...(def.choices ?? [])] };
    case 'yesno':
      return { kind: 'yesno' };
    default:
      return { kind: 'text' };
  }
}

/** A cell value as text for the clipboard (Excel reads it back the same way). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * The fields to show: the user's own, then a text field for each key an accounts import stored
 * under a column header that is no field (nothing imported stays invisible).
 */
export function fieldsWithImported(
  defs: readonly CustomFieldDef[],
  keys: Iterable<string>,
): CustomFieldDef[] {
  const all = [...defs];
  const known = new Set(defs.map((d) => d.id));
  for (const key of keys) {
    if (known.has(key)) continue;
    known.add(key);
    all.push({ id: key, name: key, type: 'text' });
  }
  return all;
}

/**
 * Each field's value for one account, by field id. An import stores text; in a typed field it is
 * read with the field's type, and text that does not fit stays text (shown, never lost).
 */
export function customValues(
  defs: readonly CustomFieldDef[],
  stored: Readonly<Record<string, CustomValue>>,
): Record<string, CustomValue> {
  const values: Record<string, CustomValue> = {};
  for (const def of defs) {
    let value = stored[def.id];
    if (value === undefined) continue;
    if (typeof value === 'string' && def.type !== 'text') {
      const parsed = parseCell(customFieldKind(def), value);
      value = parsed.ok ? parsed.value : value;
    }
    values[def.id] = value;
  }
  return values;
}
