import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, unneutralizeFormula } from '../io/csvExport';
import { emptyPlanDoc, type PlanAction, type PlanDoc } from './planDoc';
import {
  ACTION_LIST_COLUMNS,
  actionsRows,
  planToRows,
  PORTFOLIO_COLUMNS,
  portfolioRows,
  rowsToPlan,
  type PlanExport,
} from './planCsv';

const NASTY = [
  '华东电子有限公司',
  'a, b, c',
  'He said "hi"',
  'line1\r\nline2\nline3\rline4',
  '=SUM(A1:A9)',
  '+86 21 5555 0000',
  '-minus first',
  '@mention',
  '\tTab first\tand inside',
  "'quote first",
  "'",
  "'=",
  ' padded ',
  '""',
  ',',
  '\r\n',
  '繁體 大客戶年度發展計劃；',
  '',
] as const;
const n = (i: number): string => NASTY[i % NASTY.length]!;

function nastyDoc(): PlanDoc {
  return {
    targets: { revenueMinor: 2 ** 31 + 12345, growth: 0.1 + 0.2, margin: null },
    financialNotes: n(0) + n(3),
    valueChain: {
      theirBusiness: n(1),
      theirCustomers: n(2),
      ourPosition: n(4),
      valueWeAdd: n(5),
      notes: '',
    },
    whitespace: {
      productLines: [n(6), n(7), ''],
      units: [n(8), n(0)],
      cells: [
        ['current', ''],
        ['opportunity', 'not_relevant'],
        ['', 'competitor'],
      ],
    },
    buyingStages: [
      { id: 's1', stage: n(9), participants: [3, 17, 42], infoNeeds: n(10) },
      { id: 's2', stage: '', participants: [], infoNeeds: '' },
    ],
    buyingNotes: n(11),
    competitors: [
      {
        id: 'c2',
        name: n(12),
        share: 0,
        strengths: n(13),
        weaknesses: n(14),
        threat: 'high',
        response: n(15),
      },
      {
        id: 'c1',
        name: n(16),
        share: null,
        strengths: '',
        weaknesses: '',
        threat: '',
        response: '',
      },
    ],
    competitorNotes: n(17),
    swot: { strengths: n(3), weaknesses: n(4), opportunities: n(5), threats: n(6) },
    objectives: [
      {
        id: 'o1',
        title: n(7),
        metric: n(8),
        baseline: '-5',
        target: '=1+1',
        due: '2025-12-31',
        progress: 0,
      },
      { id: 'o2', title: '', metric: '', baseline: '', target: '', due: '', progress: null },
      {
        id: 'o3',
        title: n(0),
        metric: '%',
        baseline: '0.1',
        target: '1e3',
        due: '2024-02-29',
        progress: 1e-7,
      },
    ],
    goalsNotes: n(9),
    team: n(2) + n(3) + n(4),
    executiveVisits: [
      { id: 'v1', quarter: 4, who: n(1), purpose: n(5), done: true },
      { id: 'v2', quarter: 1, who: '', purpose: '', done: false },
    ],
    risks: [{ id: 'k1', risk: n(4), likelihood: 'low', impact: 'medium', mitigation: n(3) }],
    healthWeights: { targets: 0.1 + 0.2, overdue: 0, coverage: 1e-9, contact: 12 },
    history: [
      { at: '2025-01-05T08:00:00.000Z', from: 'draft', to: 'in_review', comment: n(3) },
      { at: '2025-01-06', from: 'in_review', to: 'approved', comment: '' },
    ],
  };
}

function nastyActions(): PlanAction[] {
  return [
    {
      id: 12,
      measure: 'executive_visits',
      title: n(4),
      owner: n(0),
      due: '2025-03-01',
      status: 'in_progress',
      budgetMinor: Number.MAX_SAFE_INTEGER,
      outcome: n(3),
    },
    {
      measure: 'custom',
      title: '',
      owner: '',
      due: '',
      status: 'planned',
      budgetMinor: null,
      outcome: '',
    },
    {
      id: 3_000_000_000,
      measure: 'service_recovery',
      title: n(6),
      owner: n(7),
      due: '',
      status: 'done',
      budgetMinor: -5,
      outcome: '',
    },
    {
      id: 4,
      measure: 'ka_club',
      title: n(1),
      owner: '',
      due: '',
      status: 'cancelled',
      budgetMinor: 0,
      outcome: n(2),
    },
  ];
}

