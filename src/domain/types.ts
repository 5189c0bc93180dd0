// Core value types shared by every layer. Pure TypeScript: no Svelte, Dexie or DOM here.

/** Calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Money as an integer count of minor units (e.g. fen / cents). Sums stay exact below 2^53. */
export type MinorUnits = number;

/** Result at a boundary: parsers return this instead of throwing. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; reason: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E = string>(reason: E): { ok: false; reason: E } => ({ ok: false, reason });

export type AbcClass = 'A' | 'B' | 'C';

/** One account's purchase history boiled down for RFM / Pareto. */
export interface AccountActivity {
  accountId: number;
  firstOrderDate: IsoDate;
  lastOrderDate: IsoDate;
  /** Distinct orders (by order id, or by row when no id). */
  orderCount: number;
  /** Net revenue in minor units (returns netted). */
  revenueMinor: MinorUnits;
}

/** A single order line as the domain sees it. */
export interface OrderFact {
  accountId: number;
  orderNo: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  /** Cost of the line when the export has one (margin = amount − cost). */
  costMinor?: MinorUnits | null;
}

export type SegmentId =
  | 'champions'
  | 'potential_loyalist'
  | 'loyal'
  | 'promising'
  | 'new'
  | 'cant_lose'
  | 'at_risk'
  | 'need_attention'
  | 'about_to_sleep'
  | 'lost'
  | 'others';

export interface RfmScore {
  accountId: number;
  recencyDays: number;
  frequency: number;
  monetaryMinor: MinorUnits;
  r: number;
  f: number;
  m: number;
  /** A built-in SegmentId, or the id of a rule the user added. */
  segment: string;
}

export interface ParetoEntry {
  accountId: number;
  valueMinor: MinorUnits;
  /** 1-based rank, largest value first. */
  rank: number;
  /** This account's share of the positive total, 0..1. */
  share: number;
  /** Cumulative share including this account, 0..1. */
  cumulativeShare: number;
  abc: AbcClass;
}

export interface ParetoResult {
  entries: ParetoEntry[];
  totalMinor: MinorUnits;
  /** Accounts needed to reach the A cut-off (default 80%). */
  countForA: number;
  /** countForA / number of accounts, 0..1. */
  shareOfAccountsForA: number;
}

export type PlanStatus = 'draft' | 'in_review' | 'approved' | 'closed';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

/** The ten management measures of the seeds (001), used as action templates. */
export const MEASURE_IDS = [
  'priority_supply',
  'frontline_support',
  'new_product_trial',
  'pr_support',
  'executive_visits',
  'joint_promotion',
  'sales_feedback',
  'incentives',
  'sales_data_exchange',
  'annual_symposium',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** The written sections of an annual key-account plan (seeds 001, section 3). */
export interface PlanSections {
  financialNotes: string;
  valueChain: string;
  buyingProcess: string;
  competitors: string;
  goals: string;
}

/** A value of one of the user's own account fields. */
export type CustomValue = string | number | boolean | null;

/** A column the user adds to the accounts grid. Values live in the account's `custom[id]`. */
export type CustomFieldType = 'text' | 'number' | 'date' | 'choice' | 'yesno';
export interface CustomFieldDef {
  /** Stable: renaming a field keeps its id, so values and saved views keep working. */
  id: string;
  name: string;
  type: CustomFieldType;
  /** For 'choice': the allowed values, in order. */
  choices?: string[];
}
