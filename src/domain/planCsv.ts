/*
 * Plans as CSV rows (issue 7). Pure: rows are string[][]; the io layer writes them as CSV text
 * (toCsv: BOM, quoting, formula neutralising) and reads them back (unneutralizeFormula per cell).
 *
 * ## The plan file: long format, version 1
 *
 * One plan per file. One line per value: every field of the plan and every field of every table
 * row has its own line, so any text (Chinese, commas, quotes, line breaks, tabs, a leading
 * = + - @) survives, and the file can be filtered and edited in a spreadsheet.
 *
 * Line 1 is the format line: `keyplan-plan,1` (format name, version).
 * Line 2 is the header:      `section,row,field,value`.
 * Every further line is       `<section>,<row>,<field>,<value>`:
 * - section — which part of the plan (list below);
 * - row — for a table, which row: the row's id for buying stages, competitors, objectives,
 *   executive visits and risks; the position 1, 2, 3… for actions, history, product lines and
 *   units. Empty for single fields;
 * - field — the field's name (list below);
 * - value — the value, written as follows:
 *   text as it is (an empty cell is empty text);
 *   amounts (revenue, budget) as decimals with `moneyDigits` digits after the point
 *   (1234.50; -0.05); empty = not set;
 *   numbers (growth, margin, share, progress, weights) as plain decimals; fractions, so
 *   0.15 = 15 %; empty = not set;
 *   dates as YYYY-MM-DD, empty = none; yes/no fields as true / false;
 *   lists of contact ids as numbers separated by `;` (3;17;42).
 * Lines may come in any order; rows of a table keep the order in which their first line appears
 * (positions are sorted by number). A table field left out takes its empty value. Blank lines
 * are skipped; cells after the fourth are ignored.
 *
 * Sections and fields:
 * | section         | row          | fields |
 * |-----------------|--------------|--------|
 * | plan            | (empty)      | accountName, accountKey, year, status (draft, in_review, approved, closed), approvedAt (date or date-time; empty = never), moneyDigits (0–4, default 2) — accountName, accountKey, year and status are required |
 * | targets         | (empty)      | revenue (amount), growth, margin (fractions) |
 * | notes           | (empty)      | financialNotes, buyingNotes, competitorNotes, goalsNotes, team |
 * | valueChain      | (empty)      | theirBusiness, theirCustomers, ourPosition, valueWeAdd, notes |
 * | swot            | (empty)      | strengths, weaknesses, opportunities, threats |
 * | healthWeights   | (empty)      | targets, overdue, coverage, contact — all four, or none for the default weights |
 * | whitespaceLines | position     | name (our product line) |
 * | whitespaceUnits | position     | name (the customer's business unit or site) |
 * | whitespaceCells | line position | field = unit position; value current, opportunity, competitor, not_relevant (only non-empty cells are written) |
 * | buyingStages    | row id       | stage, participants (contact ids), infoNeeds |
 * | competitors     | row id       | name, share (fraction), strengths, weaknesses, threat (low, medium, high or empty), response |
 * | objectives      | row id       | title, metric, baseline, target, due (date), progress (0–1) |
 * | executiveVisits | row id       | quarter (1–4, required), who, purpose, done (true/false) |
 * | risks           | row id       | risk, likelihood, impact (low, medium, high or empty), mitigation |
 * | actions         | position     | id (stored id; empty for a new action), measure (required: one of the ten measures, the nine anti-churn measures or custom), title, owner, due (date), status (planned, in_progress, done, cancelled; required), budget (amount), outcome |
 * | history         | position     | at (date or date-time), from, to (plan statuses), comment |
 *
 * Example:
 *   keyplan-plan,1
 *   section,row,field,value
 *   plan,,accountName,华东电子有限公司
 *   plan,,accountKey,C-1001
 *   plan,,year,2025
 *   plan,,status,approved
 *   plan,,approvedAt,2025-02-10T09:30:00.000Z
 *   plan,,moneyDigits,2
 *   targets,,revenue,1200000.00
 *   targets,,growth,0.15
 *   objectives,r1,title,"Share of wallet, Shanghai"
 *   objectives,r1,target,40 %
 *   objectives,r1,due,2025-12-31
 *   actions,1,measure,executive_visits
 *   actions,1,title,Q2 visit by the CEO
 *   actions,1,status,planned
 *
 * Errors name the line (1-based, the format line is 1) and the column (section, row, field or
 * value) with a reason code: wrong_format, wrong_version, bad_header, unknown_section,
 * unknown_field, unexpected_row (a row given for a single field), missing_row, duplicate, missing (detail = the field), bad_number, bad_date,
 * bad_choice, bad_boolean, bad_reference.
 */
