// The import side of the plan CSV: file text → rows of cells, ready for rowsToPlan. Pure.
import Papa from 'papaparse';
import { rowsToPlan, type PlanExport } from '../../../domain/planCsv';
import { fail, type Result } from '../../../domain/types';
import { unneutralizeFormula } from '../../../io/csvExport';

export type CsvTextResult =
  { ok: true; rows: string[][] } | { ok: false; row: number; reason: string };

function delimiterOf(firstLine: string): string {
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  return firstLine.includes('\t') ? '\t' : ',';
}

/**
 * Reads CSV text as written by toCsv (or re-saved by a spreadsheet): drops a byte-order mark,
 * parses with PapaParse keeping empty lines (an empty table cell is a row of its own), removes
 * the empty record the final line break leaves, and undoes the formula escape of every cell.
 * Rows are numbered from 1 in errors, as a spreadsheet shows them.
 */
export function csvTextToRows(input: string): CsvTextResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return { ok: false, row: 1, reason: 'empty' };
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    // Our files use commas; a spreadsheet re-saving in a ';' locale writes semicolons (the header
    // row always has several cells, so its first line tells).
    delimiter: delimiterOf(firstLine),
  });
  const serious = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (serious) {
    return { ok: false, row: (serious.row ?? 0) + 1, reason: serious.message };
  }
  const rows = parsed.data.map((row) => row.map((cell) => unneutralizeFormula(cell)));
  const last = rows[rows.length - 1];
  if (/[\r\n]$/.test(text) && last?.length === 1 && last[0] === '') rows.pop();
  return { ok: true, rows };
}

/** Why a plan file could not be read: the line (1-based; 0 = the file), column and reason code. */
export interface PlanFileError {
  row: number;
  column: string;
  reason: string;
  detail?: string;
}

/** A plan file's text → the plan it describes (csvTextToRows, then rowsToPlan). */
export function parsePlanFile(text: string): Result<PlanExport, PlanFileError> {
  const read = csvTextToRows(text);
  if (!read.ok) {
    return fail({
      row: read.row,
      column: '',
      reason: read.reason === 'empty' ? 'empty' : 'bad_csv',
      detail: read.reason === 'empty' ? undefined : read.reason,
    });
  }
  return rowsToPlan(read.rows);
}
