// Row types stored in IndexedDB. Kept apart from db.ts so workers and tests can import them cheaply.
import type { AnalysisSettings } from '../domain/analysisSettings';
import type {
  CustomFieldDef,
  CustomFieldType,
  CustomValue,
  ActionStatus,
  IsoDate,
  MinorUnits,
  PlanSections,
  PlanStatus,
} from '../domain/types';
import type { ActionMeasure, AntiChurnId, PlanDoc } from '../domain/planDoc';

/** The five free-text sections plans had before v4; only the v4 upgrade still reads them. */
export type { PlanSections };
export type { ActionMeasure, AntiChurnId, PlanDoc };

// v3: the user's own account fields (definitions on the workspace, values on accounts).
export type { CustomFieldDef, CustomFieldType, CustomValue };

// v3: service tiers (seeds 002); the shape is the domain's.
export type { ReviewCadence, TierDef } from '../domain/tiers';
import type { TierDef } from '../domain/tiers';

export interface WorkspaceRow {
  id?: number;
  name: string;
  /** ISO 4217, e.g. CNY. */
  currency: string;
  /** BCP 47 locale for numbers and dates, e.g. zh-CN. */
  locale: string;
  /** 1 = January. */
  fiscalYearStartMonth: number;
  createdAt: string;
  isDemo: boolean;
  /**
   * Analysis settings as saved; older versions kept only bins and cut-offs, so read them through
   * `settingsFrom`, which fills the rest from the defaults.
   */
  analysis?: Partial<AnalysisSettings>;
  /** v3: the user's own account columns, in display order. */
  customFields?: CustomFieldDef[];
  /** v3: tier definitions; absent = the defaults (domain/tiers). */
  tiers?: TierDef[];
  /** v3: visits per year each owner (KA manager) can make, for the capacity summary. */
  ownerCapacity?: Record<string, number>;
  /** When the workspace was last saved in a backup file (ISO); absent = never. Unindexed. */
  lastBackupAt?: string;
}

/** Field id → column index (null = not in the file). Field ids per kind live in io/fields. */
export type ColumnMapping = Record<string, number | null>;

export type ImportKind = 'orders' | 'accounts' | 'contacts';
export type ImportStatus = 'running' | 'done';

/** How the file was read, kept so a later import of the same layout can reuse it. */
export interface ImportSettings {
  encoding: string;
  delimiter: string;
  /** Index of the header record; null when the file has none. */
  headerRow: number | null;
  /** Per mapped column: decimal separator and date order. */
  formats: Record<
    string,
    { decimal: '.' | ','; dateOrder: 'ymd' | 'dmy' | 'mdy'; excelSerial: boolean }
  >;
  cancelPrefix: string;
  keepCustom: boolean;
  skipDuplicates: boolean;
}

export interface ImportRow {
  id?: number;
  workspaceId: number;
  fileName: string;
  size: number;
  /** SHA-256 of the file bytes, hex. */
  hash: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: ColumnMapping;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  accountsCreated: number;
  importedAt: string;
  /** v2: a 'running' import is invisible to the app and rolled back if its tab dies. */
  status?: ImportStatus;
  /**
   * The Web Lock its worker holds from before this row is written until it is finished or rolled
   * back (io/importLocks). Absent on rows of earlier releases: those used `keyplan-import-<id>`.
   */
  lockName?: string;
  kind?: ImportKind;
  settings?: ImportSettings;
  accountsUpdated?: number;
  contactsCreated?: number;
  rowsSkippedDuplicate?: number;
  totalRowsLeftOut?: number;
  firstDate?: IsoDate | null;
  lastDate?: IsoDate | null;
  totalMinor?: MinorUnits;
  finishedAt?: string;
}

export interface OrderRow {
  id?: number;
  workspaceId: number;
  /** 0 for generated demo data. */
  importId: number;
  accountId: number;
  orderNo: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  quantity: number | null;
  product: string;
  costMinor: MinorUnits | null;
  extra: Record<string, string>;
}

export interface AccountRow {
  id?: number;
  workspaceId: number;
  /** Identity within the workspace: the normalised customer name (or id when mapped). */
  key: string;
  name: string;
  industry: string;
  region: string;
  owner: string;
  tier: string;
  isKeyAccount: boolean;
  custom: Record<string, CustomValue>;
  notes: string;
  /** What the customer spends on our category in total, all suppliers (for share of wallet). */
  estimatedSpendMinor?: MinorUnits | null;
  /** Import that created this account; null when made by hand or by the demo. */
  createdByImportId: number | null;
  /** v3: the company profile (seeds: a full picture of each key account). */
  profile?: AccountProfile;
}