import { isIsoDate } from './date';
import { minorToDecimalString } from './money';
import {
  ANTI_CHURN_IDS,
  emptyPlanDoc,
  type ActionMeasure,
  type HealthWeights,
  type PlanAction,
  type PlanDoc,
  type StatusChange,
  type WhitespaceState,
} from './planDoc';
import { fail, MEASURE_IDS, ok, type PlanStatus, type Result } from './types';

export const PLAN_CSV_FORMAT = 'keyplan-plan';
export const PLAN_CSV_VERSION = '1';
export const PLAN_CSV_HEADER = ['section', 'row', 'field', 'value'] as const;
const COLUMNS = PLAN_CSV_HEADER;

/** A plan with its actions, as written to and read from a plan file. */
export interface PlanExport {
  accountName: string;
  /** The account's key; '' = identify the account by its name. */
  accountKey: string;
  year: number;
  status: PlanStatus;
  doc: PlanDoc;
  actions: readonly PlanAction[];
  /** When the plan was approved; null = never. */
  approvedAt: string | null;
}

export interface PlanCsvError {
  /** 1-based line of the rows (the format line is 1); 0 = the file as a whole. */
  row: number;
  /** 'section' | 'row' | 'field' | 'value'. */
  column: string;
  /** Code for i18n, see the format description. */
  reason: string;
  /** The field (e.g. a missing one) or value concerned, when there is one. */
  detail?: string;
}

export interface PlanCsvOptions {
  /** Digits after the point of amounts (the currency's minor unit); default 2. */
  moneyDigits?: number;
}

// ---- Value kinds ---------------------------------------------------------------------------

type Kind =
  | 'text'
  | 'money'
  | 'fraction'
  | 'weight'
  | 'date'
  | 'stamp'
  | 'stampOrNull'
  | 'level'
  | 'bool'
  | 'quarter'
  | 'ids'
  | 'measure'
  | 'actionStatus'
  | 'planStatus'
  | 'year'
  | 'whitespace'
  | 'optionalId';

const PLAN_STATUSES: readonly string[] = ['draft', 'in_review', 'approved', 'closed'];
const ACTION_STATUSES: readonly string[] = ['planned', 'in_progress', 'done', 'cancelled'];
const LEVELS: readonly string[] = ['low', 'medium', 'high', ''];
const WHITESPACE: readonly string[] = ['current', 'opportunity', 'competitor', 'not_relevant', ''];
const MEASURES: readonly string[] = [...MEASURE_IDS, ...ANTI_CHURN_IDS, 'custom'];

/** Kinds whose field must be present in a table row. */
const REQUIRED: ReadonlySet<Kind> = new Set(['quarter', 'measure', 'actionStatus', 'planStatus']);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function encode(kind: Kind, v: unknown, digits: number): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'money':
      return minorToDecimalString(v as number, digits);
    case 'fraction':
    case 'weight':
    case 'quarter':
    case 'year':
    case 'optionalId':
      return Number.isFinite(v) ? String(v) : '';
    case 'bool':
      return v ? 'true' : 'false';
    case 'ids':
      return (v as number[]).join(';');
    default:
      return String(v);
  }
}

