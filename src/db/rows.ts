// Row builders shared by every path that stores orders and accounts (imports, demo).
import type { AccountRow, OrderRow } from './schema';

/** An order ready to store, still naming its account by key (accounts are resolved here). */
export interface NewOrder {
  accountKey: string;
  /** Name-based key, when accountKey is a customer code: finds accounts known only by name. */
  nameKey?: string;
  accountName: string;
  orderNo: string;
  date: string;
  amountMinor: number;
  quantity: number | null;
  product: string;
  /** Cost in minor units when the file has it (margin analysis); null otherwise. */
  costMinor?: number | null;
  extra: Record<string, string>;
}

export function blankAccount(workspaceId: number, key: string, name: string): AccountRow {
  return {
    workspaceId,
    key,
    name,
    industry: '',
    region: '',
    owner: '',
    tier: '',
    isKeyAccount: false,
    custom: {},
    notes: '',
    createdByImportId: null,
  };
}

/** The stored shape of one order; importId 0 marks generated demo data. */
export function toOrderRow(
  workspaceId: number,
  importId: number,
  accountId: number,
  o: Omit<NewOrder, 'accountKey' | 'accountName'>,
): OrderRow {
  return {
    workspaceId,
    importId,
    accountId,
    orderNo: o.orderNo,
    date: o.date,
    amountMinor: o.amountMinor,
    quantity: o.quantity,
    product: o.product,
    costMinor: o.costMinor ?? null,
    extra: o.extra,
  };
}