function nastyPlan(over: Partial<PlanExport> = {}): PlanExport {
  return {
    accountName: n(0) + n(1),
    accountKey: '=C-001',
    year: 2025,
    status: 'approved',
    doc: nastyDoc(),
    actions: nastyActions(),
    approvedAt: '2025-01-06T09:30:00.000Z',
    ...over,
  };
}

const minimal = (over: Partial<PlanExport> = {}): PlanExport => ({
  accountName: '',
  accountKey: '',
  year: 2024,
  status: 'draft',
  doc: emptyPlanDoc(),
  actions: [],
  approvedAt: null,
  ...over,
});

/** What the io layer does: toCsv, then parse and reverse the formula neutralising. */
function throughCsvText(rows: string[][]): string[][] {
  const text = toCsv(rows);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data.map((r) => r.map(unneutralizeFormula));
}

describe('planToRows / rowsToPlan round trip', () => {
  it.each<[string, PlanExport, number | undefined]>([
    ['nasty plan', nastyPlan(), undefined],
    ['nasty plan, 0 money digits', nastyPlan(), 0],
    ['nasty plan, 3 money digits', nastyPlan(), 3],
    ['empty plan', minimal(), undefined],
    ['empty plan with the default template structure', minimal({ status: 'closed' }), 2],
    [
      'weights null vs set, whitespace lines without units',
      minimal({
        doc: {
          ...emptyPlanDoc(),
          whitespace: { productLines: ['a', 'b'], units: [], cells: [[], []] },
        },
      }),
      2,
    ],
    [
      'units without lines',
      minimal({
        doc: { ...emptyPlanDoc(), whitespace: { productLines: [], units: ['x'], cells: [] } },
      }),
      2,
    ],
  ])('%s: rows → plan is identical', (_name, plan, digits) => {
    const rows = planToRows(plan, digits === undefined ? {} : { moneyDigits: digits });
    expect(rowsToPlan(rows)).toEqual({ ok: true, value: plan });
    // also through real CSV text (quoting, CRLF, BOM, formula neutralising)
    expect(rowsToPlan(throughCsvText(rows))).toEqual({ ok: true, value: plan });
  });

  it('keeps null and empty apart, and an action without id without id', () => {
    const r = rowsToPlan(throughCsvText(planToRows(nastyPlan())));
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    const doc = r.value.doc;
    expect(doc.targets.margin).toBeNull();
    expect(doc.competitors.map((c) => c.share)).toEqual([0, null]);
    expect(doc.objectives.map((o) => o.progress)).toEqual([0, null, 1e-7]);
    expect(doc.targets.growth).toBe(0.30000000000000004);
    expect(r.value.actions.map((a) => a.budgetMinor)).toEqual([
      Number.MAX_SAFE_INTEGER,
      null,
      -5,
      0,
    ]);
    expect('id' in r.value.actions[1]!).toBe(false);
    expect(r.value.actions[2]!.id).toBe(3_000_000_000);
    expect(doc.healthWeights).not.toBeNull();
    const empty = rowsToPlan(planToRows(minimal()));
    expect(empty.ok && empty.value.doc.healthWeights).toBeNull();
  });
});

