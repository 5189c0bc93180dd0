import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanStatus } from '../domain/types';
import { assignedId, KeyplanDB } from './db';
import {
  copyForNextYear,
  defaultTemplate,
  emptyPlanDoc,
  templateFrom,
  type PlanAction,
  type PlanDoc,
} from '../domain/planDoc';
import {
  PLAN_TRANSITIONS,
  plansRepo,
  type EditableActionFields,
  type NewAction,
  type ParsedPlan,
} from './plans';
import { blankAccount } from './rows';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const plans = plansRepo(db);

const T0 = '2026-01-10T08:00:00.000Z';
const T1 = '2026-01-11T09:30:00.000Z';
const T2 = '2026-01-12T10:00:00.000Z';
const T3 = '2026-01-13T11:00:00.000Z';

beforeEach(() => {
  // Only Date is faked: IndexedDB's own timers keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(T0));
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete({ disableAutoOpen: false });
});

const action = (title: string, overrides: Partial<NewAction> = {}): NewAction => ({
  measure: 'executive_visits',
  title,
  owner: 'Li Na',
  due: '2026-03-31',
  status: 'planned',
  ...overrides,
});

const everything = async () => ({
  accounts: await db.accounts.toArray(),
  plans: await db.plans.toArray(),
  actions: await db.actions.toArray(),
  planTemplates: await db.planTemplates.toArray(),
});

/** The document with every table row id blanked: templates give fresh random row ids. */
const rowIdsBlank = (doc: PlanDoc | undefined): unknown =>
  JSON.parse(JSON.stringify(doc), (key: string, value: unknown) =>
    key === 'id' && typeof value === 'string' ? '' : value,
  );

/** The fields a PlanAction carries (copies and imports add plan, workspace and id). */
const actionFields = (a: PlanAction): PlanAction => ({
  measure: a.measure,
  title: a.title,
  owner: a.owner,
  due: a.due,
  status: a.status,
  budgetMinor: a.budgetMinor,
  outcome: a.outcome,
});

const STATUSES: PlanStatus[] = ['draft', 'in_review', 'approved', 'closed'];
/** How to get a fresh draft to each status along allowed steps. */
const PATH_TO: Record<PlanStatus, PlanStatus[]> = {
  draft: [],
  in_review: ['in_review'],
  approved: ['in_review', 'approved'],
  closed: ['in_review', 'approved', 'closed'],
};
async function planIn(status: PlanStatus, accountId = 10): Promise<number> {
  const id = await plans.create(1, accountId, 2026);
  for (const step of PATH_TO[status]) await plans.setStatus(id, step, '');
  return id;
}

