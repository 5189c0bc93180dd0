// Paste a block copied from Excel into the accounts grid: where each cell lands, whether its value
// is acceptable, and the whole change as one list of patches. Pure. Nothing is applied when any
// cell is bad (no half-pasted block); every bad cell is reported with its row and column.
import type { AccountPatch } from '../../db/accounts';
import type { CustomValue } from '../../db/schema';
import { parseCell, type CellError, type CellKind } from '../../domain/cellValues';

/** A grid column as paste sees it: its id and what it accepts (null = computed, read-only). */
export interface PasteColumn {
  colId: string;
  header: string;
  kind: CellKind | null;
}

export interface CellProblem {
  /** 1-based, as the user counts rows on screen (in the current sort and filter). */
  row: number;
  column: string;
  text: string;
  reason: CellError | 'read_only';
}

export interface CellChange {
  id: number;
  colId: string;
  value: CustomValue;
}

export type PastePlan =
  | { ok: true; changes: CellChange[]; clippedRows: number; clippedColumns: number }
  | { ok: false; problems: CellProblem[] };

/**
 * Clipboard text as Excel, LibreOffice and Sheets put it there: tab between cells, newline
 * between rows, cells with tabs, newlines or quotes in double quotes. A final newline is dropped.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Lays `block` on the grid from the anchor cell rightwards and downwards. Rows and columns past
 * the grid's edge are left out and counted (the user is told), as in a spreadsheet.
 */
export function planPaste(
  block: readonly (readonly string[])[],
  rowIds: readonly number[],
  columns: readonly PasteColumn[],
  anchorRow: number,
  anchorCol: number,
): PastePlan {
  const changes: CellChange[] = [];
  const problems: CellProblem[] = [];
  const width = Math.max(0, ...block.map((r) => r.length));
  const rowsFit = Math.max(0, Math.min(block.length, rowIds.length - anchorRow));
  const colsFit = Math.max(0, Math.min(width, columns.length - anchorCol));
  for (let r = 0; r < rowsFit; r++) {
    const id = rowIds[anchorRow + r]!;
    for (let c = 0; c < colsFit; c++) {
      const text = block[r]![c] ?? '';
      const column = columns[anchorCol + c]!;
      const where = { row: anchorRow + r + 1, column: column.header, text };
      if (!column.kind) {
        problems.push({ ...where, reason: 'read_only' });
        continue;
      }
      const parsed = parseCell(column.kind, text);
      if (parsed.ok) changes.push({ id, colId: column.colId, value: parsed.value });
      else problems.push({ ...where, reason: parsed.reason });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    changes,
    clippedRows: block.length - rowsFit,
    clippedColumns: width - colsFit,
  };
}

export const CUSTOM_PREFIX = 'custom.';

/** Cell changes as one patch per account: custom columns (`custom.<id>`) go into `custom`. */
export function toPatches(changes: readonly CellChange[]): AccountPatch[] {
  const byId = new Map<number, AccountPatch>();
  for (const { id, colId, value } of changes) {
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = { id, patch: {} }));
    if (colId.startsWith(CUSTOM_PREFIX)) {
      entry.patch.custom = { ...entry.patch.custom, [colId.slice(CUSTOM_PREFIX.length)]: value };
    } else {
      (entry.patch as Record<string, CustomValue>)[colId] = value;
    }
  }
  return [...byId.values()];
}