type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

function parseMoney(s: string, digits: number): Decoded {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s.trim());
  const frac = m?.[3] ?? '';
  if (!m || frac.length > digits) return { ok: false, reason: 'bad_number' };
  const magnitude = Number(m[2]! + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(magnitude)) return { ok: false, reason: 'bad_number' };
  return { ok: true, value: m[1] === '-' && magnitude !== 0 ? -magnitude : magnitude };
}

function choice(s: string, allowed: readonly string[]): Decoded {
  return allowed.includes(s) ? { ok: true, value: s } : { ok: false, reason: 'bad_choice' };
}

function decode(kind: Kind, s: string, digits: number): Decoded {
  const t = s.trim();
  switch (kind) {
    case 'text':
      return { ok: true, value: s };
    case 'money':
      return t === '' ? { ok: true, value: null } : parseMoney(t, digits);
    case 'fraction':
    case 'weight': {
      if (t === '')
        return kind === 'fraction'
          ? { ok: true, value: null }
          : { ok: false, reason: 'bad_number' };
      const n = Number(t);
      return NUMBER.test(t) && Number.isFinite(n)
        ? { ok: true, value: n === 0 ? 0 : n }
        : { ok: false, reason: 'bad_number' };
    }
    case 'date':
      return t === '' || isIsoDate(t) ? { ok: true, value: t } : { ok: false, reason: 'bad_date' };
    case 'stamp':
    case 'stampOrNull':
      if (s === '')
        return kind === 'stampOrNull'
          ? { ok: true, value: null }
          : { ok: false, reason: 'bad_date' };
      return isIsoDate(s.slice(0, 10)) ? { ok: true, value: s } : { ok: false, reason: 'bad_date' };
    case 'level':
      return choice(t, LEVELS);
    case 'whitespace':
      return choice(t, WHITESPACE);
    case 'measure':
      return choice(t, MEASURES);
    case 'actionStatus':
      return choice(t, ACTION_STATUSES);
    case 'planStatus':
      return choice(t, PLAN_STATUSES);
    case 'bool': {
      const b = t.toLowerCase();
      return b === 'true' || b === 'false'
        ? { ok: true, value: b === 'true' }
        : { ok: false, reason: 'bad_boolean' };
    }
    case 'quarter':
      return /^[1-4]$/.test(t)
        ? { ok: true, value: Number(t) }
        : { ok: false, reason: 'bad_number' };
    case 'year':
      return /^\d{4}$/.test(t) && Number(t) >= 1000
        ? { ok: true, value: Number(t) }
        : { ok: false, reason: 'bad_number' };
    case 'optionalId':
      if (t === '') return { ok: true, value: undefined };
      return /^\d{1,15}$/.test(t)
        ? { ok: true, value: Number(t) }
        : { ok: false, reason: 'bad_number' };
    case 'ids': {
      if (t === '') return { ok: true, value: [] };
      const items = t.split(';').map((x) => x.trim());
      return items.every((x) => /^-?\d{1,15}$/.test(x))
        ? { ok: true, value: items.map(Number) }
        : { ok: false, reason: 'bad_number' };
    }
  }
}

function emptyValue(kind: Kind): unknown {
  switch (kind) {
    case 'money':
    case 'fraction':
    case 'stampOrNull':
      return null;
    case 'bool':
      return false;
    case 'ids':
      return [];
    case 'optionalId':
      return undefined;
    default:
      return '';
  }
}

// ---- Sections ------------------------------------------------------------------------------

type FieldSpec = readonly (readonly [string, Kind])[];

