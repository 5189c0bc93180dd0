import { describe, expect, it } from 'vitest';
import {
  copyForNextYear,
  DEFAULT_BUYING_STAGES,
  defaultTemplate,
  emptyPlanDoc,
  planChanges,
  reviewDue,
  templateFrom,
  type PlanAction,
  type PlanChange,
  type PlanDoc,
  type ReviewDueInput,
} from './planDoc';

const NASTY = '华东, "总部"\r\n=SUM(A1)\t@x';

function fullDoc(): PlanDoc {
  return {
    targets: { revenueMinor: 5_000_000_000_00, growth: 0.15, margin: 0.1 + 0.2 },
    financialNotes: NASTY,
    valueChain: {
      theirBusiness: '电子制造',
      theirCustomers: '+Apple, Huawei',
      ourPosition: '-second',
      valueWeAdd: 'speed',
      notes: '',
    },
    whitespace: {
      productLines: ['Cables', '连接器'],
      units: ['上海', 'Shenzhen, "SZ"'],
      cells: [
        ['current', 'opportunity'],
        ['competitor', ''],
      ],
    },
    buyingStages: [
      { id: 's1', stage: 'Need recognition', participants: [3, 7], infoNeeds: 'specs' },
    ],
    buyingNotes: 'b',
    competitors: [
      {
        id: 'c1',
        name: 'Rival, Inc.',
        share: 0.3,
        strengths: 'price',
        weaknesses: 'service',
        threat: 'high',
        response: 'bundle',
      },
    ],
    competitorNotes: '',
    swot: { strengths: 's', weaknesses: 'w', opportunities: 'o', threats: 't' },
    objectives: [
      {
        id: 'o1',
        title: 'Share of wallet',
        metric: '%',
        baseline: '20 %',
        target: '30 %',
        due: '2025-12-31',
        progress: 0.4,
      },
      {
        id: 'o2',
        title: 'No target yet',
        metric: '',
        baseline: '5',
        target: ' ',
        due: '',
        progress: null,
      },
    ],
    goalsNotes: 'g',
    team: 'KA manager 张三',
    executiveVisits: [{ id: 'v1', quarter: 2, who: 'CEO', purpose: 'symposium', done: true }],
    risks: [
      { id: 'k1', risk: 'price war', likelihood: 'medium', impact: 'high', mitigation: 'value' },
    ],
    healthWeights: { targets: 1, overdue: 1, coverage: 1, contact: 1 },
    history: [{ at: '2025-02-01T08:00:00.000Z', from: 'in_review', to: 'approved', comment: 'ok' }],
  };
}

const action = (over: Partial<PlanAction> = {}): PlanAction => ({
  id: 1,
  measure: 'executive_visits',
  title: 'Visit',
  owner: 'Li',
  due: '2025-05-01',
  status: 'planned',
  budgetMinor: 100_00,
  outcome: 'half done',
  ...over,
});

const rowIds = (d: PlanDoc): string[] => [
  ...d.buyingStages.map((r) => r.id),
  ...d.competitors.map((r) => r.id),
  ...d.objectives.map((r) => r.id),
  ...d.executiveVisits.map((r) => r.id),
  ...d.risks.map((r) => r.id),
];

describe('defaultTemplate', () => {
  it('has the buying stages, one visit per quarter and two empty objectives', () => {
    const d = defaultTemplate();
    expect(d.buyingStages.map((s) => s.stage)).toEqual([...DEFAULT_BUYING_STAGES]);
    expect(d.buyingStages.every((s) => s.participants.length === 0 && s.infoNeeds === '')).toBe(
      true,
    );
    expect(d.executiveVisits.map((v) => [v.quarter, v.done])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
    ]);
    expect(d.objectives).toHaveLength(2);
    expect(d.objectives[0]).toMatchObject({ title: '', target: '', due: '', progress: null });
    expect(d.targets).toEqual(emptyPlanDoc().targets);
    expect(d.swot).toEqual(emptyPlanDoc().swot);
    expect(d.history).toEqual([]);
    expect(new Set(rowIds(d)).size).toBe(12);
  });
});