export interface AccountProfile {
  strategy: string;
  size: string;
  products: string;
  organisation: string;
  website: string;
}

export type ContactLine = 'business' | 'technical' | 'management';
export type BuyingRole =
  'decision_maker' | 'influencer' | 'user' | 'gatekeeper' | 'champion' | 'executive_sponsor';
export type Attitude = 'supporter' | 'neutral' | 'opponent';

export interface ContactRow {
  id?: number;
  workspaceId: number;
  accountId: number;
  name: string;
  title: string;
  line: ContactLine | '';
  /** The seeds' node person (节点人物): the contact who carries the relationship. */
  isNode: boolean;
  department?: string;
  phone?: string;
  email?: string;
  /** v2: the import that created this contact (null when typed in). */
  importId?: number | null;
  /** v3 fields; older rows read as ''/null through the upgrade. */
  buyingRole?: BuyingRole | '';
  /** 1–5, null = not judged. */
  influence?: number | null;
  attitude?: Attitude | '';
  /** Another contact of the same account (org chart), null = top. */
  reportsToId?: number | null;
  lastContact?: IsoDate | '';
}

/** v3: a need, a complaint or a suggestion heard from the account. */
export interface AccountNoteRow {
  id?: number;
  workspaceId: number;
  accountId: number;
  kind: 'need' | 'complaint' | 'suggestion';
  date: IsoDate;
  text: string;
  status: 'open' | 'resolved';
}

/** v3: a visit to the account. */
export interface VisitRow {
  id?: number;
  workspaceId: number;
  accountId: number;
  date: IsoDate;
  /** Our visitor's name. */
  visitor: string;
  level: 'rep' | 'manager' | 'executive';
  purpose: string;
  outcome: string;
}

/** v3: a saved view of the accounts grid (columns, sort, filters), per workspace. */
export interface GridViewRow {
  id?: number;
  workspaceId: number;
  name: string;
  /** AG Grid column state (order, width, hidden, pinned, sort), stored as the grid gives it. */
  columnState: unknown[];
  filterModel: Record<string, unknown>;
  quickFilter: string;
}

/** v2: an account as it was before an import updated it, so undo can put it back. */
export interface AccountSnapshotRow {
  id?: number;
  importId: number;
  accountId: number;
  before: AccountRow;
}

/** v2: the mapping a user confirmed for files with these headers. */
export interface MappingRow {
  workspaceId: number;
  signature: string;
  kind: ImportKind;
  mapping: ColumnMapping;
  settings: ImportSettings;
  usedAt: string;
}

/** v4: what an approved plan looked like when it was approved (read-only). */
export interface PlanApproval {
  at: string;
  doc: PlanDoc;
  actions: ActionRow[];
}

export interface PlanRow {
  id?: number;
  workspaceId: number;
  accountId: number;
  year: number;
  status: PlanStatus;
  /** v4: the structured plan (replaces v1–v3's five text `sections`). */
  doc: PlanDoc;
  createdAt: string;
  updatedAt: string;
  /** v4: when the status last changed (createdAt until the first change). */
  statusChangedAt: string;
  /**
   * v4: the snapshot kept by the last approval; stays while the plan is reopened for review or
   * sent back, until it is approved again. null = never approved.
   */
  approved: PlanApproval | null;
  /** v4: when the plan was last approved (the last review); null = never. */
  lastReviewAt: string | null;
}

export interface ActionRow {
  id?: number;
  workspaceId: number;
  planId: number;
  measure: ActionMeasure;
  title: string;
  owner: string;
  /** ISO date or '' when not set. */
  due: IsoDate | '';
  status: ActionStatus;
  /** v4: the action's budget; null = not set. */
  budgetMinor: MinorUnits | null;
  /** v4: what came of it ('' = nothing noted). */
  outcome: string;
}

/** v4: a plan template saved by the user (the default template is built in, not stored). */
export interface PlanTemplateRow {
  id?: number;
  workspaceId: number;
  name: string;
  doc: PlanDoc;
  createdAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