const SINGLE: Record<string, FieldSpec> = {
  targets: [
    ['revenue', 'money'],
    ['growth', 'fraction'],
    ['margin', 'fraction'],
  ],
  notes: [
    ['financialNotes', 'text'],
    ['buyingNotes', 'text'],
    ['competitorNotes', 'text'],
    ['goalsNotes', 'text'],
    ['team', 'text'],
  ],
  valueChain: [
    ['theirBusiness', 'text'],
    ['theirCustomers', 'text'],
    ['ourPosition', 'text'],
    ['valueWeAdd', 'text'],
    ['notes', 'text'],
  ],
  swot: [
    ['strengths', 'text'],
    ['weaknesses', 'text'],
    ['opportunities', 'text'],
    ['threats', 'text'],
  ],
  healthWeights: [
    ['targets', 'weight'],
    ['overdue', 'weight'],
    ['coverage', 'weight'],
    ['contact', 'weight'],
  ],
};

const PLAN_FIELDS: FieldSpec = [
  ['accountName', 'text'],
  ['accountKey', 'text'],
  ['year', 'year'],
  ['status', 'planStatus'],
  ['approvedAt', 'stampOrNull'],
  ['moneyDigits', 'text'],
];

/** Tables whose rows carry a string id (the row column). */
const ID_TABLES = {
  buyingStages: [
    ['stage', 'text'],
    ['participants', 'ids'],
    ['infoNeeds', 'text'],
  ],
  competitors: [
    ['name', 'text'],
    ['share', 'fraction'],
    ['strengths', 'text'],
    ['weaknesses', 'text'],
    ['threat', 'level'],
    ['response', 'text'],
  ],
  objectives: [
    ['title', 'text'],
    ['metric', 'text'],
    ['baseline', 'text'],
    ['target', 'text'],
    ['due', 'date'],
    ['progress', 'fraction'],
  ],
  executiveVisits: [
    ['quarter', 'quarter'],
    ['who', 'text'],
    ['purpose', 'text'],
    ['done', 'bool'],
  ],
  risks: [
    ['risk', 'text'],
    ['likelihood', 'level'],
    ['impact', 'level'],
    ['mitigation', 'text'],
  ],
} as const satisfies Record<string, FieldSpec>;
type IdTable = keyof typeof ID_TABLES;

/** Tables whose rows are numbered by position (the row column). Field names as in the file. */
const POSITION_TABLES = {
  actions: [
    ['id', 'optionalId'],
    ['measure', 'measure'],
    ['title', 'text'],
    ['owner', 'text'],
    ['due', 'date'],
    ['status', 'actionStatus'],
    ['budget', 'money'],
    ['outcome', 'text'],
  ],
  history: [
    ['at', 'stamp'],
    ['from', 'planStatus'],
    ['to', 'planStatus'],
    ['comment', 'text'],
  ],
  whitespaceLines: [['name', 'text']],
  whitespaceUnits: [['name', 'text']],
} as const satisfies Record<string, FieldSpec>;

const SECTIONS: ReadonlySet<string> = new Set([
  'plan',
  ...Object.keys(SINGLE),
  ...Object.keys(ID_TABLES),
  ...Object.keys(POSITION_TABLES),
  'whitespaceCells',
]);

function checkDigits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 4) {
    throw new RangeError(`moneyDigits must be 0..4, got ${digits}`);
  }
  return digits;
}

// ---- Writing -------------------------------------------------------------------------------

