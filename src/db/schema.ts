// Row types stored in IndexedDB. Kept apart from db.ts so workers and tests can import them cheaply.
import type {
  ActionStatus,
  IsoDate,
  MeasureId,
  MinorUnits,
  PlanSections,
  PlanStatus,
} from '../domain/types';

export type { PlanSections };

export type CustomValue = string | number | boolean | null;

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
}

export interface ColumnMapping {
  account: number | null;
  date: number | null;
  amount: number | null;
  orderNo: number | null;
  quantity: number | null;
  product: number | null;
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
  /** Import that created this account; null when made by hand or by the demo. */
  createdByImportId: number | null;
}

export interface ContactRow {
  id?: number;
  workspaceId: number;
  accountId: number;
  name: string;
  title: string;
  line: 'business' | 'technical' | 'management' | '';
  isNode: boolean;
}

export interface PlanRow {
  id?: number;
  workspaceId: number;
  accountId: number;
  year: number;
  status: PlanStatus;
  sections: PlanSections;
  createdAt: string;
  updatedAt: string;
}

export interface ActionRow {
  id?: number;
  workspaceId: number;
  planId: number;
  measure: MeasureId | 'custom';
  title: string;
  owner: string;
  /** ISO date or '' when not set. */
  due: IsoDate | '';
  status: ActionStatus;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