describe('plansRepo plans', () => {
  it('create makes a draft plan from the default template', async () => {
    const id = await plans.create(1, 10, 2026);
    const plan = (await plans.get(id))!;
    expect(rowIdsBlank(plan.doc)).toEqual(rowIdsBlank(defaultTemplate()));
    expect(plan).toEqual({
      id,
      workspaceId: 1,
      accountId: 10,
      year: 2026,
      status: 'draft',
      doc: plan.doc,
      createdAt: T0,
      updatedAt: T0,
      statusChangedAt: T0,
      approved: null,
      lastReviewAt: null,
    });
    expect(await plans.create(1, 11, 2026, { kind: 'default' })).toBeGreaterThan(id);
    expect(rowIdsBlank((await plans.findFor(11, 2026))?.doc)).toEqual(
      rowIdsBlank(defaultTemplate()),
    );
    expect(await plans.findFor(10, 2026)).toEqual(await plans.get(id));
    expect(await plans.findFor(10, 2027)).toBeUndefined();
    expect(await plans.actionsByPlan(id)).toEqual([]);
  });

  it('create is idempotent per (account, year), whatever it would start from', async () => {
    const a = await plans.create(1, 10, 2026);
    await plans.updateDoc(a, (d) => ({ ...d, goalsNotes: 'Keep it' }));
    const again = await Promise.all([
      plans.create(1, 10, 2026),
      plans.create(1, 10, 2026, { kind: 'copy', planId: a }),
    ]);
    const otherYear = await plans.create(1, 10, 2027);
    const otherAccount = await plans.create(1, 11, 2026);

    expect(again).toEqual([a, a]);
    expect(new Set([a, otherYear, otherAccount]).size).toBe(3);
    expect(await db.plans.count()).toBe(3);
    expect((await plans.get(a))?.doc.goalsNotes).toBe('Keep it');
  });

  it('listByWorkspace returns only that workspace’s plans', async () => {
    await plans.create(1, 10, 2026);
    await plans.create(2, 20, 2026);
    await plans.create(1, 11, 2026);
    expect((await plans.listByWorkspace(1)).map((p) => p.accountId).sort()).toEqual([10, 11]);
    expect((await plans.listByWorkspace(2)).map((p) => p.accountId)).toEqual([20]);
  });

  it('updateDoc applies changes in turn to the stored document and bumps updatedAt', async () => {
    const id = await plans.create(1, 10, 2026);
    const start = (await plans.get(id))!.doc;
    vi.setSystemTime(new Date(T1));
    await plans.updateDoc(id, (d) => ({ ...d, goalsNotes: 'Grow 20%', team: 'Li Na' }));
    await plans.updateDoc(id, (d) => ({
      ...d,
      targets: { ...d.targets, revenueMinor: 5_000_000 },
      goalsNotes: d.goalsNotes + '!',
    }));
    const plan = await plans.get(id);
    expect(plan?.doc).toEqual({
      ...start,
      goalsNotes: 'Grow 20%!',
      team: 'Li Na',
      targets: { ...start.targets, revenueMinor: 5_000_000 },
    });
    expect(plan?.createdAt).toBe(T0);
    expect(plan?.updatedAt).toBe(T1);
    expect(plan?.statusChangedAt).toBe(T0);
  });

  it('updateDoc keeps the stored status history whatever the change returns', async () => {
    const id = await planIn('in_review');
    const history = (await plans.get(id))!.doc.history;
    await plans.updateDoc(id, (d) => ({ ...d, history: [], team: 'x' }));
    expect((await plans.get(id))?.doc).toMatchObject({ history, team: 'x' });
  });

  it('updateDoc of a missing plan throws and creates nothing', async () => {
    await expect(plans.updateDoc(42, (d) => d)).rejects.toMatchObject({
      code: 'plan_missing',
      message: 'Plan 42 does not exist',
    });
    expect(await db.plans.count()).toBe(0);
  });

  it('remove deletes the plan and its actions only', async () => {
    const doomed = await plans.create(1, 10, 2026);
    const kept = await plans.create(1, 11, 2026);
    await plans.addAction(doomed, action('a'));
    await plans.addAction(doomed, action('b'));
    const keptAction = await plans.addAction(kept, action('c'));
    const keptBefore = await db.plans.get(kept);

    await plans.remove(doomed);

    expect(await plans.get(doomed)).toBeUndefined();
    expect(await plans.actionsByPlan(doomed)).toEqual([]);
    expect(await db.plans.toArray()).toEqual([keptBefore]);
    expect((await db.actions.toArray()).map((a) => a.id)).toEqual([keptAction]);
  });

  it('listWithActions groups the workspace’s actions under their plans', async () => {
    const p = await plans.create(1, 10, 2026);
    const q = await plans.create(1, 11, 2026);
    const empty = await plans.create(1, 12, 2026);
    const other = await plans.create(2, 20, 2026);
    await plans.addAction(p, action('p1'));
    await plans.addAction(q, action('q1'));
    await plans.addAction(other, action('o1'));
    await plans.addAction(p, action('p2'));

    const list = await plans.listWithActions(1);
    expect(list.map((x) => [x.plan.id, x.actions.map((a) => a.title)])).toEqual([
      [p, ['p1', 'p2']],
      [q, ['q1']],
      [empty, []],
    ]);
    expect(list[0]!.plan).toEqual(await plans.get(p));
    expect(await plans.listWithActions(3)).toEqual([]);
  });
});