/** The plan file's rows (long format, see above), format and header lines included. */
export function planToRows(plan: PlanExport, options: PlanCsvOptions = {}): string[][] {
  const digits = checkDigits(options.moneyDigits ?? 2);
  const rows: string[][] = [[PLAN_CSV_FORMAT, PLAN_CSV_VERSION], [...PLAN_CSV_HEADER]];
  const put = (
    section: string,
    row: string,
    spec: FieldSpec,
    obj: Record<string, unknown>,
  ): void => {
    for (const [field, kind] of spec)
      rows.push([section, row, field, encode(kind, obj[field], digits)]);
  };
  const { doc } = plan;
  put('plan', '', PLAN_FIELDS, { ...plan, moneyDigits: String(digits) });
  put('targets', '', SINGLE.targets!, { ...doc.targets, revenue: doc.targets.revenueMinor });
  put('notes', '', SINGLE.notes!, { ...doc });
  put('valueChain', '', SINGLE.valueChain!, { ...doc.valueChain });
  put('swot', '', SINGLE.swot!, { ...doc.swot });
  if (doc.healthWeights) put('healthWeights', '', SINGLE.healthWeights!, { ...doc.healthWeights });
  const ws = doc.whitespace;
  ws.productLines.forEach((name, i) => rows.push(['whitespaceLines', String(i + 1), 'name', name]));
  ws.units.forEach((name, j) => rows.push(['whitespaceUnits', String(j + 1), 'name', name]));
  ws.productLines.forEach((_, i) =>
    ws.units.forEach((_u, j) => {
      const state = ws.cells[i]?.[j] ?? '';
      if (state !== '') rows.push(['whitespaceCells', String(i + 1), String(j + 1), state]);
    }),
  );
  for (const table of Object.keys(ID_TABLES) as IdTable[]) {
    for (const r of doc[table] as readonly { id: string }[]) {
      put(table, r.id, ID_TABLES[table], { ...r });
    }
  }
  plan.actions.forEach((a, i) =>
    put('actions', String(i + 1), POSITION_TABLES.actions, { ...a, budget: a.budgetMinor }),
  );
  doc.history.forEach((h, i) => put('history', String(i + 1), POSITION_TABLES.history, { ...h }));
  return rows;
}

// ---- Reading -------------------------------------------------------------------------------

interface Cell {
  value: string;
  line: number;
}
/** Per section: row key → field → cell, rows in order of first appearance. */
type Collected = Map<string, Map<string, Map<string, Cell>>>;

function err(
  row: number,
  column: string,
  reason: string,
  detail?: string,
): { ok: false; reason: PlanCsvError } {
  return fail(detail === undefined ? { row, column, reason } : { row, column, reason, detail });
}

type Fields = { ok: true; value: Record<string, unknown> } | { ok: false; reason: PlanCsvError };

/** Decodes one row's fields by spec; absent fields take their empty value (or fail when required). */
function readFields(
  spec: FieldSpec,
  cells: Map<string, Cell> | undefined,
  digits: number,
  firstLine: number,
  required: ReadonlySet<string> = new Set(),
): Fields {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of spec) {
    const cell = cells?.get(field);
    if (!cell) {
      if (REQUIRED.has(kind) || required.has(field))
        return err(firstLine, 'field', 'missing', field);
      out[field] = emptyValue(kind);
      continue;
    }
    const d = decode(kind, cell.value, digits);
    if (!d.ok) return err(cell.line, 'value', d.reason, cell.value);
    out[field] = d.value;
  }
  return ok(out);
}

const firstLineOf = (cells: Map<string, Cell>): number =>
  Math.min(...[...cells.values()].map((c) => c.line));

