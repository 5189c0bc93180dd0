// Service tiers (seeds 002: classify customers and allocate service resources by class).
// Pure TypeScript: no Svelte, Dexie or DOM here.
//
// Three things live here:
// - the tier definitions and their service level (what each tier is promised), with a check;
// - a suggested tier from ABC class and RFM segment. It is only ever computed: the user's choice
//   is AccountRow.tier, and a suggestion is never written over it (accepting one is a user edit);
// - the capacity summary: the visits the tiers demand per owner (KA manager) against the visits
//   that owner can make.
import type { AbcClass, Result } from './types';

// The same shapes as TierDef / ReviewCadence in db/schema.ts (the domain may not import the db
// layer); TypeScript's structural typing makes the two interchangeable.
export type ReviewCadence = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
/** A service tier and the service level it promises. */
export interface TierDef {
  /** Stored in AccountRow.tier. */
  id: string;
  name: string;
  visitsPerYear: number;
  executiveSponsor: boolean;
  prioritySupply: boolean;
  reviewCadence: ReviewCadence;
}

export const REVIEW_CADENCES: readonly ReviewCadence[] = [
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
];

/** The four tiers a workspace starts with, highest service first. */
export const DEFAULT_TIER_IDS = ['strategic', 'key', 'growth', 'maintain'] as const;
export type DefaultTierId = (typeof DEFAULT_TIER_IDS)[number];

/**
 * Names: the defaults carry their English name so stored lists are always complete. A default
 * tier whose stored name is empty or still equals this English name is shown with its catalog
 * name (`tier.<id>`, e.g. 战略客户), so it follows the UI language; once the user types another
 * name, that name is shown as typed. Tiers the user adds always show their own name.
 *
 * Service levels: a strategic account is seen twice a month, has an executive sponsor (seeds 001
 * no. 5, executive visits), priority supply (001 no. 1) and a monthly review; the levels step down
 * from there to a yearly review and two visits for accounts we maintain.
 */
export const DEFAULT_TIERS: readonly TierDef[] = Object.freeze([
  {
    id: 'strategic',
    name: 'Strategic',
    visitsPerYear: 24,
    executiveSponsor: true,
    prioritySupply: true,
    reviewCadence: 'monthly',
  },
  {
    id: 'key',
    name: 'Key',
    visitsPerYear: 12,
    executiveSponsor: true,
    prioritySupply: true,
    reviewCadence: 'quarterly',
  },
  {
    id: 'growth',
    name: 'Growth',
    visitsPerYear: 6,
    executiveSponsor: false,
    prioritySupply: false,
    reviewCadence: 'half-yearly',
  },
  {
    id: 'maintain',
    name: 'Maintain',
    visitsPerYear: 2,
    executiveSponsor: false,
    prioritySupply: false,
    reviewCadence: 'yearly',
  },
] satisfies TierDef[]);

export const TIER_ID_PATTERN = /^[a-z][a-z0-9_-]{0,30}$/;
export const MAX_TIERS = 20;
export const MAX_TIER_NAME = 60;
export const MAX_VISITS_PER_YEAR = 365;
/** An owner's own visits per year: generous, it only guards against typing slips. */
export const MAX_OWNER_CAPACITY = 10_000;

export const isDefaultTierId = (id: string): id is DefaultTierId =>
  (DEFAULT_TIER_IDS as readonly string[]).includes(id);

/** The English name a default tier starts with; undefined for other ids. */
export const defaultTierName = (id: string): string | undefined =>
  DEFAULT_TIERS.find((tier) => tier.id === id)?.name;

/** A fresh copy of the defaults (the constant is frozen and shared). */
export const defaultTiers = (): TierDef[] => DEFAULT_TIERS.map((tier) => ({ ...tier }));

export type TierProblem =
  | { kind: 'none' }
  | { kind: 'too_many'; max: number }
  | { kind: 'bad_id'; index: number }
  | { kind: 'duplicate_id'; index: number }
  | { kind: 'missing_name'; index: number }
  | { kind: 'long_name'; index: number; max: number }
  | { kind: 'bad_visits'; index: number; max: number }
  | { kind: 'bad_flag'; index: number }
  | { kind: 'bad_cadence'; index: number };

/**
 * Checks a tier list as a whole; the first problem wins, rows top to bottom. On success the value
 * is a clean copy: names trimmed, only the TierDef fields kept. At least one tier is required
 * (with none, every account would be "unknown" and nothing could be suggested).
 */