describe('plansRepo status workflow', () => {
  const allowed = new Set([
    'draft>in_review',
    'in_review>approved',
    'in_review>draft',
    'approved>closed',
    'approved>in_review',
  ]);
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to })));

  it('PLAN_TRANSITIONS is the documented workflow', () => {
    expect(pairs.filter(({ from, to }) => PLAN_TRANSITIONS[from].includes(to)).length).toBe(5);
    for (const { from, to } of pairs) {
      expect(PLAN_TRANSITIONS[from].includes(to)).toBe(allowed.has(`${from}>${to}`));
    }
  });

  it.each(pairs.filter(({ from, to }) => allowed.has(`${from}>${to}`)))(
    '$from → $to is allowed and noted in the history with its comment',
    async ({ from, to }) => {
      const id = await planIn(from);
      const before = (await plans.get(id))!;
      vi.setSystemTime(new Date(T1));
      await plans.setStatus(id, to, `Why: ${from} to ${to}`);
      const after = (await plans.get(id))!;
      expect(after.status).toBe(to);
      expect(after.statusChangedAt).toBe(T1);
      expect(after.updatedAt).toBe(T1);
      expect(after.doc.history).toEqual([
        ...before.doc.history,
        { at: T1, from, to, comment: `Why: ${from} to ${to}` },
      ]);
      expect({ ...after.doc, history: [] }).toEqual({ ...before.doc, history: [] });
    },
  );

  it.each(pairs.filter(({ from, to }) => !allowed.has(`${from}>${to}`)))(
    '$from → $to is refused, naming both, and changes nothing',
    async ({ from, to }) => {
      const id = await planIn(from);
      const before = await everything();
      await expect(plans.setStatus(id, to, 'no')).rejects.toMatchObject({
        code: 'plan_transition',
        params: { from, to },
        message: `A plan cannot go from ${from} to ${to}`,
      });
      expect(await everything()).toEqual(before);
    },
  );

  it('setStatus of a missing plan is refused', async () => {
    await expect(plans.setStatus(5, 'in_review', '')).rejects.toMatchObject({
      code: 'plan_missing',
    });
  });

  it('approving keeps a snapshot of document and actions that later edits leave alone', async () => {
    const id = await planIn('in_review');
    const kept = await plans.addAction(id, action('Visit', { budgetMinor: 10_000 }));
    const doomed = await plans.addAction(id, action('Call'));
    await plans.updateDoc(id, (d) => ({ ...d, goalsNotes: 'As approved' }));
    vi.setSystemTime(new Date(T1));
    await plans.setStatus(id, 'approved', 'Looks good');

    const approved = (await plans.get(id))!;
    const snapshot = {
      at: T1,
      doc: approved.doc,
      actions: await plans.actionsByPlan(id),
    };
    expect(approved.approved).toEqual(snapshot);
    expect(approved.lastReviewAt).toBe(T1);
    expect(snapshot.doc.goalsNotes).toBe('As approved');
    expect(snapshot.doc.history.at(-1)).toEqual({
      at: T1,
      from: 'in_review',
      to: 'approved',
      comment: 'Looks good',
    });

    // Edits stay allowed after approval; the snapshot does not follow them.
    vi.setSystemTime(new Date(T2));
    await plans.updateDoc(id, (d) => ({ ...d, goalsNotes: 'Changed later' }));
    await plans.updateAction(kept, { status: 'done', outcome: 'Met the CEO' });
    await plans.removeAction(doomed);
    await plans.addAction(id, action('New'));
    // Reopening for review keeps the last approval until the plan is approved again.
    await plans.setStatus(id, 'in_review', 'Budget changed');
    await plans.setStatus(id, 'draft', 'Rework');

    const later = (await plans.get(id))!;
    expect(later.doc.goalsNotes).toBe('Changed later');
    expect(later.approved).toEqual(snapshot);
    expect(later.lastReviewAt).toBe(T1);
    expect(later.status).toBe('draft');

    await plans.setStatus(id, 'in_review', '');
    vi.setSystemTime(new Date(T3));
    await plans.setStatus(id, 'approved', 'Again');
    const again = (await plans.get(id))!;
    expect(again.approved).toEqual({
      at: T3,
      doc: again.doc,
      actions: await plans.actionsByPlan(id),
    });
    expect(again.approved?.actions.map((a) => a.title)).toEqual(['Visit', 'New']);
    expect(again.lastReviewAt).toBe(T3);
  });

  it('a closed plan is read-only: edits to it and its actions are refused', async () => {
    const id = await planIn('approved');
    const a = await plans.addAction(id, action('Visit'));
    await plans.setStatus(id, 'closed', 'Year over');
    const before = await everything();

    const refusals: [string, Promise<unknown>][] = [
      ['updateDoc', plans.updateDoc(id, (d) => ({ ...d, team: 'x' }))],
      ['addAction', plans.addAction(id, action('late'))],
      ['updateAction', plans.updateAction(a, { status: 'done' })],
      ['removeAction', plans.removeAction(a)],
    ];
    for (const [what, p] of refusals) {
      await expect(p, what).rejects.toMatchObject({ code: 'plan_closed', params: { year: 2026 } });
    }
    expect(await everything()).toEqual(before);
  });
});