/** Reads a plan file's rows (long format, see above) back into the plan it was written from. */
export function rowsToPlan(rows: readonly (readonly string[])[]): Result<PlanExport, PlanCsvError> {
  const lines = rows
    .map((r, i) => ({ cells: r, line: i + 1 }))
    .filter(({ cells }) => cells.some((c) => c !== ''));
  const format = lines[0];
  if (
    !format ||
    format.line !== 1 ||
    (format.cells[0] ?? '').replace(/^\uFEFF/, '').trim() !== PLAN_CSV_FORMAT
  ) {
    return err(1, 'section', 'wrong_format');
  }
  if ((format.cells[1] ?? '').trim() !== PLAN_CSV_VERSION) {
    return err(1, 'row', 'wrong_version', format.cells[1] ?? '');
  }
  const header = lines[1];
  if (!header || COLUMNS.some((c, i) => (header.cells[i] ?? '').trim().toLowerCase() !== c)) {
    return err(header?.line ?? 2, 'section', 'bad_header');
  }

  const collected: Collected = new Map();
  for (const { cells, line } of lines.slice(2)) {
    const section = (cells[0] ?? '').trim();
    let row = (cells[1] ?? '').trim();
    let field = (cells[2] ?? '').trim();
    const value = cells[3] ?? '';
    if (!SECTIONS.has(section)) return err(line, 'section', 'unknown_section', section);
    const single = section === 'plan' || section in SINGLE;
    const positional = section in POSITION_TABLES || section === 'whitespaceCells';
    if (single && row !== '') return err(line, 'row', 'unexpected_row', row);
    if (!single && row === '') return err(line, 'row', 'missing_row');
    if (positional) {
      if (!/^\d{1,9}$/.test(row)) return err(line, 'row', 'bad_number', row);
      row = String(Number(row)); // 01 and 1 are the same position
    }
    if (section === 'whitespaceCells') {
      if (!/^\d{1,9}$/.test(field)) return err(line, 'field', 'bad_number', field);
      field = String(Number(field));
    } else {
      const spec: FieldSpec =
        section === 'plan'
          ? PLAN_FIELDS
          : (SINGLE[section] ??
            (ID_TABLES as Record<string, FieldSpec>)[section] ??
            (POSITION_TABLES as Record<string, FieldSpec>)[section]!);
      if (!spec.some(([f]) => f === field)) return err(line, 'field', 'unknown_field', field);
    }
    let bySection = collected.get(section);
    if (!bySection) collected.set(section, (bySection = new Map()));
    let byRow = bySection.get(row);
    if (!byRow) bySection.set(row, (byRow = new Map()));
    if (byRow.has(field)) return err(line, 'field', 'duplicate', field);
    byRow.set(field, { value, line });
  }

  // Identity and money digits.
  const planCells = collected.get('plan')?.get('');
  for (const f of ['accountName', 'accountKey', 'year', 'status']) {
    if (!planCells?.has(f)) return err(0, 'field', 'missing', f);
  }
  const digitsCell = planCells!.get('moneyDigits');
  let digits = 2;
  if (digitsCell) {
    const t = digitsCell.value.trim();
    if (!/^[0-4]$/.test(t)) return err(digitsCell.line, 'value', 'bad_number', digitsCell.value);
    digits = Number(t);
  }
  const identity = readFields(PLAN_FIELDS.slice(0, 5), planCells, digits, 0);
  if (!identity.ok) return identity;

  const doc = emptyPlanDoc();
  const singleOf = (section: string): Fields =>
    readFields(SINGLE[section]!, collected.get(section)?.get(''), digits, 0);

  const targets = singleOf('targets');
  if (!targets.ok) return targets;
  doc.targets = {
    revenueMinor: targets.value.revenue as number | null,
    growth: targets.value.growth as number | null,
    margin: targets.value.margin as number | null,
  };
  const notes = singleOf('notes');
  if (!notes.ok) return notes;
  Object.assign(doc, notes.value);
  const valueChain = singleOf('valueChain');
  if (!valueChain.ok) return valueChain;
  doc.valueChain = valueChain.value as unknown as PlanDoc['valueChain'];
  const swot = singleOf('swot');
  if (!swot.ok) return swot;
  doc.swot = swot.value as unknown as PlanDoc['swot'];
  const weightCells = collected.get('healthWeights')?.get('');
  if (weightCells) {
    const w = readFields(
      SINGLE.healthWeights!,
      weightCells,
      digits,
      firstLineOf(weightCells),
      new Set(['targets', 'overdue', 'coverage', 'contact']),
    );
    if (!w.ok) return w;
    doc.healthWeights = w.value as unknown as HealthWeights;
  }

  // Positional tables: rows sorted by number.
  const positional = (
    section: keyof typeof POSITION_TABLES,
  ): Result<Record<string, unknown>[], PlanCsvError> => {
    const bySection = collected.get(section);
    if (!bySection) return ok([]);
    const out: Record<string, unknown>[] = [];
    for (const [, cells] of [...bySection].sort((a, b) => Number(a[0]) - Number(b[0]))) {
      const r = readFields(POSITION_TABLES[section], cells, digits, firstLineOf(cells));
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
  const positionsOf = (section: string): string[] =>
    [...(collected.get(section)?.keys() ?? [])].sort((a, b) => Number(a) - Number(b));

  const lines_ = positional('whitespaceLines');
  if (!lines_.ok) return lines_;
  const units = positional('whitespaceUnits');
  if (!units.ok) return units;
  const linePositions = positionsOf('whitespaceLines').map(Number);
  const unitPositions = positionsOf('whitespaceUnits').map(Number);
  const cells: WhitespaceState[][] = linePositions.map(() => unitPositions.map(() => '' as const));
  for (const [row, byField] of collected.get('whitespaceCells') ?? []) {
    for (const [field, cell] of byField) {
      const i = linePositions.indexOf(Number(row));
      const j = unitPositions.indexOf(Number(field));
      if (i < 0) return err(cell.line, 'row', 'bad_reference', row);
      if (j < 0) return err(cell.line, 'field', 'bad_reference', field);
      const d = decode('whitespace', cell.value, digits);
      if (!d.ok) return err(cell.line, 'value', d.reason, cell.value);
      cells[i]![j] = d.value as WhitespaceState;
    }
  }
  doc.whitespace = {
    productLines: lines_.value.map((r) => r.name as string),
    units: units.value.map((r) => r.name as string),
    cells,
  };

  for (const table of Object.keys(ID_TABLES) as IdTable[]) {
    const rowsOut: Record<string, unknown>[] = [];
    for (const [id, cellsOfRow] of collected.get(table) ?? []) {
      const r = readFields(ID_TABLES[table], cellsOfRow, digits, firstLineOf(cellsOfRow));
      if (!r.ok) return r;
      rowsOut.push({ id, ...r.value });
    }
    (doc as unknown as Record<string, unknown>)[table] = rowsOut;
  }

  const history = positional('history');
  if (!history.ok) return history;
  doc.history = history.value as unknown as StatusChange[];

  const actionRows = positional('actions');
  if (!actionRows.ok) return actionRows;
  const actions: PlanAction[] = actionRows.value.map((r) => {
    const a: PlanAction = {
      measure: r.measure as ActionMeasure,
      title: r.title as string,
      owner: r.owner as string,
      due: r.due as string,
      status: r.status as PlanAction['status'],
      budgetMinor: r.budget as number | null,
      outcome: r.outcome as string,
    };
    return r.id === undefined ? a : { id: r.id as number, ...a };
  });

  const id = identity.value;
  return ok({
    accountName: id.accountName as string,
    accountKey: id.accountKey as string,
    year: id.year as number,
    status: id.status as PlanStatus,
    doc,
    actions,
    approvedAt: id.approvedAt as string | null,
  });
}

// ---- Actions list and portfolio ------------------------------------------------------------

/** Turns ids into the user's words (i18n lives outside the domain); identity when not given. */
export interface CsvLabels {
  planStatus?: (status: PlanStatus) => string;
  actionStatus?: (status: PlanAction['status']) => string;
  measure?: (measure: ActionMeasure) => string;
}

export interface ListCsvOptions {
  /** Digits after the point of amounts; default 2. */
  moneyDigits?: number;
  labels?: CsvLabels;
}

/** Columns of the actions list, in order. */
export const ACTION_LIST_COLUMNS = [
  'account',
  'accountKey',
  'year',
  'planStatus',
  'measure',
  'title',
  'owner',
  'due',
  'status',
  'budget',
  'outcome',
] as const;
export type ActionListColumn = (typeof ACTION_LIST_COLUMNS)[number];

/** A plan's actions with the plan's identity, for actionsRows. */
export interface ActionListPlan {
  accountName: string;
  accountKey: string;
  year: number;
  status: PlanStatus;
  actions: readonly PlanAction[];
}

/**
 * An actions-only table: the caller's header row (headers[column] for each of
 * ACTION_LIST_COLUMNS, in that order), then one row per action, plans in the given order and
 * each plan's actions in its order. Plan status, action status and measure go through
 * options.labels (ids when absent); due as YYYY-MM-DD or empty; budget as a decimal with
 * moneyDigits digits, empty when not set. For reading and reporting, not for import.
 */
export function actionsRows(
  plans: readonly ActionListPlan[],
  headers: Readonly<Record<ActionListColumn, string>>,
  options: ListCsvOptions = {},
): string[][] {
  const digits = checkDigits(options.moneyDigits ?? 2);
  const labels = options.labels ?? {};
  const rows: string[][] = [ACTION_LIST_COLUMNS.map((c) => headers[c])];
  for (const p of plans) {
    const planStatus = labels.planStatus ? labels.planStatus(p.status) : p.status;
    for (const a of p.actions) {
      rows.push([
        p.accountName,
        p.accountKey,
        String(p.year),
        planStatus,
        labels.measure ? labels.measure(a.measure) : a.measure,
        a.title,
        a.owner,
        a.due,
        labels.actionStatus ? labels.actionStatus(a.status) : a.status,
        a.budgetMinor === null ? '' : minorToDecimalString(a.budgetMinor, digits),
        a.outcome,
      ]);
    }
  }
  return rows;
}

/** Columns of the portfolio table, in order. */
export const PORTFOLIO_COLUMNS = [
  'account',
  'accountKey',
  'tier',
  'owner',
  'year',
  'status',
  'target',
  'actual',
  'attainment',
  'actionsDone',
  'actionsTotal',
  'overdue',
  'health',
] as const;
export type PortfolioColumn = (typeof PORTFOLIO_COLUMNS)[number];

/** One plan of the portfolio, figures computed by the caller (e.g. actionCounts, healthScore). */
export interface PortfolioPlan {
  accountName: string;
  accountKey: string;
  tier: string;
  owner: string;
  year: number;
  status: PlanStatus;
  targetRevenueMinor: number | null;
  actualRevenueMinor: number;
  actionsDone: number;
  /** Actions not cancelled. */
  actionsTotal: number;
  overdue: number;
  /** 0–100; null = not computed. */
  health: number | null;
}

/**
 * The portfolio table: the caller's header row (headers[column] for each of PORTFOLIO_COLUMNS,
 * in that order), then one row per plan in the given order. target and actual as decimals
 * with moneyDigits digits (target empty when not set); attainment = actual / target as a
 * fraction rounded to 4 decimals (0.8523 = 85.23 %), empty without a positive target; counts
 * and health as integers (health empty when null); status through options.labels.planStatus.
 */
export function portfolioRows(
  plans: readonly PortfolioPlan[],
  headers: Readonly<Record<PortfolioColumn, string>>,
  options: ListCsvOptions = {},
): string[][] {
  const digits = checkDigits(options.moneyDigits ?? 2);
  const label = options.labels?.planStatus;
  const rows: string[][] = [PORTFOLIO_COLUMNS.map((c) => headers[c])];
  for (const p of plans) {
    const target = p.targetRevenueMinor;
    rows.push([
      p.accountName,
      p.accountKey,
      p.tier,
      p.owner,
      String(p.year),
      label ? label(p.status) : p.status,
      target === null ? '' : minorToDecimalString(target, digits),
      minorToDecimalString(p.actualRevenueMinor, digits),
      target !== null && target > 0
        ? String(Math.round((p.actualRevenueMinor / target) * 10_000) / 10_000)
        : '',
      String(p.actionsDone),
      String(p.actionsTotal),
      String(p.overdue),
      p.health === null ? '' : String(p.health),
    ]);
  }
  return rows;
}