describe('planToRows: the format', () => {
  it('writes format, header, identity, then sections', () => {
    const plan = minimal({
      accountName: '华东, "电子"',
      accountKey: 'K1',
      year: 2025,
      status: 'approved',
      approvedAt: '2025-02-10',
      actions: [
        {
          id: 7,
          measure: 'priority_supply',
          title: 't',
          owner: 'o',
          due: '2025-03-01',
          status: 'planned',
          budgetMinor: 123456,
          outcome: '',
        },
      ],
    });
    plan.doc.targets.revenueMinor = 120_000_000;
    plan.doc.objectives = [
      {
        id: 'r1',
        title: 'Share, SH',
        metric: '',
        baseline: '',
        target: '40 %',
        due: '',
        progress: 0.25,
      },
    ];
    expect(planToRows(plan)).toEqual([
      ['keyplan-plan', '1'],
      ['section', 'row', 'field', 'value'],
      ['plan', '', 'accountName', '华东, "电子"'],
      ['plan', '', 'accountKey', 'K1'],
      ['plan', '', 'year', '2025'],
      ['plan', '', 'status', 'approved'],
      ['plan', '', 'approvedAt', '2025-02-10'],
      ['plan', '', 'moneyDigits', '2'],
      ['targets', '', 'revenue', '1200000.00'],
      ['targets', '', 'growth', ''],
      ['targets', '', 'margin', ''],
      ['notes', '', 'financialNotes', ''],
      ['notes', '', 'buyingNotes', ''],
      ['notes', '', 'competitorNotes', ''],
      ['notes', '', 'goalsNotes', ''],
      ['notes', '', 'team', ''],
      ['valueChain', '', 'theirBusiness', ''],
      ['valueChain', '', 'theirCustomers', ''],
      ['valueChain', '', 'ourPosition', ''],
      ['valueChain', '', 'valueWeAdd', ''],
      ['valueChain', '', 'notes', ''],
      ['swot', '', 'strengths', ''],
      ['swot', '', 'weaknesses', ''],
      ['swot', '', 'opportunities', ''],
      ['swot', '', 'threats', ''],
      ['objectives', 'r1', 'title', 'Share, SH'],
      ['objectives', 'r1', 'metric', ''],
      ['objectives', 'r1', 'baseline', ''],
      ['objectives', 'r1', 'target', '40 %'],
      ['objectives', 'r1', 'due', ''],
      ['objectives', 'r1', 'progress', '0.25'],
      ['actions', '1', 'id', '7'],
      ['actions', '1', 'measure', 'priority_supply'],
      ['actions', '1', 'title', 't'],
      ['actions', '1', 'owner', 'o'],
      ['actions', '1', 'due', '2025-03-01'],
      ['actions', '1', 'status', 'planned'],
      ['actions', '1', 'budget', '1234.56'],
      ['actions', '1', 'outcome', ''],
    ]);
  });
});

describe('rowsToPlan: lenient where a spreadsheet differs', () => {
  const head = [
    ['keyplan-plan', '1'],
    ['section', 'row', 'field', 'value'],
    ['plan', '', 'accountName', 'A'],
    ['plan', '', 'accountKey', ''],
    ['plan', '', 'year', '2025'],
    ['plan', '', 'status', 'draft'],
  ];
  it.each<[string, string[][], (p: PlanExport) => unknown, unknown]>([
    [
      'BOM on the first cell',
      [['\uFEFFkeyplan-plan', '1'], ...head.slice(1)],
      (p) => p.accountName,
      'A',
    ],
    [
      'blank lines and extra cells',
      [...head, [], ['', '', '', ''], ['notes', '', 'team', 'T', 'extra']],
      (p) => p.doc.team,
      'T',
    ],
    [
      'TRUE from Excel',
      [...head, ['executiveVisits', 'v', 'quarter', '3'], ['executiveVisits', 'v', 'done', 'TRUE']],
      (p) => p.doc.executiveVisits,
      [{ id: 'v', quarter: 3, who: '', purpose: '', done: true }],
    ],
    [
      'amount with fewer digits',
      [...head, ['targets', '', 'revenue', '12.5']],
      (p) => p.doc.targets.revenueMinor,
      1250,
    ],
    [
      'lines in any order, positions sorted',
      [
        ...head,
        ['whitespaceLines', '10', 'name', 'b'],
        ['whitespaceLines', '02', 'name', 'a'],
        ['whitespaceCells', '10', '1', 'current'],
        ['whitespaceUnits', '1', 'name', 'u'],
      ],
      (p) => p.doc.whitespace,
      { productLines: ['a', 'b'], units: ['u'], cells: [[''], ['current']] },
    ],
    [
      'table fields left out take their empty value',
      [...head, ['competitors', 'c', 'name', 'X']],
      (p) => p.doc.competitors,
      [
        {
          id: 'c',
          name: 'X',
          share: null,
          strengths: '',
          weaknesses: '',
          threat: '',
          response: '',
        },
      ],
    ],
    ['no approvedAt = never', head, (p) => p.approvedAt, null],
    ['no weights = default', head, (p) => p.doc.healthWeights, null],
  ])('%s', (_name, rows, pick, expected) => {
    const r = rowsToPlan(rows);
    if (!r.ok) throw new Error(JSON.stringify(r.reason));
    expect(pick(r.value)).toEqual(expected);
  });
});