describe('plansRepo copy from last year', () => {
  it('starts the new plan with copyForNextYear of last year’s document and actions', async () => {
    const last = await plans.create(1, 10, 2025);
    await plans.updateDoc(last, (d) => ({
      ...d,
      goalsNotes: 'Grow',
      targets: { revenueMinor: 1_000, growth: 0.1, margin: 0.3 },
      objectives: [
        {
          id: 'o1',
          title: 'Share of wallet',
          metric: '%',
          baseline: '20',
          target: '30',
          due: '2025-12-31',
          progress: 0.5,
        },
      ],
    }));
    await plans.addAction(last, action('open', { budgetMinor: 500, outcome: 'half' }));
    await plans.addAction(last, action('running', { status: 'in_progress' }));
    await plans.addAction(last, action('finished', { status: 'done' }));
    await plans.addAction(last, action('dropped', { status: 'cancelled', measure: 'ka_club' }));
    await plans.setStatus(last, 'in_review', 'x');
    const source = (await plans.get(last))!;
    const sourceActions = await plans.actionsByPlan(last);
    const before = await everything();

    vi.setSystemTime(new Date(T1));
    const id = await plans.create(1, 10, 2026, { kind: 'copy', planId: last });

    const expected = copyForNextYear(source.doc, sourceActions);
    const plan = (await plans.get(id))!;
    expect(plan).toEqual({
      id,
      workspaceId: 1,
      accountId: 10,
      year: 2026,
      status: 'draft',
      doc: expected.doc,
      createdAt: T1,
      updatedAt: T1,
      statusChangedAt: T1,
      approved: null,
      lastReviewAt: null,
    });
    const copied = await plans.actionsByPlan(id);
    expect(copied.map(actionFields)).toEqual(expected.actions.map(actionFields));
    expect(copied.map((a) => Object.keys(a).length)).toEqual(copied.map(() => 10));
    expect(copied.every((a) => a.planId === id && a.workspaceId === 1)).toBe(true);
    expect(copied.some((a) => sourceActions.some((s) => s.id === a.id))).toBe(false);
    // Only open actions come along.
    expect(copied.map((a) => a.title).filter((t) => t === 'finished' || t === 'dropped')).toEqual(
      [],
    );
    // Last year's plan is untouched.
    const after = await everything();
    expect(after.plans.filter((p) => p.id !== id)).toEqual(before.plans);
    expect(after.actions.filter((a) => a.planId !== id)).toEqual(before.actions);
  });

  it('copy of a missing plan is refused and writes nothing', async () => {
    await expect(plans.create(1, 10, 2026, { kind: 'copy', planId: 99 })).rejects.toMatchObject({
      code: 'plan_missing',
    });
    expect(await everything()).toEqual(await emptyDb());
  });
});

const emptyDb = () => Promise.resolve({ accounts: [], plans: [], actions: [], planTemplates: [] });

