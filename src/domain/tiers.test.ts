import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERS,
  capacitySummary,
  checkOwnerCapacity,
  checkTiers,
  defaultTiers,
  suggestTier,
  tierName,
  tiersFrom,
  type CapacityLine,
  type TierDef,
} from './tiers';
import type { AbcClass } from './types';

const tier = (id: string, visitsPerYear: number, name = id.toUpperCase()): TierDef => ({
  id,
  name,
  visitsPerYear,
  executiveSponsor: false,
  prioritySupply: false,
  reviewCadence: 'yearly',
});

describe('DEFAULT_TIERS', () => {
  it('are the four tiers of AccountRow.tier, highest service first, and pass the check', () => {
    expect(DEFAULT_TIERS.map((t) => t.id)).toEqual(['strategic', 'key', 'growth', 'maintain']);
    expect(DEFAULT_TIERS.map((t) => t.visitsPerYear)).toEqual([24, 12, 6, 2]);
    expect(DEFAULT_TIERS.map((t) => t.reviewCadence)).toEqual([
      'monthly',
      'quarterly',
      'half-yearly',
      'yearly',
    ]);
    expect(checkTiers(DEFAULT_TIERS)).toEqual({ ok: true, value: defaultTiers() });
  });

  it('hands out copies, so editing one never changes the defaults', () => {
    const copy = defaultTiers();
    copy[0]!.visitsPerYear = 99;
    expect(DEFAULT_TIERS[0]!.visitsPerYear).toBe(24);
    expect(Object.isFrozen(DEFAULT_TIERS)).toBe(true);
  });
});

describe('checkTiers', () => {
  const ok = [tier('a', 1), tier('b', 2)];
  const change = (index: number, patch: Partial<TierDef>): TierDef[] =>
    ok.map((t, i) => (i === index ? ({ ...t, ...patch } as TierDef) : t));

  it.each([
    ['no tiers', [], { kind: 'none' }],
    [
      '21 tiers',
      Array.from({ length: 21 }, (_, i) => tier(`t${i}`, 1)),
      { kind: 'too_many', max: 20 },
    ],
    ['empty id', change(1, { id: '' }), { kind: 'bad_id', index: 1 }],
    ['id with capitals', change(0, { id: 'Key' }), { kind: 'bad_id', index: 0 }],
    ['id starting with a digit', change(0, { id: '1st' }), { kind: 'bad_id', index: 0 }],
    ['id of 32 characters', change(0, { id: 'a'.repeat(32) }), { kind: 'bad_id', index: 0 }],
    ['id with a space', change(0, { id: 'a b' }), { kind: 'bad_id', index: 0 }],
    ['repeated id', change(1, { id: 'a' }), { kind: 'duplicate_id', index: 1 }],
    ['blank name', change(1, { name: '   ' }), { kind: 'missing_name', index: 1 }],
    [
      'name of 61 characters',
      change(0, { name: 'x'.repeat(61) }),
      { kind: 'long_name', index: 0, max: 60 },
    ],
    [
      'negative visits',
      change(0, { visitsPerYear: -1 }),
      { kind: 'bad_visits', index: 0, max: 365 },
    ],
    ['366 visits', change(0, { visitsPerYear: 366 }), { kind: 'bad_visits', index: 0, max: 365 }],
    ['1.5 visits', change(1, { visitsPerYear: 1.5 }), { kind: 'bad_visits', index: 1, max: 365 }],
    [
      'NaN visits (empty input)',
      change(1, { visitsPerYear: NaN }),
      { kind: 'bad_visits', index: 1, max: 365 },
    ],
    [
      'a flag that is not a boolean',
      change(0, { executiveSponsor: 'yes' as unknown as boolean }),
      { kind: 'bad_flag', index: 0 },
    ],
    [
      'an unknown cadence',
      change(0, { reviewCadence: 'weekly' as TierDef['reviewCadence'] }),
      { kind: 'bad_cadence', index: 0 },
    ],
  ])('refuses %s', (_, tiers, reason) => {
    expect(checkTiers(tiers)).toEqual({ ok: false, reason });
  });

  it.each([
    ['0 and 365 visits', change(0, { visitsPerYear: 0 }).concat(tier('c', 365))],
    ['ids of 1 and 31 characters with - and _', [tier('z', 1), tier(`a${'b_-9'.repeat(7)}xy`, 1)]],
  ])('accepts %s', (_, tiers) => {
    expect(checkTiers(tiers).ok).toBe(true);
  });

  it('trims names and keeps only the tier fields', () => {
    const extra = { ...tier('a', 3, '  Gold  '), colour: 'gold' } as TierDef;
    expect(checkTiers([extra])).toEqual({ ok: true, value: [tier('a', 3, 'Gold')] });
  });
});

