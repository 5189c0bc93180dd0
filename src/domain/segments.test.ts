import { describe, expect, it } from 'vitest';
import { assignSegment, DEFAULT_SEGMENT_RULES, SEGMENT_ORDER, type SegmentRule } from './segments';
import type { SegmentId } from './types';

const SCORES = [1, 2, 3, 4, 5];

describe('DEFAULT_SEGMENT_RULES', () => {
  it('has the ten rfm-package segments, cant_lose before at_risk, new/promising before potential_loyalist', () => {
    const ids = DEFAULT_SEGMENT_RULES.map((r) => r.id);
    expect(ids).toEqual([
      'champions',
      'loyal',
      'new',
      'promising',
      'potential_loyalist',
      'need_attention',
      'about_to_sleep',
      'cant_lose',
      'at_risk',
      'lost',
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
    // Counted by hand from the table, 125 cells in all. E.g. loyal = 4·3·3 − 8 champions;
    // potential_loyalist = 27 − 3 loyal − 2 new − 1 promising; need_attention and
    // about_to_sleep only win at r2 (r3 goes to potential_loyalist); at_risk = 12 at r1
    // (16 − 4 cant_lose) + 4 at r2.
    expect(Object.fromEntries(wins)).toEqual({
      champions: 8,
      loyal: 28,
      new: 2,
      promising: 1,
      potential_loyalist: 21,
      need_attention: 3,
      about_to_sleep: 3,
      cant_lose: 4,
      at_risk: 16,
      lost: 3,
      others: 36,
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
    [4, 4, 4, 'champions'],
    [3, 5, 5, 'loyal'],
    [2, 3, 3, 'loyal'],
    [5, 1, 1, 'new'],
    [4, 1, 1, 'new'],
    [3, 1, 1, 'promising'],
    [5, 2, 3, 'potential_loyalist'],
    [3, 3, 1, 'potential_loyalist'],
    [2, 2, 2, 'need_attention'],
    [2, 3, 2, 'need_attention'],
    [3, 2, 3, 'potential_loyalist'],
    [2, 1, 1, 'about_to_sleep'],
    [2, 1, 2, 'about_to_sleep'],
    [1, 5, 5, 'cant_lose'],
    [1, 4, 4, 'cant_lose'],
    [1, 3, 5, 'at_risk'],
    [2, 5, 2, 'at_risk'],
    [1, 2, 2, 'at_risk'],
    [1, 1, 1, 'lost'],
    [1, 2, 1, 'lost'],
    [1, 1, 5, 'others'],
    [5, 5, 1, 'others'],
    [3, 4, 1, 'others'],
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