describe('rowsToPlan: errors name line and column', () => {
  const good = planToRows(nastyPlan());
  const lineOf = (section: string, row: string, field: string): number =>
    good.findIndex((r) => r[0] === section && r[1] === row && r[2] === field) + 1;
  const withCell = (section: string, row: string, field: string, value: string): string[][] =>
    good.map((r) =>
      r[0] === section && r[1] === row && r[2] === field ? [section, row, field, value] : r,
    );
  const without = (section: string, row: string, field: string): string[][] =>
    good.filter((r) => !(r[0] === section && r[1] === row && r[2] === field));

  it.each<[string, string[][], { row: number; column: string; reason: string; detail?: string }]>([
    ['empty file', [], { row: 1, column: 'section', reason: 'wrong_format' }],
    [
      'another file',
      [['name', 'revenue'], ...good.slice(1)],
      { row: 1, column: 'section', reason: 'wrong_format' },
    ],
    [
      'wrong version',
      [['keyplan-plan', '2'], ...good.slice(1)],
      { row: 1, column: 'row', reason: 'wrong_version', detail: '2' },
    ],
    [
      'bad header',
      [good[0]!, ['section', 'field', 'row', 'value'], ...good.slice(2)],
      { row: 2, column: 'section', reason: 'bad_header' },
    ],
    [
      'unknown section',
      [...good, ['budget', '', 'x', '1']],
      { row: good.length + 1, column: 'section', reason: 'unknown_section', detail: 'budget' },
    ],
    [
      'unknown field',
      [...good, ['swot', '', 'chances', '1']],
      { row: good.length + 1, column: 'field', reason: 'unknown_field', detail: 'chances' },
    ],
    [
      'row for a single field',
      [...good, ['swot', '1', 'threats', '1']],
      { row: good.length + 1, column: 'row', reason: 'unexpected_row', detail: '1' },
    ],
    [
      'table line without row',
      [...good, ['risks', '', 'risk', 'r']],
      { row: good.length + 1, column: 'row', reason: 'missing_row' },
    ],
    [
      'position not a number',
      [...good, ['actions', 'a', 'title', 't']],
      { row: good.length + 1, column: 'row', reason: 'bad_number', detail: 'a' },
    ],
    [
      'duplicate',
      [...good, ['swot', '', 'threats', 'again']],
      { row: good.length + 1, column: 'field', reason: 'duplicate', detail: 'threats' },
    ],
    [
      'missing account name',
      without('plan', '', 'accountName'),
      { row: 0, column: 'field', reason: 'missing', detail: 'accountName' },
    ],
    [
      'missing status',
      without('plan', '', 'status'),
      { row: 0, column: 'field', reason: 'missing', detail: 'status' },
    ],
    [
      'bad year',
      withCell('plan', '', 'year', '25'),
      { row: lineOf('plan', '', 'year'), column: 'value', reason: 'bad_number', detail: '25' },
    ],
    [
      'bad plan status',
      withCell('plan', '', 'status', 'approved!'),
      {
        row: lineOf('plan', '', 'status'),
        column: 'value',
        reason: 'bad_choice',
        detail: 'approved!',
      },
    ],
    [
      'bad approval date',
      withCell('plan', '', 'approvedAt', '06/01/2025'),
      {
        row: lineOf('plan', '', 'approvedAt'),
        column: 'value',
        reason: 'bad_date',
        detail: '06/01/2025',
      },
    ],
    [
      'bad money digits',
      withCell('plan', '', 'moneyDigits', '9'),
      {
        row: lineOf('plan', '', 'moneyDigits'),
        column: 'value',
        reason: 'bad_number',
        detail: '9',
      },
    ],
    [
      'amount with a comma',
      withCell('targets', '', 'revenue', '1,000.00'),
      {
        row: lineOf('targets', '', 'revenue'),
        column: 'value',
        reason: 'bad_number',
        detail: '1,000.00',
      },
    ],
    [
      'amount with too many digits',
      withCell('targets', '', 'revenue', '1.001'),
      {
        row: lineOf('targets', '', 'revenue'),
        column: 'value',
        reason: 'bad_number',
        detail: '1.001',
      },
    ],
    [
      'amount past 2^53',
      withCell('targets', '', 'revenue', '90071992547409.93'),
      {
        row: lineOf('targets', '', 'revenue'),
        column: 'value',
        reason: 'bad_number',
        detail: '90071992547409.93',
      },
    ],
    [
      'fraction with a percent sign',
      withCell('targets', '', 'growth', '15%'),
      {
        row: lineOf('targets', '', 'growth'),
        column: 'value',
        reason: 'bad_number',
        detail: '15%',
      },
    ],
    [
      'bad due date',
      withCell('objectives', 'o1', 'due', '2025-02-30'),
      {
        row: lineOf('objectives', 'o1', 'due'),
        column: 'value',
        reason: 'bad_date',
        detail: '2025-02-30',
      },
    ],
    [
      'bad level',
      withCell('risks', 'k1', 'impact', 'huge'),
      {
        row: lineOf('risks', 'k1', 'impact'),
        column: 'value',
        reason: 'bad_choice',
        detail: 'huge',
      },
    ],
    [
      'bad yes/no',
      withCell('executiveVisits', 'v1', 'done', 'yes'),
      {
        row: lineOf('executiveVisits', 'v1', 'done'),
        column: 'value',
        reason: 'bad_boolean',
        detail: 'yes',
      },
    ],
    [
      'bad quarter',
      withCell('executiveVisits', 'v1', 'quarter', '5'),
      {
        row: lineOf('executiveVisits', 'v1', 'quarter'),
        column: 'value',
        reason: 'bad_number',
        detail: '5',
      },
    ],
    [
      'missing quarter',
      without('executiveVisits', 'v2', 'quarter'),
      {
        row: lineOf('executiveVisits', 'v2', 'who') - 1,
        column: 'field',
        reason: 'missing',
        detail: 'quarter',
      },
    ],
    [
      'bad participants',
      withCell('buyingStages', 's1', 'participants', '3,17'),
      {
        row: lineOf('buyingStages', 's1', 'participants'),
        column: 'value',
        reason: 'bad_number',
        detail: '3,17',
      },
    ],
    [
      'bad measure',
      withCell('actions', '1', 'measure', 'bribes'),
      {
        row: lineOf('actions', '1', 'measure'),
        column: 'value',
        reason: 'bad_choice',
        detail: 'bribes',
      },
    ],
    [
      'missing action status',
      without('actions', '2', 'status'),
      { row: lineOf('actions', '2', 'id'), column: 'field', reason: 'missing', detail: 'status' },
    ],
    [
      'bad action id',
      withCell('actions', '1', 'id', '-1'),
      { row: lineOf('actions', '1', 'id'), column: 'value', reason: 'bad_number', detail: '-1' },
    ],
    [
      'bad whitespace state',
      withCell('whitespaceCells', '1', '1', 'yes'),
      {
        row: lineOf('whitespaceCells', '1', '1'),
        column: 'value',
        reason: 'bad_choice',
        detail: 'yes',
      },
    ],
    [
      'cell of no line',
      [...good, ['whitespaceCells', '9', '1', 'current']],
      { row: good.length + 1, column: 'row', reason: 'bad_reference', detail: '9' },
    ],
    [
      'cell of no unit',
      [...good, ['whitespaceCells', '1', '9', 'current']],
      { row: good.length + 1, column: 'field', reason: 'bad_reference', detail: '9' },
    ],
    [
      'incomplete weights',
      without('healthWeights', '', 'contact'),
      {
        row: lineOf('healthWeights', '', 'targets'),
        column: 'field',
        reason: 'missing',
        detail: 'contact',
      },
    ],
    [
      'empty weight',
      withCell('healthWeights', '', 'overdue', ''),
      {
        row: lineOf('healthWeights', '', 'overdue'),
        column: 'value',
        reason: 'bad_number',
        detail: '',
      },
    ],
    [
      'bad history status',
      withCell('history', '1', 'to', 'done'),
      { row: lineOf('history', '1', 'to'), column: 'value', reason: 'bad_choice', detail: 'done' },
    ],
  ])('%s', (_name, rows, reason) => {
    expect(rowsToPlan(rows)).toEqual({ ok: false, reason });
  });
});

