import { describe, expect, it } from 'vitest';
import { assignSegment, DEFAULT_SEGMENT_RULES, SEGMENT_ORDER, type SegmentRule } from './segments';
import type { SegmentId } from './types';

const SCORES = [1, 2, 3, 4, 5];

describe('DEFAULT_SEGMENT_RULES', () => {
  it('has the ten segments of rfm 0.3.0 in its order', () => {
    expect(DEFAULT_SEGMENT_RULES.map((r) => [r.id, r.r, r.f, r.m])).toEqual([
      ['champions', [5, 5], [5, 5], [5, 5]],
      ['potential_loyalist', [3, 5], [3, 5], [2, 5]],
      ['loyal', [2, 4], [2, 4], [2, 4]],
      ['promising', [3, 4], [1, 3], [3, 5]],
      ['new', [4, 5], [1, 3], [1, 5]],
      ['cant_lose', [1, 2], [3, 4], [4, 5]],
      ['at_risk', [1, 2], [2, 5], [4, 5]],
      ['need_attention', [1, 3], [3, 5], [3, 5]],
      ['about_to_sleep', [2, 3], [1, 3], [1, 4]],
      ['lost', [1, 1], [1, 5], [1, 5]],
    ]);
  });

  it('lets every rule win at least one (r, f, m) cell under first-match', () => {
    const wins = new Map<SegmentId, number>();
    for (const r of SCORES)
      for (const f of SCORES)
        for (const m of SCORES) {
          const id = assignSegment(r, f, m);
          wins.set(id, (wins.get(id) ?? 0) + 1);
        }
    for (const rule of DEFAULT_SEGMENT_RULES) expect(wins.get(rule.id) ?? 0).toBeGreaterThan(0);
    // Counted by hand, 125 cells in all. champions = the one cell 555; potential_loyalist =
    // 3·3·4 − 1 champion; loyal = 27 (its 2–4 cube) − 12 taken by potential_loyalist (r3–4, f3–4,
    // m2–4); new = r4–5 · f1–3 · m1–5 (30) − 15 taken earlier (potential_loyalist at f3, loyal at
    // r4 f2–3 m2–4, promising at r4); lost = r1 minus the cells cant_lose/at_risk/need_attention
    // took (25 − 11).
    expect(Object.fromEntries(wins)).toEqual({
      champions: 1,
      potential_loyalist: 35,
      loyal: 15,
      promising: 8,
      new: 15,
      cant_lose: 6,
      at_risk: 7,
      need_attention: 4,
      about_to_sleep: 10,
      lost: 14,
      others: 10,
    });
  });

  it('uses inclusive ranges within 1..5', () => {
    for (const rule of DEFAULT_SEGMENT_RULES) {
      for (const [lo, hi] of [rule.r, rule.f, rule.m]) {
        expect(lo).toBeGreaterThanOrEqual(1);
        expect(hi).toBeLessThanOrEqual(5);
        expect(lo).toBeLessThanOrEqual(hi);
      }
    }
  });
});

describe('assignSegment', () => {
  it.each([
    [5, 5, 5, 'champions'],
    [4, 4, 4, 'potential_loyalist'],
    [3, 5, 5, 'potential_loyalist'],
    [2, 3, 3, 'loyal'],
    [2, 2, 2, 'loyal'],
    [4, 2, 4, 'loyal'],
    [3, 1, 3, 'promising'],
    [5, 1, 1, 'new'],
    [5, 2, 3, 'new'],
    [1, 4, 4, 'cant_lose'],
    [1, 3, 5, 'cant_lose'],
    [1, 5, 5, 'at_risk'],
    [2, 2, 5, 'at_risk'],
    [1, 3, 3, 'need_attention'],
    [3, 1, 1, 'about_to_sleep'],
    [2, 1, 1, 'about_to_sleep'],
    [1, 1, 1, 'lost'],
    [1, 2, 2, 'lost'],
    [1, 1, 5, 'lost'],
    [2, 5, 2, 'others'],
    [5, 5, 1, 'others'],
    [2, 1, 5, 'others'],
  ] as const)('r%i f%i m%i → %s', (r, f, m, segment) => {
    expect(assignSegment(r, f, m)).toBe(segment);
  });

  it('takes custom rules, first match wins, else others', () => {
    const rules: SegmentRule[] = [
      { id: 'champions', r: [3, 3], f: [1, 3], m: [1, 3] },
      { id: 'lost', r: [1, 3], f: [1, 3], m: [1, 3] },
    ];
    expect(assignSegment(3, 2, 2, rules)).toBe('champions');
    expect(assignSegment(2, 2, 2, rules)).toBe('lost');
    expect(assignSegment(4, 2, 2, rules)).toBe('others');
    expect(assignSegment(1, 1, 1, [])).toBe('others');
  });
});

describe('SEGMENT_ORDER', () => {
  it('lists every segment once, others last', () => {
    expect(new Set(SEGMENT_ORDER).size).toBe(11);
    expect(SEGMENT_ORDER.at(-1)).toBe('others');
    for (const rule of DEFAULT_SEGMENT_RULES) expect(SEGMENT_ORDER).toContain(rule.id);
  });
});
