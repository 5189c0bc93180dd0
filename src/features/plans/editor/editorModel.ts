// Pure helpers of the plan editor (issue 7): input parsing, whitespace-map edits, the figures the
// financial section adds to annualFinancials, the workflow buttons and the change-marker index.
import { daysBetween, fiscalYearOf } from '../../../domain/date';
import { minorToDecimalString, parseAmountToMinor } from '../../../domain/money';
import type { Whitespace, WhitespaceState } from '../../../domain/planDoc';
import type { ActionStatus, IsoDate, MinorUnits, PlanStatus } from '../../../domain/types';

/** A typed amount in major units → minor units; '' → null; undefined when it is not a number. */
export function parseMoneyInput(text: string, digits: number): MinorUnits | null | undefined {
  if (text.trim() === '') return null;
  const r = parseAmountToMinor(text, digits);
  return r.ok ? r.value : undefined;
}

export function moneyInputText(minor: MinorUnits | null, digits: number): string {
  return minor === null ? '' : minorToDecimalString(minor, digits);
}

/** "12.5" or "12.5 %" → 0.125; '' → null; undefined when it is not a number. */
export function parsePercentInput(text: string): number | null | undefined {
  const s = text.normalize('NFKC').replace('%', '').replace(',', '.').trim();
  if (s === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s) / 100;
}

/** 0.125 → "12.5" (no float noise); null → ''. */
export function percentInputText(fraction: number | null): string {
  if (fraction === null) return '';
  return String(Math.round(fraction * 100 * 1e6) / 1e6);
}

export const WHITESPACE_STATES: readonly Exclude<WhitespaceState, ''>[] = [
  'current',
  'opportunity',
  'competitor',
  'not_relevant',
];

/** Adds a product line (row) in place, keeping cells rectangular. */
export function addProductLine(ws: Whitespace, name: string): void {
  ws.productLines.push(name);
  ws.cells.push(ws.units.map((): WhitespaceState => ''));
}

export function removeProductLine(ws: Whitespace, row: number): void {
  if (row < 0 || row >= ws.productLines.length) return;
  ws.productLines.splice(row, 1);
  ws.cells.splice(row, 1);
}

/** Adds a business unit / site (column) in place. */
export function addUnit(ws: Whitespace, name: string): void {
  ws.units.push(name);
  ws.productLines.forEach((_, r) => {
    const row = (ws.cells[r] ??= []);
    while (row.length < ws.units.length - 1) row.push('');
    row.push('');
  });
}

export function removeUnit(ws: Whitespace, col: number): void {
  if (col < 0 || col >= ws.units.length) return;
  ws.units.splice(col, 1);
  for (const row of ws.cells) row.splice(col, 1);
}

export function setCell(ws: Whitespace, row: number, col: number, state: WhitespaceState): void {
  while (ws.cells.length <= row) ws.cells.push([]);
  const cells = ws.cells[row]!;
  while (cells.length <= col) cells.push('');
  cells[col] = state;
}

export interface CostedOrder {
  date: IsoDate;
  amountMinor: MinorUnits;
  costMinor: MinorUnits | null;
}

export interface YearMargin {
  year: number;
  /** (revenue − cost) / revenue over the orders whose cost is known; null when none is. */
  margin: number | null;
  /** Share of the year's revenue whose cost is known (0–1); null without revenue. */
  costCoverage: number | null;
}

/** Margin of fiscal `year` and the two before it, from the orders that carry a cost. */
export function marginByYear(
  orders: readonly CostedOrder[],
  year: number,
  fiscalStartMonth: number,
): YearMargin[] {
  const acc = [0, 1, 2].map(() => ({ rev: 0, revCosted: 0, cost: 0, costed: false }));
  for (const o of orders) {
    const back = year - fiscalYearOf(o.date, fiscalStartMonth);
    if (back < 0 || back > 2) continue;
    const a = acc[back]!;
    a.rev += o.amountMinor;
    if (o.costMinor !== null) {
      a.revCosted += o.amountMinor;
      a.cost += o.costMinor;
      a.costed = true;
    }
  }
  return acc.map((a, back) => ({
    year: year - back,
    margin: a.costed && a.revCosted > 0 ? (a.revCosted - a.cost) / a.revCosted : null,
    costCoverage: a.rev > 0 ? a.revCosted / a.rev : null,
  }));
}

