import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_RULES } from './segments';
import {
  analyzeRules,
  firstMatch,
  insertRule,
  moveRule,
  removeRule,
  replaceRule,
  rulesFromDefault,
  scaleScore,
  validateRule,
  type EditableRule,
} from './segmentRules';

const rule = (
  id: string,
  r: [number, number],
  f: [number, number],
  m: [number, number],
  name?: string,
): EditableRule => (name === undefined ? { id, r, f, m } : { id, name, r, f, m });

describe('validateRule', () => {
  it.each([
    ['built-in id, no name', rule('loyal', [2, 5], [3, 5], [3, 5]), 5],
    ['user id with name', rule('vip', [1, 3], [3, 3], [2, 3], 'VIP'), 3],
    ['single-score ranges', rule('lost', [1, 1], [1, 1], [1, 1]), 3],
    ['full 4-bin ranges', rule('x', [1, 4], [1, 4], [1, 4], 'All'), 4],
  ])('accepts %s', (_label, input, bins) => {
    expect(validateRule(input, bins)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['low > high in r', rule('loyal', [3, 2], [1, 5], [1, 5]), 5, 'empty_range'],
    ['low > high in m', rule('loyal', [1, 5], [1, 5], [5, 4]), 5, 'empty_range'],
    ['empty range beats out of bins', rule('loyal', [7, 6], [1, 5], [1, 5]), 5, 'empty_range'],
    ['zero', rule('loyal', [0, 2], [1, 5], [1, 5]), 5, 'out_of_bins'],
    ['6 with 5 bins', rule('loyal', [1, 5], [1, 6], [1, 5]), 5, 'out_of_bins'],
    ['4 with 3 bins', rule('loyal', [1, 3], [1, 3], [4, 4]), 3, 'out_of_bins'],
    ['fraction', rule('loyal', [1.5, 2], [1, 3], [1, 3]), 3, 'out_of_bins'],
    ['NaN', rule('loyal', [Number.NaN, 2], [1, 3], [1, 3]), 3, 'out_of_bins'],
    ['user id without name', rule('vip', [1, 3], [1, 3], [1, 3]), 3, 'missing_name'],
    ['user id, blank name', rule('vip', [1, 3], [1, 3], [1, 3], '  '), 3, 'missing_name'],
    // 'others' means "no rule matched", so it gets no built-in label as a rule.
    ['others without name', rule('others', [1, 3], [1, 3], [1, 3]), 3, 'missing_name'],
  ] as const)('rejects %s', (_label, input, bins, reason) => {
    expect(validateRule(input, bins)).toEqual({ ok: false, reason });
  });

  it('trims the name and returns a copy', () => {
    const input = rule('vip', [1, 2], [1, 2], [1, 2], '  VIP  ');
    const result = validateRule(input, 3);
    expect(result).toEqual({ ok: true, value: rule('vip', [1, 2], [1, 2], [1, 2], 'VIP') });
    if (result.ok) {
      result.value.r[0] = 2;
      expect(input.r).toEqual([1, 2]);
    }
  });
});

describe('firstMatch', () => {
  const rules = [rule('a', [2, 3], [1, 3], [1, 3]), rule('b', [1, 3], [1, 3], [1, 3])];
  it.each([
    [3, 1, 1, 'a'],
    [2, 3, 3, 'a'],
    [1, 1, 1, 'b'],
    [4, 1, 1, undefined],
  ])('r%i f%i m%i → %s', (r, f, m, id) => {
    expect(firstMatch(rules, r, f, m)?.id).toBe(id);
  });
});

describe('analyzeRules', () => {
  it('finds no dead rule in the defaults at 5 bins and counts what each wins', () => {
    const result = analyzeRules(rulesFromDefault(), 5);
    expect(result.neverMatches).toEqual([]);
    // By hand, 125 cells: champions = 555 only; potential_loyalist 3·3·4 − 555 = 35; loyal
    // 27 − 12 (r3-4 f3-4 m2-4 taken) = 15; promising 18 − 6 (f3) − 4 (r3-4 f2 m3-4, loyal) = 8;
    // new 30 − 15 (8 at f3, r4 f2 m2-4, r4 f1 m3-5 and r4 f2 m5) = 15; cant_lose 8 − 2 (loyal's r2 f3-4
    // m4) = 6; at_risk 16 − 9 (loyal's r2 m4 ∪ cant_lose) = 7; need_attention: r1 f3-5 m3 and
    // r2 f5 m3 = 4; about_to_sleep 24 − 14 = 10; lost 25 − 11 = 14. Others (10): f4-5 m1 at
    // r2-5, r2 f1 m5, r2 f5 m2.
    expect(result.matchedCells).toEqual({
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
    });
    expect(result.unmatchedCells).toBe(10);
  });

  it('lists every overlapping pair of the defaults with the size of the intersection', () => {
    // Product of the three range intersections, e.g. potential_loyalist ∩ loyal =
    // r3-4 · f3-4 · m2-4 = 12, cant_lose ∩ about_to_sleep = r2 · f3 · m4 = 1. The 21 other
    // pairs are disjoint in some axis (new, r4-5, shares no R with any rule after it).
    expect(analyzeRules(rulesFromDefault(), 5).overlaps).toEqual([
      { a: 'champions', b: 'potential_loyalist', cells: 1 },
      { a: 'potential_loyalist', b: 'loyal', cells: 12 },
      { a: 'potential_loyalist', b: 'promising', cells: 6 },
      { a: 'potential_loyalist', b: 'new', cells: 8 },
      { a: 'potential_loyalist', b: 'need_attention', cells: 9 },
      { a: 'potential_loyalist', b: 'about_to_sleep', cells: 3 },
      { a: 'loyal', b: 'promising', cells: 8 },
      { a: 'loyal', b: 'new', cells: 6 },
      { a: 'loyal', b: 'cant_lose', cells: 2 },
      { a: 'loyal', b: 'at_risk', cells: 3 },
      { a: 'loyal', b: 'need_attention', cells: 8 },
      { a: 'loyal', b: 'about_to_sleep', cells: 12 },
      { a: 'promising', b: 'new', cells: 9 },
      { a: 'promising', b: 'need_attention', cells: 3 },
      { a: 'promising', b: 'about_to_sleep', cells: 6 },
      { a: 'cant_lose', b: 'at_risk', cells: 8 },
      { a: 'cant_lose', b: 'need_attention', cells: 8 },
      { a: 'cant_lose', b: 'about_to_sleep', cells: 1 },
      { a: 'cant_lose', b: 'lost', cells: 4 },
      { a: 'at_risk', b: 'need_attention', cells: 12 },
      { a: 'at_risk', b: 'about_to_sleep', cells: 2 },
      { a: 'at_risk', b: 'lost', cells: 8 },
      { a: 'need_attention', b: 'about_to_sleep', cells: 4 },
      { a: 'need_attention', b: 'lost', cells: 9 },
    ]);
  });

  it('shows that the raw 5-point defaults lose four rules on a 3-bin grid', () => {
    // Grid 1..3: champions and new need r ≥ 4, cant_lose and at_risk m ≥ 4 → cover nothing.
    // potential_loyalist r3 f3 m2-3 = 2; loyal r2-3 f2-3 m2-3 = 8 − 2 = 6; promising r3 f1-3 m3
    // minus f2-3 = 1; need_attention r1-3 f3 m3 minus r2-3 = 1; about_to_sleep r2-3 (18) minus
    // the 9 above = 9; lost r1 (9) minus r1 f3 m3 = 8. Every cell matches: 27 in all.
    const result = analyzeRules(rulesFromDefault(), 3);
    expect(result.neverMatches).toEqual(['champions', 'new', 'cant_lose', 'at_risk']);
    expect(result.matchedCells).toEqual({
      champions: 0,
      potential_loyalist: 2,
      loyal: 6,
      promising: 1,
      new: 0,
      cant_lose: 0,
      at_risk: 0,
      need_attention: 1,
      about_to_sleep: 9,
      lost: 8,
    });
    expect(result.unmatchedCells).toBe(0);
  });

  it.each([
    [
      'a later rule inside an earlier one',
      [rule('a', [1, 3], [1, 3], [1, 3]), rule('b', [1, 1], [1, 1], [1, 1])],
      { overlaps: [{ a: 'a', b: 'b', cells: 1 }], neverMatches: ['b'] },
      { a: 27, b: 0 },
      0,
    ],
    [
      // b = r2-3 f2-3 m1 (4 cells); r2 f2-3 m1 (2) already belong to a.
      'partial overlap',
      [rule('a', [1, 2], [1, 3], [1, 3]), rule('b', [2, 3], [2, 3], [1, 1])],
      { overlaps: [{ a: 'a', b: 'b', cells: 2 }], neverMatches: [] },
      { a: 18, b: 2 },
      27 - 18 - 2,
    ],
    [
      // c (r1-3 f2 m2) is covered by a ∪ b, though by neither alone.
      'shadowed by the union of two earlier rules',
      [
        rule('a', [1, 1], [1, 3], [1, 3]),
        rule('b', [2, 3], [1, 3], [1, 3]),
        rule('c', [1, 3], [2, 2], [2, 2]),
      ],
      {
        overlaps: [
          { a: 'a', b: 'c', cells: 1 },
          { a: 'b', b: 'c', cells: 2 },
        ],
        neverMatches: ['c'],
      },
      { a: 9, b: 18, c: 0 },
      0,
    ],
    [
      'overlap counted regardless of order (narrow rule first)',
      [rule('n', [2, 2], [2, 2], [1, 3]), rule('w', [1, 3], [1, 3], [1, 3])],
      { overlaps: [{ a: 'n', b: 'w', cells: 3 }], neverMatches: [] },
      { n: 3, w: 24 },
      0,
    ],
    [
      'a rule outside the grid covers nothing',
      [rule('x', [4, 5], [1, 3], [1, 3], 'X')],
      { overlaps: [], neverMatches: ['x'] },
      { x: 0 },
      27,
    ],
    ['no rules', [], { overlaps: [], neverMatches: [] }, {}, 27],
  ])('%s (3 bins)', (_label, rules, expected, matchedCells, unmatchedCells) => {
    expect(analyzeRules(rules, 3)).toEqual({ ...expected, matchedCells, unmatchedCells });
  });

  it('clips overlaps to the grid', () => {
    // Both reach r1-5 but on a 4-bin grid they share r1-4 · f2 · m1 = 4 cells.
    const rules = [rule('a', [1, 5], [1, 2], [1, 1]), rule('b', [1, 5], [2, 4], [1, 1])];
    expect(analyzeRules(rules, 4).overlaps).toEqual([{ a: 'a', b: 'b', cells: 4 }]);
  });

  it.each([0, -1, 2.5])('treats bins %s as an empty grid', (bins) => {
    expect(analyzeRules([rule('a', [1, 1], [1, 1], [1, 1])], bins)).toEqual({
      overlaps: [],
      neverMatches: ['a'],
      matchedCells: { a: 0 },
      unmatchedCells: 0,
    });
  });
});

describe('editor helpers', () => {
  const abc = ['a', 'b', 'c'] as const;

  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [2, -2, ['c', 'a', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [1, 5, ['a', 'c', 'b']],
    [1, -5, ['b', 'a', 'c']],
    [1, 0, ['a', 'b', 'c']],
    [3, -1, ['a', 'b', 'c']],
    [-1, 1, ['a', 'b', 'c']],
    [0, 0.5, ['a', 'b', 'c']],
  ])('moveRule(%i, %s)', (index, delta, expected) => {
    const out = moveRule(abc, index, delta);
    expect(out).toEqual(expected);
    expect(out).not.toBe(abc);
    expect(abc).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [0, ['x', 'b', 'c']],
    [2, ['a', 'b', 'x']],
    [3, ['a', 'b', 'c']],
    [-1, ['a', 'b', 'c']],
  ])('replaceRule(%i)', (index, expected) => {
    expect(replaceRule<string>(abc, index, 'x')).toEqual(expected);
    expect(abc).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [0, ['b', 'c']],
    [1, ['a', 'c']],
    [2, ['a', 'b']],
    [3, ['a', 'b', 'c']],
    [1.5, ['a', 'b', 'c']],
  ])('removeRule(%s)', (index, expected) => {
    expect(removeRule(abc, index)).toEqual(expected);
    expect(abc).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [0, ['x', 'a', 'b', 'c']],
    [1, ['a', 'x', 'b', 'c']],
    [3, ['a', 'b', 'c', 'x']],
    [9, ['a', 'b', 'c', 'x']],
    [-2, ['x', 'a', 'b', 'c']],
  ])('insertRule(%i)', (index, expected) => {
    expect(insertRule<string>(abc, index, 'x')).toEqual(expected);
    expect(abc).toEqual(['a', 'b', 'c']);
  });
});

describe('rulesFromDefault', () => {
  it('copies the default table in order', () => {
    expect(rulesFromDefault()).toEqual(DEFAULT_SEGMENT_RULES);
  });

  it('returns copies that can be edited without touching the defaults', () => {
    const rules = rulesFromDefault();
    rules[0]!.r[0] = 1;
    rules[0]!.name = 'Stars';
    expect(DEFAULT_SEGMENT_RULES[0]).toEqual({
      id: 'champions',
      r: [5, 5],
      f: [5, 5],
      m: [5, 5],
    });
    expect(rulesFromDefault()[0]!.r).toEqual([5, 5]);
  });

  it('validates at 5 bins', () => {
    for (const r of rulesFromDefault()) expect(validateRule(r, 5).ok).toBe(true);
  });
});

describe('scaleScore', () => {
  // Pinned copy of rfm.ts toFivePoint: round(1 + (s − 1) · 4 / (bins − 1)), bins 1 → 3.
  it.each([
    [3, [1, 3, 5]],
    // 1 + 4/3 = 2.33 → 2, 1 + 8/3 = 3.67 → 4.
    [4, [1, 2, 4, 5]],
    [5, [1, 2, 3, 4, 5]],
    [2, [1, 5]],
    [1, [3]],
  ])('%i bins → %j', (bins, expected) => {
    const scores = Array.from({ length: bins }, (_, i) => i + 1);
    expect(scores.map((s) => scaleScore(s, bins))).toEqual(expected);
  });
});