describe('templateFrom', () => {
  const src = fullDoc();
  const t = templateFrom(src);

  it.each([
    ['targets', t.targets, { revenueMinor: null, growth: null, margin: null }],
    ['whitespace lines kept', t.whitespace.productLines, ['Cables', '连接器']],
    ['whitespace units kept', t.whitespace.units, ['上海', 'Shenzhen, "SZ"']],
    [
      'whitespace cells cleared',
      t.whitespace.cells,
      [
        ['', ''],
        ['', ''],
      ],
    ],
    ['stage names kept', t.buyingStages.map((s) => s.stage), ['Need recognition']],
    ['participants cleared', t.buyingStages.map((s) => s.participants), [[]]],
    ['infoNeeds kept', t.buyingStages.map((s) => s.infoNeeds), ['specs']],
    ['competitor names kept', t.competitors.map((c) => c.name), ['Rival, Inc.']],
    [
      'competitor share/threat cleared',
      t.competitors.map((c) => [c.share, c.threat]),
      [[null, '']],
    ],
    [
      'objective titles/metrics kept',
      t.objectives.map((o) => [o.title, o.metric]),
      [
        ['Share of wallet', '%'],
        ['No target yet', ''],
      ],
    ],
    [
      'objective figures cleared',
      t.objectives.map((o) => [o.baseline, o.target, o.due, o.progress]),
      [
        ['', '', '', null],
        ['', '', '', null],
      ],
    ],
    [
      'visits not done',
      t.executiveVisits.map((v) => [v.quarter, v.who, v.done]),
      [[2, 'CEO', false]],
    ],
    [
      'risks kept',
      t.risks.map(({ id: _id, ...r }) => r),
      [{ risk: 'price war', likelihood: 'medium', impact: 'high', mitigation: 'value' }],
    ],
    [
      'text kept',
      [t.financialNotes, t.team, t.valueChain.theirCustomers, t.swot.threats],
      [NASTY, 'KA manager 张三', '+Apple, Huawei', 't'],
    ],
    ['weights kept', t.healthWeights, { targets: 1, overdue: 1, coverage: 1, contact: 1 }],
    ['history cleared', t.history, []],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('gives every row a fresh id and leaves the input alone', () => {
    const old = new Set(rowIds(src));
    expect(rowIds(t).some((id) => old.has(id))).toBe(false);
    expect(new Set(rowIds(t)).size).toBe(rowIds(t).length);
    expect(src).toEqual(fullDoc());
  });
});

describe('copyForNextYear', () => {
  const src = fullDoc();
  const { doc } = copyForNextYear(src, []);

  it.each([
    ['targets cleared', doc.targets, { revenueMinor: null, growth: null, margin: null }],
    // baseline := last target when set; a blank target keeps the old baseline
    ['objective baselines', doc.objectives.map((o) => o.baseline), ['30 %', '5']],
    [
      'objective targets/due/progress',
      doc.objectives.map((o) => [o.target, o.due, o.progress]),
      [
        ['', '', null],
        ['', '', null],
      ],
    ],
    ['objective ids kept', doc.objectives.map((o) => o.id), ['o1', 'o2']],
    ['visits not done', doc.executiveVisits.map((v) => v.done), [false]],
    ['history empty', doc.history, []],
    ['whitespace kept', doc.whitespace, src.whitespace],
    ['competitors kept', doc.competitors, src.competitors],
    ['stages kept', doc.buyingStages, src.buyingStages],
    [
      'text kept',
      [doc.financialNotes, doc.swot, doc.valueChain],
      [src.financialNotes, src.swot, src.valueChain],
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each([
    ['planned', 1],
    ['in_progress', 1],
    ['done', 0],
    ['cancelled', 0],
  ] as const)('a %s action → %i carried', (status, n) => {
    expect(copyForNextYear(src, [action({ status })]).actions).toHaveLength(n);
  });

  it('carries open actions as new planned ones without due, outcome, id or stored fields', () => {
    const stored = {
      ...action({ status: 'in_progress', title: '=年会, "Q4"' }),
      planId: 9,
      workspaceId: 2,
    };
    const r = copyForNextYear(src, [stored, action({ id: 2, status: 'done' })]);
    expect(r.actions).toStrictEqual([
      {
        measure: 'executive_visits',
        title: '=年会, "Q4"',
        owner: 'Li',
        due: '',
        status: 'planned',
        budgetMinor: 100_00,
        outcome: '',
      },
    ]);
    expect(src).toEqual(fullDoc());
  });
});

describe('planChanges', () => {
  const edit = (f: (d: PlanDoc) => void): PlanDoc => {
    const d = fullDoc();
    f(d);
    return d;
  };
  const ch = (c: Omit<PlanChange, 'kind'> & { kind?: PlanChange['kind'] }): PlanChange => ({
    kind: 'changed',
    ...c,
  });

  it.each<[string, PlanDoc, PlanChange[]]>([
    ['nothing', fullDoc(), []],
    [
      'a target',
      edit((d) => (d.targets.revenueMinor = null)),
      [ch({ section: 'targets', field: 'revenueMinor', before: '500000000000', after: '' })],
    ],
    [
      'a note with nasty text',
      edit((d) => (d.team = NASTY)),
      [ch({ section: 'notes', field: 'team', before: 'KA manager 张三', after: NASTY })],
    ],
    [
      'value chain and swot',
      edit((d) => {
        d.valueChain.notes = 'n';
        d.swot.threats = '';
      }),
      [
        ch({ section: 'valueChain', field: 'notes', before: '', after: 'n' }),
        ch({ section: 'swot', field: 'threats', before: 't', after: '' }),
      ],
    ],
    [
      'weights back to default',
      edit((d) => (d.healthWeights = null)),
      ['targets', 'overdue', 'coverage', 'contact'].map((field) =>
        ch({ section: 'healthWeights', field, before: '1', after: '' }),
      ),
    ],
    [
      'a whitespace cell',
      edit((d) => (d.whitespace.cells[1]![1] = 'opportunity')),
      [
        ch({
          section: 'whitespace',
          field: 'Shenzhen, "SZ"',
          rowId: '连接器',
          before: '',
          after: 'opportunity',
        }),
      ],
    ],
    [
      'a unit added: the list changes, existing cells matched by name',
      edit((d) => {
        d.whitespace.units = ['北京', '上海', 'Shenzhen, "SZ"'];
        d.whitespace.cells = [
          ['current', 'current', 'opportunity'],
          ['', 'competitor', ''],
        ];
      }),
      [
        ch({
          section: 'whitespace',
          field: 'units',
          before: '上海\nShenzhen, "SZ"',
          after: '北京\n上海\nShenzhen, "SZ"',
        }),
      ],
    ],
    [
      'objective fields',
      edit((d) => {
        d.objectives[0]!.progress = 0.5;
        d.objectives[0]!.due = '';
      }),
      [
        ch({ section: 'objectives', field: 'due', rowId: 'o1', before: '2025-12-31', after: '' }),
        ch({ section: 'objectives', field: 'progress', rowId: 'o1', before: '0.4', after: '0.5' }),
      ],
    ],
    [
      'rows added and removed',
      edit((d) => {
        d.risks = [{ id: 'k2', risk: '断供', likelihood: '', impact: '', mitigation: '' }];
        d.buyingStages[0]!.participants = [3];
      }),
      [
        ch({
          section: 'buyingStages',
          field: 'participants',
          rowId: 's1',
          before: '3,7',
          after: '3',
        }),
        {
          section: 'risks',
          field: '',
          rowId: 'k1',
          kind: 'removed',
          before: 'price war',
          after: '',
        },
        { section: 'risks', field: '', rowId: 'k2', kind: 'added', before: '', after: '断供' },
      ],
    ],
    [
      'rows reordered',
      edit((d) => d.objectives.reverse()),
      [ch({ section: 'objectives', field: 'order', before: 'o1,o2', after: 'o2,o1' })],
    ],
    [
      'visit done',
      edit((d) => (d.executiveVisits[0]!.done = false)),
      [
        ch({
          section: 'executiveVisits',
          field: 'done',
          rowId: 'v1',
          before: 'true',
          after: 'false',
        }),
      ],
    ],
    ['history ignored', edit((d) => (d.history = [])), []],
  ])('%s', (_name, after, expected) => {
    expect(planChanges({ doc: fullDoc(), actions: [] }, { doc: after, actions: [] })).toEqual(
      expected,
    );
  });

  it.each<[string, PlanAction[], PlanAction[], PlanChange[]]>([
    ['same', [action()], [action()], []],
    [
      'fields of one action',
      [action(), action({ id: 2 })],
      [action({ id: 2 }), action({ status: 'done', budgetMinor: null })],
      [
        ch({ section: 'actions', field: 'status', rowId: '1', before: 'planned', after: 'done' }),
        ch({ section: 'actions', field: 'budgetMinor', rowId: '1', before: '10000', after: '' }),
      ],
    ],
    [
      'added and removed',
      [action(), action({ id: 2, title: 'gone' })],
      [action(), action({ id: 3, title: 'new' }), action({ id: undefined, title: 'unsaved' })],
      [
        { section: 'actions', field: '', rowId: '2', kind: 'removed', before: 'gone', after: '' },
        { section: 'actions', field: '', rowId: '3', kind: 'added', before: '', after: 'new' },
        { section: 'actions', field: '', kind: 'added', before: '', after: 'unsaved' },
      ],
    ],
  ])('actions: %s', (_name, before, after, expected) => {
    const doc = fullDoc();
    expect(planChanges({ doc, actions: before }, { doc, actions: after })).toEqual(expected);
  });
});

describe('reviewDue', () => {
  const plan = (id: number, over: Partial<ReviewDueInput> = {}): ReviewDueInput => ({
    id,
    status: 'approved',
    lastReviewAt: '2024-07-01',
    tier: 'A',
    ...over,
  });
  const cadence = { A: 3, B: 6, C: 0, toString: 1 };

  it.each<[string, ReviewDueInput, boolean]>([
    ['A: 3 months passed exactly', plan(1, { lastReviewAt: '2025-04-01' }), true],
    ['A: one day short', plan(1, { lastReviewAt: '2025-04-02' }), false],
    [
      'A: date-time is cut to its date',
      plan(1, { lastReviewAt: '2025-04-01T23:59:59.000Z' }),
      true,
    ],
    ['B: 6 months', plan(1, { tier: 'B', lastReviewAt: '2025-01-01' }), true],
    ['B: 5 months', plan(1, { tier: 'B', lastReviewAt: '2025-02-01' }), false],
    ['unknown tier: 12 months', plan(1, { tier: '战略', lastReviewAt: '2024-07-01' }), true],
    ['unknown tier: 11 months', plan(1, { tier: '战略', lastReviewAt: '2024-07-02' }), false],
    ['cadence 0 is unusable: 12 months', plan(1, { tier: 'C', lastReviewAt: '2024-07-02' }), false],
    [
      'inherited property is no tier',
      plan(1, { tier: 'constructor', lastReviewAt: '2025-01-01' }),
      false,
    ],
    ['never reviewed', plan(1, { status: 'draft', lastReviewAt: null }), true],
    ['unreadable date counts as never', plan(1, { lastReviewAt: 'gestern' }), true],
    ['closed never due', plan(1, { status: 'closed', lastReviewAt: null }), false],
    ['in review and old', plan(1, { status: 'in_review', lastReviewAt: '2020-01-01' }), true],
  ])('%s', (_name, p, due) => {
    expect(reviewDue([p], cadence, '2025-07-01')).toEqual(due ? [p.id] : []);
  });

  it.each([
    // 03-31 + 3 months = 06-30 (June has no 31st): due on the 30th, not only on 07-01
    ['2025-03-31', '2025-06-29', false],
    ['2025-03-31', '2025-06-30', true],
    ['2024-11-30', '2025-02-28', true],
    ['2024-11-30', '2025-02-27', false],
  ])('month-end clamp: reviewed %s, today %s → due %s', (last, today, due) => {
    expect(reviewDue([plan(1, { lastReviewAt: last })], { A: 3 }, today)).toEqual(due ? [1] : []);
  });

  it('keeps input order', () => {
    const plans = [
      plan(5, { lastReviewAt: null }),
      plan(2),
      plan(9, { lastReviewAt: '2025-06-30' }),
      plan(1),
    ];
    expect(reviewDue(plans, { A: 3 }, '2025-07-01')).toEqual([5, 2, 1]);
  });
});