describe('plansRepo templates', () => {
  const doc = (): PlanDoc => ({
    ...emptyPlanDoc(),
    team: 'KAM + engineering',
    goalsNotes: 'Specific to this account',
    targets: { revenueMinor: 9_000, growth: 0.2, margin: null },
    competitors: [
      {
        id: 'c1',
        name: 'Acme',
        share: 0.4,
        strengths: 'Price',
        weaknesses: 'Service',
        threat: 'high',
        response: 'Bundle service',
      },
    ],
    objectives: [
      {
        id: 'o1',
        title: 'Revenue',
        metric: 'CNY',
        baseline: '1',
        target: '2',
        due: '2026-12-31',
        progress: 0.2,
      },
    ],
    history: [{ at: T0, from: 'draft', to: 'in_review', comment: '' }],
  });

  it('saveTemplate stores templateFrom(doc); listTemplates by name, per workspace', async () => {
    const b = await plans.saveTemplate(1, ' OEM ', doc());
    const a = await plans.saveTemplate(1, 'Distributor', emptyPlanDoc());
    await plans.saveTemplate(2, 'Elsewhere', emptyPlanDoc());

    const list = await plans.listTemplates(1);
    expect(list.map((t) => ({ ...t, doc: rowIdsBlank(t.doc) }))).toEqual([
      {
        id: a,
        workspaceId: 1,
        name: 'Distributor',
        doc: rowIdsBlank(templateFrom(emptyPlanDoc())),
        createdAt: T0,
      },
      { id: b, workspaceId: 1, name: 'OEM', doc: rowIdsBlank(templateFrom(doc())), createdAt: T0 },
    ]);
    // The account's specifics are gone from the stored template.
    expect(list[1]!.doc).toMatchObject({
      targets: { revenueMinor: null },
      history: [],
      competitors: [{ name: 'Acme', share: null }],
    });
    expect((await plans.listTemplates(2)).map((t) => t.name)).toEqual(['Elsewhere']);
    expect(await plans.listTemplates(3)).toEqual([]);
  });

  it('create from a saved template starts from templateFrom of its document', async () => {
    const templateId = await plans.saveTemplate(1, 'OEM', doc());
    const stored = (await db.planTemplates.get(templateId))!;
    const id = await plans.create(1, 10, 2026, { kind: 'template', templateId });
    const plan = (await plans.get(id))!;
    expect(rowIdsBlank(plan.doc)).toEqual(rowIdsBlank(templateFrom(stored.doc)));
    expect(plan.doc.competitors[0]?.id).not.toBe(stored.doc.competitors[0]?.id);
    expect(plan.status).toBe('draft');
    // Editing the plan leaves the template alone.
    await plans.updateDoc(id, (d) => ({ ...d, team: 'Changed' }));
    expect(await db.planTemplates.get(templateId)).toEqual(stored);
  });

  it('removeTemplate deletes only that template; plans made from it stay', async () => {
    const gone = await plans.saveTemplate(1, 'A', doc());
    const kept = await plans.saveTemplate(1, 'B', doc());
    const planId = await plans.create(1, 10, 2026, { kind: 'template', templateId: gone });
    await plans.removeTemplate(gone);
    expect((await plans.listTemplates(1)).map((t) => t.id)).toEqual([kept]);
    expect(await plans.get(planId)).toBeDefined();
  });

  it('create from a missing template is refused and writes nothing', async () => {
    await expect(
      plans.create(1, 10, 2026, { kind: 'template', templateId: 7 }),
    ).rejects.toMatchObject({ code: 'template_missing', params: { id: 7 } });
    expect(await db.plans.count()).toBe(0);
  });
});