const ACTION_HEADERS = Object.fromEntries(ACTION_LIST_COLUMNS.map((c) => [c, `H:${c}`])) as Record<
  (typeof ACTION_LIST_COLUMNS)[number],
  string
>;
const PORTFOLIO_HEADERS = Object.fromEntries(
  PORTFOLIO_COLUMNS.map((c) => [c, `客户 ${c}`]),
) as Record<(typeof PORTFOLIO_COLUMNS)[number], string>;

describe('actionsRows', () => {
  const plans = [
    {
      accountName: n(0),
      accountKey: 'K1',
      year: 2025,
      status: 'approved' as const,
      actions: nastyActions().slice(0, 2),
    },
    { accountName: 'Empty', accountKey: '', year: 2024, status: 'closed' as const, actions: [] },
    {
      accountName: n(1),
      accountKey: '',
      year: 2024,
      status: 'draft' as const,
      actions: nastyActions().slice(2, 3),
    },
  ];
  it.each<[string, Parameters<typeof actionsRows>[2], string[][]]>([
    [
      'ids, 2 digits',
      undefined,
      [
        [
          '华东电子有限公司',
          'K1',
          '2025',
          'approved',
          'executive_visits',
          n(4),
          n(0),
          '2025-03-01',
          'in_progress',
          '90071992547409.91',
          n(3),
        ],
        ['华东电子有限公司', 'K1', '2025', 'approved', 'custom', '', '', '', 'planned', '', ''],
        ['a, b, c', '', '2024', 'draft', 'service_recovery', n(6), n(7), '', 'done', '-0.05', ''],
      ],
    ],
    [
      'labels, 0 digits',
      {
        moneyDigits: 0,
        labels: {
          planStatus: (s) => `P:${s}`,
          actionStatus: (s) => `A:${s}`,
          measure: (m) => `M:${m}`,
        },
      },
      [
        [
          '华东电子有限公司',
          'K1',
          '2025',
          'P:approved',
          'M:executive_visits',
          n(4),
          n(0),
          '2025-03-01',
          'A:in_progress',
          '9007199254740991',
          n(3),
        ],
        [
          '华东电子有限公司',
          'K1',
          '2025',
          'P:approved',
          'M:custom',
          '',
          '',
          '',
          'A:planned',
          '',
          '',
        ],
        [
          'a, b, c',
          '',
          '2024',
          'P:draft',
          'M:service_recovery',
          n(6),
          n(7),
          '',
          'A:done',
          '-5',
          '',
        ],
      ],
    ],
  ])('%s', (_name, options, body) => {
    expect(actionsRows(plans, ACTION_HEADERS, options)).toEqual([
      ACTION_LIST_COLUMNS.map((c) => `H:${c}`),
      ...body,
    ]);
  });
});