export function checkTiers(tiers: readonly TierDef[]): Result<TierDef[], TierProblem> {
  if (tiers.length === 0) return { ok: false, reason: { kind: 'none' } };
  if (tiers.length > MAX_TIERS) return { ok: false, reason: { kind: 'too_many', max: MAX_TIERS } };
  const seen = new Set<string>();
  const value: TierDef[] = [];
  for (const [index, tier] of tiers.entries()) {
    if (typeof tier.id !== 'string' || !TIER_ID_PATTERN.test(tier.id)) {
      return { ok: false, reason: { kind: 'bad_id', index } };
    }
    if (seen.has(tier.id)) return { ok: false, reason: { kind: 'duplicate_id', index } };
    seen.add(tier.id);
    const name = typeof tier.name === 'string' ? tier.name.trim() : '';
    if (name === '') return { ok: false, reason: { kind: 'missing_name', index } };
    if (name.length > MAX_TIER_NAME) {
      return { ok: false, reason: { kind: 'long_name', index, max: MAX_TIER_NAME } };
    }
    const visits = tier.visitsPerYear;
    if (!Number.isInteger(visits) || visits < 0 || visits > MAX_VISITS_PER_YEAR) {
      return { ok: false, reason: { kind: 'bad_visits', index, max: MAX_VISITS_PER_YEAR } };
    }
    if (typeof tier.executiveSponsor !== 'boolean' || typeof tier.prioritySupply !== 'boolean') {
      return { ok: false, reason: { kind: 'bad_flag', index } };
    }
    if (!REVIEW_CADENCES.includes(tier.reviewCadence)) {
      return { ok: false, reason: { kind: 'bad_cadence', index } };
    }
    value.push({
      id: tier.id,
      name,
      visitsPerYear: visits,
      executiveSponsor: tier.executiveSponsor,
      prioritySupply: tier.prioritySupply,
      reviewCadence: tier.reviewCadence,
    });
  }
  return { ok: true, value };
}

/**
 * The workspace's tiers: the defaults when none are stored (WorkspaceRow.tiers absent). A stored
 * list that fails `checkTiers` (only possible if the database was edited by hand) also falls back
 * to the defaults as a whole, so the screens never show half a list.
 */
export function tiersFrom(stored: readonly TierDef[] | null | undefined): TierDef[] {
  if (!Array.isArray(stored)) return defaultTiers();
  const checked = checkTiers(stored);
  return checked.ok ? checked.value : defaultTiers();
}

/**
 * The name to show for a tier id (the grid's tier column, the capacity summary):
 * - '' (no tier chosen) → '';
 * - a default id whose stored name is empty or the default English name → the catalog name;
 * - a defined tier → its stored name;
 * - an id no longer defined → the catalog name for a default id, else the id itself.
 */
export function tierName(
  id: string,
  tiers: readonly TierDef[],
  tDynamic: (key: string) => string,
): string {
  if (id === '') return '';
  const tier = tiers.find((candidate) => candidate.id === id);
  const name = tier?.name.trim() ?? '';
  if (isDefaultTierId(id) && (name === '' || name === defaultTierName(id))) {
    return tDynamic(`tier.${id}`);
  }
  return name === '' ? id : name;
}

/** Segments that mark an A account as strategic: its best customers and those we cannot lose. */
export const STRATEGIC_SEGMENTS: readonly string[] = [
  'champions',
  'loyal',
  'potential_loyalist',
  'cant_lose',
];
/** Segments that mark a B account as one to grow: good or rising buying behaviour. */
export const GROWTH_SEGMENTS: readonly string[] = [
  'champions',
  'loyal',
  'potential_loyalist',
  'promising',
  'new',
];

/**
 * The tier the figures suggest, as a tier id; null when there is nothing to go on.
 *
 * Rule (ABC is revenue share, the pillar per seeds 003; the RFM segment says how the account buys):
 * - no orders in the analysis window (abc null) → null;
 * - A and segment in STRATEGIC_SEGMENTS → 'strategic'; other A → 'key';
 * - B and segment in GROWTH_SEGMENTS → 'growth'; other B, and every C → 'maintain'.
 * Segments the user added with own rules count as neither list.
 *
 * When the workspace's tiers no longer define the suggested id, the last tier is suggested (tiers
 * are listed highest service first, so the last one promises least and overcommits nobody);
 * with no tiers at all, null.
 */
export function suggestTier(
  abc: AbcClass | null,
  segment: string | null,
  tiers: readonly TierDef[],
): string | null {
  if (abc === null) return null;
  const seg = segment ?? '';
  let id: DefaultTierId;
  if (abc === 'A') id = STRATEGIC_SEGMENTS.includes(seg) ? 'strategic' : 'key';
  else if (abc === 'B') id = GROWTH_SEGMENTS.includes(seg) ? 'growth' : 'maintain';
  else id = 'maintain';
  if (tiers.some((tier) => tier.id === id)) return id;
  return tiers.at(-1)?.id ?? null;
}

