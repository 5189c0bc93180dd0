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
 * Default rules for 1..5 scores, evaluated top to bottom, first match wins.
 * The `rfm` package lets later rules overwrite earlier ones, so its table overlaps; for
 * first-match the narrow rules must come before the broad ones that contain them:
 * new and promising (f = m = 1) before potential_loyalist (f, m 1–3), cant_lose before at_risk.
 * segments.test.ts checks that every rule still wins somewhere.
 */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRule[] = [
  { id: 'champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { id: 'loyal', r: [2, 5], f: [3, 5], m: [3, 5] },
  { id: 'new', r: [4, 5], f: [1, 1], m: [1, 1] },
  { id: 'promising', r: [3, 4], f: [1, 1], m: [1, 1] },
  { id: 'potential_loyalist', r: [3, 5], f: [1, 3], m: [1, 3] },
  { id: 'need_attention', r: [2, 3], f: [2, 3], m: [2, 3] },
  { id: 'about_to_sleep', r: [2, 3], f: [1, 2], m: [1, 2] },
  { id: 'cant_lose', r: [1, 1], f: [4, 5], m: [4, 5] },
  { id: 'at_risk', r: [1, 2], f: [2, 5], m: [2, 5] },
  { id: 'lost', r: [1, 2], f: [1, 2], m: [1, 2] },
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
