import { emptyPlanSections } from '../domain/plan';
import { assignedId, updateExisting, type KeyplanDB } from './db';
import type { ActionRow, PlanRow, PlanSections } from './schema';

export type NewAction = Omit<ActionRow, 'id' | 'workspaceId' | 'planId'>;
export type EditableActionFields = Pick<
  ActionRow,
  'measure' | 'title' | 'owner' | 'due' | 'status'
>;

export function plansRepo(db: KeyplanDB) {
  return {
    listByWorkspace(workspaceId: number): Promise<PlanRow[]> {
      return db.plans.where('workspaceId').equals(workspaceId).toArray();
    },
    get(id: number): Promise<PlanRow | undefined> {
      return db.plans.get(id);
    },
    findFor(accountId: number, year: number): Promise<PlanRow | undefined> {
      return db.plans.where('[accountId+year]').equals([accountId, year]).first();
    },
    /** One plan per account and year: returns the existing one instead of making a second. */
    async create(workspaceId: number, accountId: number, year: number): Promise<number> {
      return db.transaction('rw', db.plans, async () => {
        const existing = await db.plans.where('[accountId+year]').equals([accountId, year]).first();
        if (existing?.id !== undefined) return existing.id;
        const now = new Date().toISOString();
        const id = await db.plans.add({
          workspaceId,
          accountId,
          year,
          status: 'draft',
          sections: emptyPlanSections(),
          createdAt: now,
          updatedAt: now,
        });
        return assignedId(id);
      });
    },
    async updateSections(id: number, patch: Partial<PlanSections>): Promise<void> {
      await db.transaction('rw', db.plans, async () => {
        const plan = await db.plans.get(id);
        if (!plan) throw new Error(`Plan ${id} does not exist`);
        await db.plans.update(id, {
          sections: { ...plan.sections, ...patch },
          updatedAt: new Date().toISOString(),
        });
      });
    },
    async remove(id: number): Promise<void> {
      await db.transaction('rw', db.plans, db.actions, async () => {
        await db.actions.where('planId').equals(id).delete();
        await db.plans.delete(id);
      });
    },
    actionsByPlan(planId: number): Promise<ActionRow[]> {
      return db.actions.where('planId').equals(planId).sortBy('id');
    },
    actionsByWorkspace(workspaceId: number): Promise<ActionRow[]> {
      return db.actions.where('workspaceId').equals(workspaceId).toArray();
    },
    async addAction(planId: number, action: NewAction): Promise<number> {
      return db.transaction('rw', db.plans, db.actions, async () => {
        const plan = await db.plans.get(planId);
        if (!plan) throw new Error(`Plan ${planId} does not exist`);
        await db.plans.update(planId, { updatedAt: new Date().toISOString() });
        return assignedId(
          await db.actions.add({ ...action, planId, workspaceId: plan.workspaceId }),
        );
      });
    },
    async updateAction(id: number, patch: Partial<EditableActionFields>): Promise<void> {
      await updateExisting(db.actions, id, patch, 'Action');
    },
    async removeAction(id: number): Promise<void> {
      await db.actions.delete(id);
    },
  };
}