export interface YtdProgress {
  /** Actual / target; null without a (positive) target. */
  ofTarget: number | null;
  /** The target pro rata to the share of the year gone by. */
  expectedMinor: MinorUnits | null;
  /** At or above the pro-rata target; null without a target. */
  onTrack: boolean | null;
}

export function ytdProgress(
  ytdMinor: MinorUnits,
  targetMinor: MinorUnits | null,
  yearShareElapsed: number,
): YtdProgress {
  if (targetMinor === null || targetMinor <= 0)
    return { ofTarget: null, expectedMinor: null, onTrack: null };
  const expectedMinor = Math.round(targetMinor * Math.min(1, Math.max(0, yearShareElapsed)));
  return { ofTarget: ytdMinor / targetMinor, expectedMinor, onTrack: ytdMinor >= expectedMinor };
}

export function isOverdue(action: { due: string; status: ActionStatus }, today: IsoDate): boolean {
  return (
    action.due !== '' &&
    action.due < today &&
    action.status !== 'done' &&
    action.status !== 'cancelled'
  );
}

export interface ContactLike {
  line: string;
  isNode: boolean;
  lastContact?: IsoDate | '';
}

/** Days since the latest contact with anyone at the account; null when none is recorded. */
export function daysSinceLastContact(
  contacts: readonly ContactLike[],
  today: IsoDate,
): number | null {
  let latest = '';
  for (const c of contacts) if (c.lastContact && c.lastContact > latest) latest = c.lastContact;
  return latest === '' ? null : Math.max(0, daysBetween(latest, today));
}

export function linesCovered(contacts: readonly ContactLike[]): number {
  return ['business', 'technical', 'management'].filter((l) => contacts.some((c) => c.line === l))
    .length;
}

export type WorkflowStep = 'submit' | 'approve' | 'sendBack' | 'reopen' | 'close';

/** The buttons a plan in `status` offers: draft → in review → approved → closed, and back. */
export function workflowSteps(status: PlanStatus): { step: WorkflowStep; to: PlanStatus }[] {
  switch (status) {
    case 'draft':
      return [{ step: 'submit', to: 'in_review' }];
    case 'in_review':
      return [
        { step: 'approve', to: 'approved' },
        { step: 'sendBack', to: 'draft' },
      ];
    case 'approved':
      return [
        { step: 'reopen', to: 'in_review' },
        { step: 'close', to: 'closed' },
      ];
    case 'closed':
      return [];
  }
}

export interface ChangeLike {
  section: string;
  field: string;
  rowId?: string | undefined;
}

/** Answers "did this section / field / row change?" for the change markers. */
export class ChangeIndex {
  private readonly keys = new Set<string>();
  constructor(changes: readonly ChangeLike[]) {
    for (const c of changes) {
      const row = c.rowId ?? '';
      this.keys.add(`${c.section}`);
      this.keys.add(`${c.section}|${c.field}`);
      if (row !== '') {
        this.keys.add(`${c.section}#${row}`);
        this.keys.add(`${c.section}#${row}|${c.field}`);
      }
    }
  }
  has(section: string, field?: string, rowId?: string | number): boolean {
    const row = rowId === undefined ? '' : `#${rowId}`;
    return this.keys.has(`${section}${row}${field === undefined ? '' : `|${field}`}`);
  }
}

/** A short text for a before/after value in the list of changes. */
export function describeValue(value: unknown, max = 60): string {
  let s: string;
  if (value === null || value === undefined || value === '') s = '—';
  else if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else if (Array.isArray(value)) s = value.map((v) => describeValue(v, max)).join(', ');
  else s = JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
