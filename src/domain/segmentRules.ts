// Editable segment rules: data the user edits in a table, plus the checks the editor shows
// (overlaps, rules that can never win). Pure; nothing here imports rfm.ts.
import { DEFAULT_SEGMENT_RULES, SEGMENT_ORDER } from './segments';
import { fail, ok, type Result } from './types';

/** One row of the rule table. Inclusive score ranges; first matching row wins. */
export interface EditableRule {
  /** A built-in SegmentId (label comes from the UI) or a user id (then `name` is required). */
  id: string;
  name?: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

export type RuleError = 'empty_range' | 'out_of_bins' | 'missing_name';

// 'others' is what "no rule matched" is called, so a rule with that id still needs a name.
const BUILT_IN_IDS: ReadonlySet<string> = new Set(SEGMENT_ORDER.filter((id) => id !== 'others'));

/**
 * Checks one row. Order of checks: empty_range (low > high) first, then out_of_bins (bounds must
 * be integers in 1..bins), then missing_name (user ids only). Returns a copy with the name trimmed.
 */
export function validateRule(rule: EditableRule, bins: number): Result<EditableRule, RuleError> {
  const ranges = [rule.r, rule.f, rule.m];
  if (ranges.some(([lo, hi]) => lo > hi)) return fail('empty_range');
  const inBins = (v: number): boolean => Number.isInteger(v) && v >= 1 && v <= bins;
  if (ranges.some(([lo, hi]) => !inBins(lo) || !inBins(hi))) return fail('out_of_bins');
  const name = rule.name?.trim() ?? '';
  if (name === '' && !BUILT_IN_IDS.has(rule.id)) return fail('missing_name');
  const copy: EditableRule = { id: rule.id, r: [...rule.r], f: [...rule.f], m: [...rule.m] };
  if (name !== '') copy.name = name;
  return ok(copy);
}

const inRange = (v: number, [lo, hi]: readonly [number, number]): boolean => v >= lo && v <= hi;

/** The first rule whose three ranges contain (r, f, m), or undefined → "Others". */
export function firstMatch<
  T extends {
    r: readonly [number, number];
    f: readonly [number, number];
    m: readonly [number, number];
  },
>(rules: readonly T[], r: number, f: number, m: number): T | undefined {
  return rules.find((rule) => inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m));
}

/** Length of [lo, hi] ∩ [1, bins]; 0 when they miss. */
function spanInGrid([lo, hi]: readonly [number, number], bins: number): number {
  return Math.max(0, Math.min(hi, bins) - Math.max(lo, 1) + 1);
}

/** Length of the intersection of two inclusive integer ranges, clipped to the grid. */
function sharedSpan(
  a: readonly [number, number],
  b: readonly [number, number],
  bins: number,
): number {
  return spanInGrid([Math.max(a[0], b[0]), Math.min(a[1], b[1])], bins);
}

export interface RuleOverlap {
  /** The earlier rule's id (it wins the shared cells). */
  a: string;
  b: string;
  cells: number;
}

export interface RuleAnalysis {
  /** Every pair sharing at least one cell, in table order (a before b). */
  overlaps: RuleOverlap[];
  /** Rules that win no cell: all their cells go to earlier rows, or they cover none. */
  neverMatches: string[];
  /** Cells each rule actually wins under first-match; every rule id is present (0 if none). */
  matchedCells: Record<string, number>;
  /** Cells no rule covers; accounts there land in "Others". */
  unmatchedCells: number;
}

/**
 * Walks every (r, f, m) cell of the bins³ grid. bins is 3..5 in the app, so at most 125 cells;
 * brute force keeps "first match wins" exactly as assignSegment does it. A bins value that is
 * not a positive integer gives an empty grid. Ids are expected to be unique; duplicates add up.
 */
export function analyzeRules(rules: readonly EditableRule[], bins: number): RuleAnalysis {
  const size = Number.isInteger(bins) && bins >= 1 ? bins : 0;
  const won = new Map<string, number>(rules.map((rule) => [rule.id, 0]));
  let unmatchedCells = 0;
  for (let r = 1; r <= size; r++)
    for (let f = 1; f <= size; f++)
      for (let m = 1; m <= size; m++) {
        const rule = firstMatch(rules, r, f, m);
        if (rule) won.set(rule.id, won.get(rule.id)! + 1);
        else unmatchedCells += 1;
      }

  const overlaps: RuleOverlap[] = [];
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) {
      const cells =
        sharedSpan(a.r, b.r, size) * sharedSpan(a.f, b.f, size) * sharedSpan(a.m, b.m, size);
      if (cells > 0) overlaps.push({ a: a.id, b: b.id, cells });
    }
  });

  return {
    overlaps,
    neverMatches: rules.filter((rule) => won.get(rule.id) === 0).map((rule) => rule.id),
    matchedCells: Object.fromEntries(won),
    unmatchedCells,
  };
}

// Editor helpers: each returns a new array and leaves the input alone. An index outside the
// table (or not an integer) returns an unchanged copy, so a stale UI event cannot corrupt rules.

const validIndex = (length: number, index: number): boolean =>
  Number.isInteger(index) && index >= 0 && index < length;

/** Moves rules[index] by delta rows (negative = up), clamped to the table's ends. */
export function moveRule<T>(rules: readonly T[], index: number, delta: number): T[] {
  const out = [...rules];
  if (!validIndex(rules.length, index) || !Number.isInteger(delta)) return out;
  const target = Math.min(rules.length - 1, Math.max(0, index + delta));
  const [rule] = out.splice(index, 1);
  out.splice(target, 0, rule!);
  return out;
}

export function replaceRule<T>(rules: readonly T[], index: number, rule: T): T[] {
  const out = [...rules];
  if (validIndex(rules.length, index)) out[index] = rule;
  return out;
}

export function removeRule<T>(rules: readonly T[], index: number): T[] {
  return validIndex(rules.length, index) ? rules.filter((_, i) => i !== index) : [...rules];
}

/** Inserts before `index`; index = length (or beyond) appends, below 0 prepends. */
export function insertRule<T>(rules: readonly T[], index: number, rule: T): T[] {
  const at = Number.isInteger(index) ? Math.min(rules.length, Math.max(0, index)) : rules.length;
  return [...rules.slice(0, at), rule, ...rules.slice(at)];
}

/** Fresh, mutable copies of the default table (editing them must not touch the constants). */
export function rulesFromDefault(): EditableRule[] {
  return DEFAULT_SEGMENT_RULES.map((rule) => ({
    id: rule.id,
    r: [...rule.r],
    f: [...rule.f],
    m: [...rule.m],
  }));
}

/**
 * Maps a 1..bins score onto 1..5 so the default (5-point) rules stay usable with 3 or 4 bins:
 * round(1 + (score − 1) · 4 / (bins − 1)), i.e. spread evenly and round half up.
 *   3 bins: 1→1, 2→3, 3→5        4 bins: 1→1, 2→2 (2.33), 3→4 (3.67), 4→5
 *   5 bins: identity             1 bin: 3 (the middle)
 * Copied from rfm.ts `toFivePoint` (not imported: rfm.ts is being rewritten); the test pins it.
 */
export function scaleScore(score: number, bins: number): number {
  return bins === 1 ? 3 : Math.round(1 + ((score - 1) * 4) / (bins - 1));
}
