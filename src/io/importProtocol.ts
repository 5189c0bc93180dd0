// Messages between the main thread (importClient) and the import worker (importJob).
import type { ImportRow } from '../db/schema';
import type { ImportPlan } from './importPlan';
import type { RejectedRow } from './rowConvert';
import type { SniffOverrides, SniffResult } from './sniff';

export type ImportFileError =
  | 'empty_file'
  /** Bytes, but no value: blank lines, spaces, separators, a lone byte-order mark. */
  | 'no_values'
  | 'header_only'
  | 'binary_file'
  /** Nothing but 0x00: a file that was never written out, or damaged on disk. */
  | 'zero_bytes'
  | 'spreadsheet_file'
  /** Another format under a .csv name (see fileFormat.ts); params.format names it. */
  | 'image_file'
  | 'pdf_file'
  | 'archive_file'
  | 'html_file'
  | 'json_file'
  /** One line with no break in it, far longer than any header (params.chars). */
  | 'one_line'
  /** More columns than the preview and mapping can show (params.columns, params.max). */
  | 'too_many_columns'
  /** The amounts add up past 2^53 minor units, where sums stop being exact (params.line). */
  | 'amount_overflow'
  | 'parse_failed'
  | 'nothing_valid'
  | 'storage_failed'
  /** The browser's storage quota ran out while writing (rolled back like any storage failure). */
  | 'storage_full'
  /** Writing failed and so did the rollback: the next start of the app finishes it. */
  | 'rollback_pending'
  | 'cancelled';

/** Values for the message's placeholders besides {file} and {detail}. */
export type ImportErrorParams = Record<string, string | number>;

export type ImportRequest =
  | {
      type: 'sniff';
      requestId: number;
      file: Blob;
      overrides: SniffOverrides;
      fractionDigits: number;
    }
  | { type: 'analyze'; requestId: number; file: Blob; plan: ImportPlan; workspaceId: number }
  | {
      type: 'commit';
      requestId: number;
      file: Blob;
      fileName: string;
      plan: ImportPlan;
      workspaceId: number;
    }
  /** Stops the running analyze/commit with this id; a commit rolls back what it wrote. */
  | { type: 'cancel'; requestId: number };

/** What a pass over the whole file found (the check pass) or did (the writing pass). */
export interface RunSummary {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  /** The first rejects (all are counted in rowsRejected). */
  rejects: RejectedRow[];
  /** Lines of total/subtotal rows that were left out. */
  totalLines: number[];
  /** Valid rows whose order number is already in the workspace. */
  duplicateRows: number;
  accountsNew: number;
  accountsExisting: number;
  firstDate: string | null;
  lastDate: string | null;
  totalMinor: number;
  hash: string;
}

export type ImportResponse =
  | { type: 'sniffed'; requestId: number; result: SniffResult }
  | {
      type: 'progress';
      requestId: number;
      phase: 'checking' | 'writing';
      rowsRead: number;
      bytesRead: number;
      totalBytes: number;
    }
  | { type: 'analyzed'; requestId: number; summary: RunSummary }
  | { type: 'committed'; requestId: number; summary: RunSummary; importRow: ImportRow }
  | {
      type: 'error';
      requestId: number;
      reason: ImportFileError;
      /** English, for logs and tests; the screen shows the reason's message. */
      detail: string;
      params?: ImportErrorParams;
    };

export type SniffedResponse = Extract<ImportResponse, { type: 'sniffed' }>;
export type ProgressResponse = Extract<ImportResponse, { type: 'progress' }>;
export type AnalyzedResponse = Extract<ImportResponse, { type: 'analyzed' }>;
export type CommittedResponse = Extract<ImportResponse, { type: 'committed' }>;
export type ErrorResponse = Extract<ImportResponse, { type: 'error' }>;