describe('tiersFrom', () => {
  const mine = [tier('gold', 10), tier('silver', 4)];
  it.each([
    ['absent', undefined, defaultTiers()],
    ['null', null, defaultTiers()],
    ['a valid list', mine, mine],
    ['an empty list (fails the check)', [], defaultTiers()],
    ['a list with a broken tier', [tier('gold', 10), tier('gold', 4)], defaultTiers()],
  ])('%s → %j', (_, stored, expected) => {
    expect(tiersFrom(stored)).toEqual(expected);
  });
});

describe('tierName', () => {
  const catalog: Record<string, string> = { 'tier.strategic': '战略客户', 'tier.key': '重点客户' };
  const tDynamic = (key: string) => catalog[key] ?? key;
  const tiers = [
    { ...DEFAULT_TIERS[0]! },
    { ...DEFAULT_TIERS[1]!, name: 'Top accounts' },
    tier('gold', 10, 'Gold'),
  ];
  it.each([
    ['no tier', '', ''],
    ['a default still named as shipped', 'strategic', '战略客户'],
    ['a default the user renamed', 'key', 'Top accounts'],
    ['a tier the user added', 'gold', 'Gold'],
    ['a removed default', 'growth', 'tier.growth'],
    ['an id nobody defines', 'old-tier', 'old-tier'],
  ])('%s (%s) → %s', (_, id, expected) => {
    expect(tierName(id, tiers, tDynamic)).toBe(expected);
  });

  it('shows the catalog name for a default whose stored name is empty', () => {
    expect(tierName('key', [{ ...DEFAULT_TIERS[1]!, name: '' }], tDynamic)).toBe('重点客户');
  });
});

describe('suggestTier', () => {
  const all = defaultTiers();
  it.each<[AbcClass | null, string | null, string | null]>([
    [null, null, null],
    [null, 'champions', null],
    ['A', 'champions', 'strategic'],
    ['A', 'loyal', 'strategic'],
    ['A', 'potential_loyalist', 'strategic'],
    ['A', 'cant_lose', 'strategic'],
    ['A', 'at_risk', 'key'],
    ['A', 'new', 'key'],
    ['A', 'others', 'key'],
    ['A', 'custom-1', 'key'],
    ['A', null, 'key'],
    ['B', 'champions', 'growth'],
    ['B', 'promising', 'growth'],
    ['B', 'new', 'growth'],
    ['B', 'cant_lose', 'maintain'],
    ['B', 'lost', 'maintain'],
    ['C', 'champions', 'maintain'],
    ['C', null, 'maintain'],
  ])('%s + %s → %s', (abc, segment, expected) => {
    expect(suggestTier(abc, segment, all)).toBe(expected);
  });

  it.each([
    ['the suggested id is gone: the last tier', [tier('gold', 10), tier('bronze', 1)], 'bronze'],
    ['the suggested id is still there', [tier('strategic', 10), tier('bronze', 1)], 'strategic'],
    ['no tiers at all', [], null],
  ])('%s', (_, tiers, expected) => {
    expect(suggestTier('A', 'champions', tiers)).toBe(expected);
  });
});

