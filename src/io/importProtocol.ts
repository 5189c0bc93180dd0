// Messages between the main thread (importClient) and the import worker (importJob).
import type { ImportRow } from '../db/schema';
import type { ImportPlan } from './importPlan';
import type { RejectedRow } from './rowConvert';
import type { SniffOverrides, SniffResult } from './sniff';

export type ImportFileError =
  | 'empty_file'
  | 'header_only'
  | 'binary_file'
  | 'spreadsheet_file'
  | 'parse_failed'
  | 'nothing_valid'
  | 'storage_failed'
  | 'cancelled';

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
  | { type: 'error'; requestId: number; reason: ImportFileError; detail: string };

export type SniffedResponse = Extract<ImportResponse, { type: 'sniffed' }>;
export type ProgressResponse = Extract<ImportResponse, { type: 'progress' }>;
export type AnalyzedResponse = Extract<ImportResponse, { type: 'analyzed' }>;
export type CommittedResponse = Extract<ImportResponse, { type: 'committed' }>;
export type ErrorResponse = Extract<ImportResponse, { type: 'error' }>;