/** One owner's line (or the totals) in the capacity summary. */
export interface CapacityLine {
  /** The owner as written in AccountRow.owner; '' = accounts without an owner (and the totals). */
  owner: string;
  accounts: number;
  /** Accounts per defined tier id; every defined tier is present, 0 included. */
  byTier: Record<string, number>;
  /** Accounts with no tier chosen (tier ''); they demand no visits. */
  unassigned: number;
  /** Accounts whose tier id is not defined any more; they demand no visits. */
  unknown: number;
  /** Visits per year the accounts' tiers promise. */
  demanded: number;
  /** Visits per year the owner can make; null when not set (and always for no owner). */
  capacity: number | null;
  /** capacity − demanded; negative = over capacity; null when capacity is null. */
  gap: number | null;
  over: boolean;
}

export interface CapacitySummary {
  /** Owners by name (code-point order, so the result does not depend on the locale); '' last. */
  owners: CapacityLine[];
  /**
   * Sums over all owners, accounts without an owner included (their visits are demanded too,
   * even if nobody makes them yet). Its capacity is the sum of the capacities that are set (null
   * when none is). Its gap and `over` are only given when every named owner has a capacity:
   * otherwise capacity and demand would not cover the same people (gap null, over false).
   */
  total: CapacityLine;
  /** Named owners (not '') whose capacity is set / who are over it. */
  ownersWithCapacity: number;
  ownersOver: number;
}

function emptyLine(owner: string, tiers: readonly TierDef[]): CapacityLine {
  return {
    owner,
    accounts: 0,
    byTier: Object.fromEntries(tiers.map((tier) => [tier.id, 0])),
    unassigned: 0,
    unknown: 0,
    demanded: 0,
    capacity: null,
    gap: null,
    over: false,
  };
}

function withCapacity(line: CapacityLine, capacity: number | null): CapacityLine {
  const gap = capacity === null ? null : capacity - line.demanded;
  return { ...line, capacity, gap, over: gap !== null && gap < 0 };
}

/**
 * Accounts per tier and visits demanded per owner, against what each owner can make. Owners are
 * those found in the accounts (trimmed); `ownerCapacity` entries for anybody else are ignored, and
 * entries that are not finite non-negative numbers count as not set.
 */
export function capacitySummary(
  accounts: readonly { owner: string; tier: string }[],
  tiers: readonly TierDef[],
  ownerCapacity: Readonly<Record<string, number>> | null | undefined,
): CapacitySummary {
  const visits = new Map(tiers.map((tier) => [tier.id, tier.visitsPerYear]));
  const lines = new Map<string, CapacityLine>();
  const total = emptyLine('', tiers);
  for (const account of accounts) {
    const owner = account.owner.trim();
    let line = lines.get(owner);
    if (!line) {
      line = emptyLine(owner, tiers);
      lines.set(owner, line);
    }
    for (const target of [line, total]) {
      target.accounts += 1;
      if (account.tier === '') target.unassigned += 1;
      else if (visits.has(account.tier)) {
        target.byTier[account.tier] = (target.byTier[account.tier] ?? 0) + 1;
        target.demanded += visits.get(account.tier) ?? 0;
      } else target.unknown += 1;
    }
  }
  const capacityOf = (owner: string): number | null => {
    if (owner === '' || !ownerCapacity || !Object.hasOwn(ownerCapacity, owner)) return null;
    const value = ownerCapacity[owner];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  };
  const owners = [...lines.values()]
    .map((line) => withCapacity(line, capacityOf(line.owner)))
    .sort((a, b) => {
      if (a.owner === '' || b.owner === '') return a.owner === '' ? 1 : -1;
      return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
    });
  const named = owners.filter((line) => line.owner !== '');
  const set = named.filter((line) => line.capacity !== null);
  const totalCapacity =
    set.length === 0 ? null : set.reduce((sum, line) => sum + (line.capacity ?? 0), 0);
  const complete = set.length > 0 && set.length === named.length;
  return {
    owners,
    total: complete
      ? withCapacity(total, totalCapacity)
      : { ...total, capacity: totalCapacity, gap: null, over: false },
    ownersWithCapacity: set.length,
    ownersOver: named.filter((line) => line.over).length,
  };
}

export type CapacityProblem = { kind: 'bad_capacity'; owner: string; max: number };

/**
 * Checks owner capacities as typed: whole visits per year, 0 to MAX_OWNER_CAPACITY. Owners with
 * an empty name are dropped (nobody can make their visits). The value is a clean copy.
 */
export function checkOwnerCapacity(
  capacity: Readonly<Record<string, number>>,
): Result<Record<string, number>, CapacityProblem> {
  const value: Record<string, number> = {};
  for (const [rawOwner, visits] of Object.entries(capacity)) {
    const owner = rawOwner.trim();
    if (owner === '') continue;
    if (!Number.isInteger(visits) || visits < 0 || visits > MAX_OWNER_CAPACITY) {
      return { ok: false, reason: { kind: 'bad_capacity', owner, max: MAX_OWNER_CAPACITY } };
    }
    value[owner] = visits;
  }
  return { ok: true, value };
}