describe('capacitySummary', () => {
  // Visits: strategic 24, key 12, growth 6, maintain 2.
  const tiers = defaultTiers();
  const zeroTiers = { strategic: 0, key: 0, growth: 0, maintain: 0 };
  const line = (patch: Partial<CapacityLine>): CapacityLine => ({
    owner: '',
    accounts: 0,
    byTier: { ...zeroTiers },
    unassigned: 0,
    unknown: 0,
    demanded: 0,
    capacity: null,
    gap: null,
    over: false,
    ...patch,
  });

  const accounts = [
    { owner: 'Li Na', tier: 'strategic' },
    { owner: 'Li Na', tier: 'strategic' },
    { owner: 'Li Na', tier: 'key' },
    { owner: ' Li Na ', tier: 'maintain' },
    { owner: '王磊', tier: 'growth' },
    { owner: '王磊', tier: '' },
    { owner: '王磊', tier: 'platinum' },
    { owner: '', tier: 'key' },
    { owner: 'Anna', tier: 'maintain' },
  ];

  it('counts accounts per tier and visits per owner, against each capacity', () => {
    // Li Na: 24 + 24 + 12 + 2 = 62 against 60 → 2 short. 王磊: 6 against 100 → 94 spare.
    // Anna: 2, capacity not set. No owner: 12, nobody to make them.
    const summary = capacitySummary(accounts, tiers, { 'Li Na': 60, 王磊: 100, Nobody: 30 });
    expect(summary.owners).toEqual([
      line({
        owner: 'Anna',
        accounts: 1,
        byTier: { ...zeroTiers, maintain: 1 },
        demanded: 2,
      }),
      line({
        owner: 'Li Na',
        accounts: 4,
        byTier: { strategic: 2, key: 1, growth: 0, maintain: 1 },
        demanded: 62,
        capacity: 60,
        gap: -2,
        over: true,
      }),
      line({
        owner: '王磊',
        accounts: 3,
        byTier: { ...zeroTiers, growth: 1 },
        unassigned: 1,
        unknown: 1,
        demanded: 6,
        capacity: 100,
        gap: 94,
      }),
      line({ owner: '', accounts: 1, byTier: { ...zeroTiers, key: 1 }, demanded: 12 }),
    ]);
    // Totals: 62 + 6 + 2 + 12 = 82 demanded; capacity 60 + 100 (Nobody has no accounts). Anna
    // has no capacity, so the total has no gap: capacity and demand would cover other people.
    const totals = line({
      accounts: 9,
      byTier: { strategic: 2, key: 2, growth: 1, maintain: 2 },
      unassigned: 1,
      unknown: 1,
      demanded: 82,
      capacity: 160,
    });
    expect(summary.total).toEqual(totals);
    expect(summary.ownersWithCapacity).toBe(2);
    expect(summary.ownersOver).toBe(1);

    // Anna at 20: every named owner has a capacity, 180 against 82 (the 12 visits of the
    // account without an owner included) → 98 spare.
    const complete = capacitySummary(accounts, tiers, { 'Li Na': 60, 王磊: 100, Anna: 20 });
    expect(complete.total).toEqual({ ...totals, capacity: 180, gap: 98 });
    expect(complete.ownersWithCapacity).toBe(3);
    // All three at 0: over by the whole 82.
    const none = capacitySummary(accounts, tiers, { 'Li Na': 0, 王磊: 0, Anna: 0 });
    expect(none.total).toEqual({ ...totals, capacity: 0, gap: -82, over: true });
    expect(none.ownersOver).toBe(3);
  });

  it.each([
    ['exactly at capacity is not over', { A: 26 }, { capacity: 26, gap: 0, over: false }],
    ['one visit short is over', { A: 25 }, { capacity: 25, gap: -1, over: true }],
    ['zero capacity', { A: 0 }, { capacity: 0, gap: -26, over: true }],
    ['not set', {}, { capacity: null, gap: null, over: false }],
    ['no map at all', undefined, { capacity: null, gap: null, over: false }],
    ['a broken entry counts as not set', { A: NaN }, { capacity: null, gap: null, over: false }],
  ])('%s', (_, capacity, expected) => {
    const summary = capacitySummary(
      [
        { owner: 'A', tier: 'strategic' },
        { owner: 'A', tier: 'maintain' },
      ],
      tiers,
      capacity,
    );
    expect(summary.owners[0]).toMatchObject({ owner: 'A', demanded: 26, ...expected });
    expect(summary.total).toMatchObject({ demanded: 26, ...expected });
  });

  it('follows edited tiers: removed ones count as unknown, new visits as typed', () => {
    const edited = [tier('strategic', 30), tier('gold', 5)];
    const summary = capacitySummary(
      [
        { owner: 'A', tier: 'strategic' },
        { owner: 'A', tier: 'gold' },
        { owner: 'A', tier: 'key' },
      ],
      edited,
      { A: 40 },
    );
    expect(summary.owners).toEqual([
      line({
        owner: 'A',
        accounts: 3,
        byTier: { strategic: 1, gold: 1 },
        unknown: 1,
        demanded: 35,
        capacity: 40,
        gap: 5,
      }),
    ]);
  });

  it('is empty without accounts', () => {
    expect(capacitySummary([], tiers, { A: 10 })).toEqual({
      owners: [],
      total: line({}),
      ownersWithCapacity: 0,
      ownersOver: 0,
    });
  });

  it('gives no total gap when only accounts without an owner exist', () => {
    const summary = capacitySummary([{ owner: '', tier: 'key' }], tiers, {});
    expect(summary.total).toEqual(
      line({ accounts: 1, byTier: { ...zeroTiers, key: 1 }, demanded: 12 }),
    );
  });
});

describe('checkOwnerCapacity', () => {
  it.each([
    [
      'whole visits from 0 to 10,000',
      { A: 0, B: 10_000 },
      { ok: true, value: { A: 0, B: 10_000 } },
    ],
    ['names trimmed, a blank owner dropped', { ' A ': 5, ' ': 3 }, { ok: true, value: { A: 5 } }],
    [
      'negative',
      { A: -1 },
      { ok: false, reason: { kind: 'bad_capacity', owner: 'A', max: 10_000 } },
    ],
    [
      'a fraction',
      { A: 2.5 },
      { ok: false, reason: { kind: 'bad_capacity', owner: 'A', max: 10_000 } },
    ],
    [
      'too many',
      { B: 10_001 },
      { ok: false, reason: { kind: 'bad_capacity', owner: 'B', max: 10_000 } },
    ],
    [
      'empty input (NaN)',
      { B: NaN },
      { ok: false, reason: { kind: 'bad_capacity', owner: 'B', max: 10_000 } },
    ],
  ])('%s', (_, capacity, expected) => {
    expect(checkOwnerCapacity(capacity)).toEqual(expected);
  });
});
