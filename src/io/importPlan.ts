// What the user confirmed in the import preview: everything the worker needs to read the file the
// same way twice (a check pass, then the writing pass). Plain data, so it crosses postMessage.
import type { DateOrder } from '../domain/date';
import type { DecimalSeparator } from '../domain/money';
import type { FieldMapping, ImportKind } from './fields';

export interface ColumnReading {
  decimal: DecimalSeparator;
  dateOrder: DateOrder;
  excelSerial: boolean;
}

export interface ImportPlan {
  kind: ImportKind;
  /** WHATWG encoding label. */
  encoding: string;
  /** `, ; \t |` or 'fixed' (fixed-width text split at fixedStarts). */
  delimiter: string;
  fixedStarts: number[] | null;
  /** Index of the header record among all records; null when the file has none. */
  headerRow: number | null;
  /** Index of the first data record (title lines and the header come before it). */
  firstDataRow: number;
  /** Column names: the header's cells, or "Column 1…n" for a file without one. */
  headers: string[];
  mapping: FieldMapping;
  /** How to read each mapped amount/date field, by field id. */
  formats: Record<string, ColumnReading>;
  /** Minor-unit digits of the workspace currency (2 for CNY, 0 for JPY). */
  fractionDigits: number;
  /** Order numbers starting with this (e.g. "C") are cancellations and count negative; '' = off. */
  cancelPrefix: string;
  /** Keep unmapped columns as custom fields (orders: extra; accounts: custom). */
  keepCustom: boolean;
  /** Leave out rows whose order number is already in the workspace. */
  skipDuplicates: boolean;
}

export const DEFAULT_READING: ColumnReading = {
  decimal: '.',
  dateOrder: 'ymd',
  excelSerial: false,
};

export function readingFor(plan: ImportPlan, field: string): ColumnReading {
  return plan.formats[field] ?? DEFAULT_READING;
}