describe('portfolioRows', () => {
  const base = {
    accountName: n(0),
    accountKey: 'K',
    tier: 'A',
    owner: n(2),
    year: 2025,
    status: 'approved' as const,
    targetRevenueMinor: 1_000_000 as number | null,
    actualRevenueMinor: 852_345,
    actionsDone: 3,
    actionsTotal: 7,
    overdue: 1,
    health: 73 as number | null,
  };
  it.each([
    [
      'on the way',
      base,
      [
        '华东电子有限公司',
        'K',
        'A',
        n(2),
        '2025',
        'approved',
        '10000.00',
        '8523.45',
        '0.8523',
        '3',
        '7',
        '1',
        '73',
      ],
    ],
    [
      'no target, no health',
      { ...base, targetRevenueMinor: null, health: null },
      [
        '华东电子有限公司',
        'K',
        'A',
        n(2),
        '2025',
        'approved',
        '',
        '8523.45',
        '',
        '3',
        '7',
        '1',
        '',
      ],
    ],
    [
      'zero target',
      { ...base, targetRevenueMinor: 0 },
      [
        '华东电子有限公司',
        'K',
        'A',
        n(2),
        '2025',
        'approved',
        '0.00',
        '8523.45',
        '',
        '3',
        '7',
        '1',
        '73',
      ],
    ],
    [
      'over target',
      { ...base, targetRevenueMinor: 3, actualRevenueMinor: 4 },
      [
        '华东电子有限公司',
        'K',
        'A',
        n(2),
        '2025',
        'approved',
        '0.03',
        '0.04',
        '1.3333',
        '3',
        '7',
        '1',
        '73',
      ],
    ],
    [
      'negative actual (returns)',
      { ...base, actualRevenueMinor: -50_000 },
      [
        '华东电子有限公司',
        'K',
        'A',
        n(2),
        '2025',
        'approved',
        '10000.00',
        '-500.00',
        '-0.05',
        '3',
        '7',
        '1',
        '73',
      ],
    ],
  ])('%s', (_name, plan, row) => {
    expect(portfolioRows([plan], PORTFOLIO_HEADERS)).toEqual([
      PORTFOLIO_COLUMNS.map((c) => `客户 ${c}`),
      row,
    ]);
  });

  it('translates the status and uses the money digits', () => {
    const rows = portfolioRows([base], PORTFOLIO_HEADERS, {
      moneyDigits: 3,
      labels: { planStatus: () => '已批准' },
    });
    expect(rows[1]!.slice(5, 8)).toEqual(['已批准', '1000.000', '852.345']);
  });
});
