// Issue 8: every CSV the app writes neutralises spreadsheet formulas in text cells (a leading
// = + - @ tab or CR gets a `'`), while numbers stay numbers. One table row per CSV writer; each
// puts the hostile text in one of its text fields and a number in one of its numeric fields.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ActionRow, PlanRow } from '../db/schema';
import { emptyPlanDoc } from '../domain/planDoc';
import { viewCsv } from '../features/accounts/exportAccounts';
import { rejectsCsv } from '../features/import/rejectsCsv';
import { actionsCsv, planCsv, portfolioCsvRows } from '../features/plans/planExport';
import type { PortfolioRow } from '../features/plans/portfolio/portfolio';
import type { AccountView } from '../state/workspaceData.svelte';
import { toCsv } from './csvExport';

const plan: PlanRow = {
  id: 1,
  workspaceId: 1,
  accountId: 10,
  year: 2025,
  status: 'draft',
  doc: emptyPlanDoc(),
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  statusChangedAt: '2025-01-01T00:00:00Z',
  approved: null,
  lastReviewAt: null,
};
const action = (title: string): ActionRow => ({
  id: 1,
  workspaceId: 1,
  planId: 1,
  measure: 'custom',
  title,
  owner: '',
  due: '',
  status: 'planned',
  budgetMinor: 12_345,
  outcome: '',
});
const account = (name: string): AccountView => ({
  id: 1,
  key: 'k1',
  name,
  industry: '',
  region: '',
  owner: '',
  tier: '',
  isKeyAccount: false,
  notes: '',
  custom: {},
  orders: 2,
  revenueMinor: -1_250,
  lastOrderDate: '2026-01-31',
  r: 1,
  f: 2,
  m: 3,
  segment: null,
  abc: 'A',
  growth: -0.25,
  churnRisk: false,
  relationshipDays: 400,
  clvMinor: null,
  estimatedSpendMinor: null,
  shareOfWallet: null,
});
const portfolioRow = (accountName: string): PortfolioRow => ({
  planId: 1,
  accountId: 10,
  accountName,
  accountKey: 'k',
  tierId: '',
  tierName: '',
  owner: '',
  status: 'draft',
  targetMinor: -1_250,
  actualMinor: 0,
  attainment: null,
  actionsDone: 0,
  actionsTotal: 0,
  overdue: 0,
  health: null,
});

interface Writer {
  name: string;
  /** The writer's CSV with `text` in a text field. */
  csv: (text: string) => string;
  /** Where that text lands: the first row (after the header rows) this picks out, and a column. */
  textCell: (rows: string[][]) => string | undefined;
  /** A numeric cell of the same file and the plain text it must read as. */
  numberCell: (rows: string[][]) => string | undefined;
  number: string;
}

const WRITERS: Writer[] = [
  {
    name: 'accounts view (exportAccounts.viewCsv)',
    csv: (text) =>
      viewCsv(
        [account(text)],
        [
          { colId: 'name', header: 'Account' },
          { colId: 'revenueMinor', header: 'Revenue' },
          { colId: 'orders', header: 'Orders' },
        ],
        2,
        { segment: (id) => id, tier: (id) => id },
      ),
    textCell: (rows) => rows[1]?.[0],
    numberCell: (rows) => rows[1]?.[1],
    number: '-12.50',
  },
  {
    name: 'import rejects (rejectsCsv)',
    csv: (text) => rejectsCsv([{ line: 7, column: 'Amount', value: text, reason: 'bad_amount' }]),
    textCell: (rows) => rows[1]?.[2],
    numberCell: (rows) => rows[1]?.[0],
    number: '7',
  },
  {
    name: 'plan, long format (planExport.planCsv)',
    csv: (text) => planCsv(plan, { name: text, key: 'k' }, [action('a')]),
    textCell: (rows) => rows.find((r) => r[0] === 'plan' && r[2] === 'accountName')?.[3],
    numberCell: (rows) => rows.find((r) => r[0] === 'actions' && r[2] === 'budget')?.[3],
    number: '123.45',
  },
  {
    name: 'plan actions (planExport.actionsCsv)',
    csv: (text) => actionsCsv([plan], [action(text)], new Map([[10, { name: 'A', key: 'k' }]])),
    textCell: (rows) => rows[1]?.[5],
    numberCell: (rows) => rows[1]?.[9],
    number: '123.45',
  },
  {
    // downloadPortfolioCsv itself saves a file (DOM); its rows are written by the same toCsv.
    name: 'portfolio (toCsv of planExport.portfolioCsvRows)',
    csv: (text) =>
      toCsv(
        portfolioCsvRows(2025, [portfolioRow(text)], {
          header: ['h'],
          planStatus: (s) => s,
        }),
      ),
    textCell: (rows) => rows[1]?.[1],
    numberCell: (rows) => rows[1]?.[6],
    number: '-12.50',
  },
];

const HOSTILE = [
  '=HYPERLINK("http://x","click")',
  '+1+1',
  '-1+1',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  // An existing leading quote gets one more, so reading the file back is unambiguous.
  "'=1+1",
];

const parse = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe.each(WRITERS)('$name', (writer) => {
  it.each(HOSTILE)('neutralises text starting %j', (text) => {
    expect(writer.textCell(parse(writer.csv(text)))).toBe(`'${text}`);
  });

  it('leaves harmless text alone (markup is not a formula)', () => {
    for (const text of ['Acme Ltd', '<img src=x onerror=alert(1)>', 'a=b', '1 + 1']) {
      expect(writer.textCell(parse(writer.csv(text)))).toBe(text);
    }
  });

  it('writes numbers as numbers, never with a quote', () => {
    expect(writer.numberCell(parse(writer.csv('Acme Ltd')))).toBe(writer.number);
  });
});
