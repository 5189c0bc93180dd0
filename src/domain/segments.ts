// Named RFM segments from score ranges, after the defaults of R's `rfm` package.
import type { SegmentId } from './types';

/** A segment is every account whose scores fall inside all three inclusive ranges. */
export interface SegmentRule {
  id: SegmentId;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/**
 * Default rules for 1..5 scores, evaluated top to bottom, first match wins; the table and its
 * order are those of R's `rfm` package 0.3.0 (`rfm_segment` example). Its ranges overlap, so an
 * earlier rule takes shared cells: Potential loyalist (R3–5 F3–5 M2–5) comes second and takes
 * much of Loyal's cube. Every rule still wins at least one cell (segments.test.ts counts them);
 * 10 of the 125 combinations match none and are "Others".
 */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRule[] = [
  { id: 'champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { id: 'potential_loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { id: 'loyal', r: [2, 4], f: [2, 4], m: [2, 4] },
  { id: 'promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { id: 'new', r: [4, 5], f: [1, 3], m: [1, 5] },
  { id: 'cant_lose', r: [1, 2], f: [3, 4], m: [4, 5] },
  { id: 'at_risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { id: 'need_attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { id: 'about_to_sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { id: 'lost', r: [1, 1], f: [1, 5], m: [1, 5] },
];

/** Display order, most valuable first; 'others' (no rule matched) last. */
export const SEGMENT_ORDER: readonly SegmentId[] = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'cant_lose',
  'at_risk',
  'lost',
  'others',
];

const inRange = (v: number, [lo, hi]: [number, number]): boolean => v >= lo && v <= hi;

export function assignSegment(
  r: number,
  f: number,
  m: number,
  rules: readonly SegmentRule[] = DEFAULT_SEGMENT_RULES,
): SegmentId {
  for (const rule of rules) {
    if (inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m)) return rule.id;
  }
  return 'others';
}