describe('plansRepo importPlan', () => {
  const parsedActions: PlanAction[] = [
    {
      measure: 'ka_club',
      title: 'Club invite',
      owner: 'Li Na',
      due: '2026-04-01',
      status: 'planned',
      budgetMinor: 20_000,
      outcome: '',
    },
    {
      measure: 'custom',
      title: 'Factory tour',
      owner: '',
      due: '',
      status: 'done',
      budgetMinor: null,
      outcome: 'Went well',
    },
  ];
  const parsed = (overrides: Partial<ParsedPlan> = {}): ParsedPlan => ({
    accountName: 'Acme Ltd',
    accountKey: 'acme ltd',
    year: 2026,
    status: 'draft',
    doc: { ...emptyPlanDoc(), goalsNotes: 'Imported' },
    actions: parsedActions,
    approvedAt: null,
    ...overrides,
  });

  it('creates the account when the workspace has none with that key', async () => {
    await db.accounts.add(blankAccount(2, 'acme ltd', 'Acme in another workspace'));
    const id = await plans.importPlan(1, parsed());

    const account = (await db.accounts.where('[workspaceId+key]').equals([1, 'acme ltd']).first())!;
    expect(account).toEqual({ ...blankAccount(1, 'acme ltd', 'Acme Ltd'), id: account.id });
    expect(await plans.get(id)).toEqual({
      id,
      workspaceId: 1,
      accountId: account.id,
      year: 2026,
      status: 'draft',
      doc: parsed().doc,
      createdAt: T0,
      updatedAt: T0,
      statusChangedAt: T0,
      approved: null,
      lastReviewAt: null,
    });
    expect((await plans.actionsByPlan(id)).map(actionFields)).toEqual(parsedActions);
    expect((await plans.actionsByPlan(id)).every((a) => a.workspaceId === 1)).toBe(true);
  });

  it('uses the existing account found by key, or by its name’s key when the file has none', async () => {
    const acme = await db.accounts.add(blankAccount(1, 'acme ltd', 'ACME Limited (renamed)'));
    const byKey = await plans.importPlan(1, parsed());
    const byName = await plans.importPlan(
      1,
      parsed({ accountKey: '', accountName: 'Acme, Ltd.', year: 2027 }),
    );
    expect((await plans.get(byKey))?.accountId).toBe(acme);
    expect((await plans.get(byName))?.accountId).toBe(acme);
    expect(await db.accounts.count()).toBe(1);
    expect((await db.accounts.get(acme))?.name).toBe('ACME Limited (renamed)');
  });

  it('keeps status, history and the approval snapshot of an approved plan', async () => {
    const history = [
      {
        at: '2026-02-01T00:00:00.000Z',
        from: 'draft' as const,
        to: 'in_review' as const,
        comment: '',
      },
      {
        at: '2026-02-02T00:00:00.000Z',
        from: 'in_review' as const,
        to: 'approved' as const,
        comment: 'ok',
      },
    ];
    const doc = { ...emptyPlanDoc(), history };
    const id = await plans.importPlan(
      1,
      parsed({ status: 'approved', doc, approvedAt: '2026-02-02T00:00:00.000Z' }),
    );
    const plan = (await plans.get(id))!;
    expect(plan).toMatchObject({
      status: 'approved',
      doc,
      statusChangedAt: '2026-02-02T00:00:00.000Z',
      lastReviewAt: '2026-02-02T00:00:00.000Z',
      approved: { at: '2026-02-02T00:00:00.000Z', doc, actions: await plans.actionsByPlan(id) },
    });
  });

  it('is refused when the account has a plan for that year, writing nothing', async () => {
    const acme = assignedId(await db.accounts.add(blankAccount(1, 'acme ltd', 'Acme Ltd')));
    await plans.create(1, acme, 2026);
    const before = await everything();
    await expect(plans.importPlan(1, parsed())).rejects.toMatchObject({
      code: 'plan_exists',
      params: { account: 'Acme Ltd', year: 2026 },
    });
    expect(await everything()).toEqual(before);
  });

  it('is all or nothing: a failing action write leaves no account, plan or action behind', async () => {
    await db.accounts.add(blankAccount(1, 'other', 'Other'));
    const before = await everything();
    const broken = { ...parsedActions[0]!, outcome: (() => 'x') as unknown as string };
    await expect(
      plans.importPlan(1, parsed({ actions: [parsedActions[1]!, broken] })),
    ).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });
});

