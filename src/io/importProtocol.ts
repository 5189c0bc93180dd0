// Messages between the main thread (importClient) and the import worker.
import type { ColumnMapping } from '../db/schema';
import type { OrderDraft, RejectedRow } from './orderRows';

export type ImportFileError = 'empty_file' | 'header_only' | 'binary_file' | 'parse_failed';

export type ImportRequest =
  | { type: 'preview'; requestId: number; file: File; maxRows: number }
  | {
      type: 'parse';
      requestId: number;
      file: File;
      mapping: ColumnMapping;
      fractionDigits: number;
    };

export type ImportResponse =
  | {
      type: 'preview';
      requestId: number;
      headers: string[];
      rows: string[][];
      delimiter: string;
      encoding: string;
      totalBytes: number;
    }
  | { type: 'progress'; requestId: number; rowsRead: number; bytesRead: number; totalBytes: number }
  | {
      type: 'parsed';
      requestId: number;
      orders: OrderDraft[];
      rejects: RejectedRow[];
      rowsRead: number;
      hash: string;
      delimiter: string;
      encoding: string;
      headers: string[];
    }
  | { type: 'error'; requestId: number; reason: ImportFileError; detail: string };

export type PreviewResponse = Extract<ImportResponse, { type: 'preview' }>;
export type ProgressResponse = Extract<ImportResponse, { type: 'progress' }>;
export type ParsedResponse = Extract<ImportResponse, { type: 'parsed' }>;
export type ErrorResponse = Extract<ImportResponse, { type: 'error' }>;
