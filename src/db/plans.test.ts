import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyPlanSections } from '../domain/plan';
import { KeyplanDB } from './db';
import { plansRepo, type EditableActionFields, type NewAction } from './plans';
import type { PlanSections } from './schema';

const db = new KeyplanDB('test-' + crypto.randomUUID());
const plans = plansRepo(db);

const T0 = '2026-01-10T08:00:00.000Z';
const T1 = '2026-01-11T09:30:00.000Z';

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

describe('plansRepo plans', () => {
  it('create makes a draft plan with empty sections', async () => {
    const id = await plans.create(1, 10, 2026);
    expect(await plans.get(id)).toEqual({
      id,
      workspaceId: 1,
      accountId: 10,
      year: 2026,
      status: 'draft',
      sections: emptyPlanSections(),
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await plans.findFor(10, 2026)).toEqual(await plans.get(id));
    expect(await plans.findFor(10, 2027)).toBeUndefined();
  });

  it('create is idempotent per (account, year)', async () => {
    const a = await plans.create(1, 10, 2026);
    await plans.updateSections(a, { goals: 'Keep it' });
    const again = await Promise.all([plans.create(1, 10, 2026), plans.create(1, 10, 2026)]);
    const otherYear = await plans.create(1, 10, 2027);
    const otherAccount = await plans.create(1, 11, 2026);

    expect(again).toEqual([a, a]);
    expect(new Set([a, otherYear, otherAccount]).size).toBe(3);
    expect(await db.plans.count()).toBe(3);
    expect((await plans.get(a))?.sections.goals).toBe('Keep it');
  });

  it('listByWorkspace returns only that workspace’s plans', async () => {
    await plans.create(1, 10, 2026);
    await plans.create(2, 20, 2026);
    await plans.create(1, 11, 2026);
    expect((await plans.listByWorkspace(1)).map((p) => p.accountId).sort()).toEqual([10, 11]);
    expect((await plans.listByWorkspace(2)).map((p) => p.accountId)).toEqual([20]);
  });

  it.each<[string, Partial<PlanSections>[], PlanSections]>([
    ['one field', [{ goals: 'Grow 20%' }], { ...emptyPlanSections(), goals: 'Grow 20%' }],
    [
      'patches in turn, later ones winning',
      [{ goals: 'Grow 20%', competitors: 'Acme' }, { valueChain: 'OEM' }, { goals: 'Grow 25%' }],
      { ...emptyPlanSections(), goals: 'Grow 25%', competitors: 'Acme', valueChain: 'OEM' },
    ],
    ['an empty patch', [{}], emptyPlanSections()],
  ])('updateSections merges %s and bumps updatedAt', async (_label, patches, expected) => {
    const id = await plans.create(1, 10, 2026);
    vi.setSystemTime(new Date(T1));
    for (const patch of patches) await plans.updateSections(id, patch);
    const plan = await plans.get(id);
    expect(plan?.sections).toEqual(expected);
    expect(plan?.createdAt).toBe(T0);
    expect(plan?.updatedAt).toBe(T1);
  });

  it('updateSections of a missing plan throws and creates nothing', async () => {
    await expect(plans.updateSections(42, { goals: 'x' })).rejects.toThrow(
      'Plan 42 does not exist',
    );
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
});

describe('plansRepo actions', () => {
  it('addAction stores the action under the plan’s workspace and touches the plan', async () => {
    const planId = await plans.create(7, 10, 2026);
    vi.setSystemTime(new Date(T1));
    const id = await plans.addAction(planId, action('Visit HQ'));

    expect(await db.actions.get(id)).toEqual({
      ...action('Visit HQ'),
      id,
      planId,
      workspaceId: 7,
    });
    expect((await plans.get(planId))?.updatedAt).toBe(T1);
  });

  it('addAction ignores a workspaceId smuggled into the action', async () => {
    const planId = await plans.create(7, 10, 2026);
    const sneaky = { ...action('x'), workspaceId: 99, planId: 123 } as NewAction;
    const id = await plans.addAction(planId, sneaky);
    expect(await db.actions.get(id)).toMatchObject({ workspaceId: 7, planId });
  });

  it('addAction to a missing plan throws and writes nothing', async () => {
    const planId = await plans.create(1, 10, 2026);
    const before = { plans: await db.plans.toArray(), actions: await db.actions.toArray() };
    await expect(plans.addAction(planId + 1, action('lost'))).rejects.toThrow(
      `Plan ${planId + 1} does not exist`,
    );
    expect({ plans: await db.plans.toArray(), actions: await db.actions.toArray() }).toEqual(
      before,
    );
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
  ])('updateAction persists %s', async (_label, patch) => {
    const planId = await plans.create(1, 10, 2026);
    const id = await plans.addAction(planId, action('Visit'));
    const other = await plans.addAction(planId, action('Other'));
    const before = await db.actions.get(id);
    const otherBefore = await db.actions.get(other);

    await plans.updateAction(id, patch);

    expect(await db.actions.get(id)).toEqual({ ...before, ...patch });
    expect(await db.actions.get(other)).toEqual(otherBefore);
  });

  it('updateAction of a missing action throws and writes nothing', async () => {
    await expect(plans.updateAction(999, { title: 'x' })).rejects.toThrow(
      'Action 999 does not exist',
    );
    expect(await db.actions.count()).toBe(0);
  });

  it('removeAction deletes only that action', async () => {
    const planId = await plans.create(1, 10, 2026);
    const a = await plans.addAction(planId, action('a'));
    const b = await plans.addAction(planId, action('b'));
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