describe('plansRepo actions', () => {
  it('addAction stores the action under the plan’s workspace and touches the plan', async () => {
    const planId = await plans.create(7, 10, 2026);
    vi.setSystemTime(new Date(T1));
    const id = await plans.addAction(planId, action('Visit HQ'));

    expect(await db.actions.get(id)).toEqual({
      ...action('Visit HQ'),
      budgetMinor: null,
      outcome: '',
      id,
      planId,
      workspaceId: 7,
    });
    expect((await plans.get(planId))?.updatedAt).toBe(T1);
  });

  it('addAction stores budget, outcome and an anti-churn measure', async () => {
    const planId = await plans.create(7, 10, 2026);
    const fields = { measure: 'service_recovery', budgetMinor: 12_345, outcome: 'Fixed' } as const;
    const id = await plans.addAction(planId, action('Recover', fields));
    expect(await db.actions.get(id)).toMatchObject(fields);
  });

  it('addAction ignores a workspaceId smuggled into the action', async () => {
    const planId = await plans.create(7, 10, 2026);
    const sneaky = { ...action('x'), workspaceId: 99, planId: 123 } as NewAction;
    const id = await plans.addAction(planId, sneaky);
    expect(await db.actions.get(id)).toMatchObject({ workspaceId: 7, planId });
  });

  it('addAction to a missing plan throws and writes nothing', async () => {
    const planId = await plans.create(1, 10, 2026);
    const before = await everything();
    await expect(plans.addAction(planId + 1, action('lost'))).rejects.toThrow(
      `Plan ${planId + 1} does not exist`,
    );
    expect(await everything()).toEqual(before);
  });

  it('actionsByPlan returns a plan’s actions in creation order', async () => {
    const p = await plans.create(1, 10, 2026);
    const q = await plans.create(1, 11, 2026);
    await plans.addAction(p, action('first'));
    await plans.addAction(q, action('other'));
    await plans.addAction(p, action('second'));
    expect((await plans.actionsByPlan(p)).map((a) => a.title)).toEqual(['first', 'second']);
  });

  it.each<[string, Partial<EditableActionFields>]>([
    ['status', { status: 'done' }],
    ['title and owner', { title: 'Renamed', owner: 'Emma Chen' }],
    ['due cleared', { due: '' }],
    ['measure', { measure: 'custom' }],
    ['anti-churn measure', { measure: 'ka_managers' }],
    ['budget and outcome', { budgetMinor: 99_900, outcome: 'Signed' }],
    ['budget cleared', { budgetMinor: null }],
  ])('updateAction persists %s and touches the plan', async (_label, patch) => {
    const planId = await plans.create(1, 10, 2026);
    const id = await plans.addAction(planId, action('Visit', { budgetMinor: 1 }));
    const other = await plans.addAction(planId, action('Other'));
    const before = await db.actions.get(id);
    const otherBefore = await db.actions.get(other);

    vi.setSystemTime(new Date(T1));
    await plans.updateAction(id, patch);

    expect(await db.actions.get(id)).toEqual({ ...before, ...patch });
    expect(await db.actions.get(other)).toEqual(otherBefore);
    expect((await plans.get(planId))?.updatedAt).toBe(T1);
  });

  it('updateAction ignores fields that are not editable', async () => {
    const planId = await plans.create(1, 10, 2026);
    const id = await plans.addAction(planId, action('Visit'));
    const before = await db.actions.get(id);
    const sneaky = { title: 'New', planId: 77, workspaceId: 9 } as Partial<EditableActionFields>;
    await plans.updateAction(id, sneaky);
    expect(await db.actions.get(id)).toEqual({ ...before, title: 'New' });
  });

  it('updateAction of a missing action throws and writes nothing', async () => {
    await expect(plans.updateAction(999, { title: 'x' })).rejects.toMatchObject({
      code: 'action_missing',
      message: 'Action 999 does not exist',
    });
    expect(await db.actions.count()).toBe(0);
  });

  it('removeAction deletes only that action; a missing one is no error', async () => {
    const planId = await plans.create(1, 10, 2026);
    const a = await plans.addAction(planId, action('a'));
    const b = await plans.addAction(planId, action('b'));
    await plans.removeAction(a);
    await plans.removeAction(a);
    expect((await plans.actionsByPlan(planId)).map((x) => x.id)).toEqual([b]);
    expect(await plans.get(planId)).toBeDefined();
  });

  it('actionsByWorkspace returns actions of every plan in that workspace only', async () => {
    const p1 = await plans.create(1, 10, 2026);
    const p2 = await plans.create(1, 11, 2027);
    const p3 = await plans.create(2, 20, 2026);
    await plans.addAction(p1, action('w1-a'));
    await plans.addAction(p3, action('w2-a'));
    await plans.addAction(p2, action('w1-b'));

    expect((await plans.actionsByWorkspace(1)).map((a) => a.title).sort()).toEqual([
      'w1-a',
      'w1-b',
    ]);
    expect((await plans.actionsByWorkspace(2)).map((a) => a.title)).toEqual(['w2-a']);
    expect(await plans.actionsByWorkspace(3)).toEqual([]);
  });
});
