import { normalizeAccountKey } from '../domain/normalize';
import type { PlanStatus } from '../domain/types';
import { assignedId, type KeyplanDB } from './db';
import { DataError } from './errors';
import {
  copyForNextYear,
  defaultTemplate,
  templateFrom,
  type PlanAction,
  type PlanDoc,
  type StatusChange,
} from '../domain/planDoc';
import { blankAccount } from './rows';
import type { ActionRow, PlanRow, PlanTemplateRow } from './schema';

/** An action as the user makes it; budget and outcome default to "not set". */
export type NewAction = Omit<
  ActionRow,
  'id' | 'workspaceId' | 'planId' | 'budgetMinor' | 'outcome'
> &
  Partial<Pick<ActionRow, 'budgetMinor' | 'outcome'>>;

const EDITABLE_ACTION_FIELDS = [
  'measure',
  'title',
  'owner',
  'due',
  'status',
  'budgetMinor',
  'outcome',
] as const;
export type EditableActionFields = Pick<ActionRow, (typeof EDITABLE_ACTION_FIELDS)[number]>;

/** What a new plan starts from: the built-in template, a saved one, or last year's plan. */
export type PlanSource =
  /** stageNames: the default buying stages in the user's language (the domain's are English). */
  | { kind: 'default'; stageNames?: readonly string[] }
  | { kind: 'template'; templateId: number }
  | { kind: 'copy'; planId: number };

/** A plan read from a file (domain/planCsv rowsToPlan), ready to store. */
export interface ParsedPlan {
  accountName: string;
  /** The account's key as exported; '' = identify the account by its name. */
  accountKey: string;
  year: number;
  status: PlanStatus;
  doc: PlanDoc;
  actions: readonly PlanAction[];
  /** When the plan was approved (its approval snapshot is then the imported plan); null = never. */
  approvedAt: string | null;
}

export interface PlanWithActions {
  plan: PlanRow;
  /** In creation order. */
  actions: ActionRow[];
}

/**
 * The status workflow: draft → in_review → approved → closed, plus sending a plan back from
 * review to draft and reopening an approved plan for review. Closed is final.
 */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: ['closed', 'in_review'],
  closed: [],
};

export function canChangeStatus(from: PlanStatus, to: PlanStatus): boolean {
  return PLAN_TRANSITIONS[from].includes(to);
}

function toActionRow(workspaceId: number, planId: number, a: NewAction): ActionRow {
  return {
    measure: a.measure,
    title: a.title,
    owner: a.owner,
    due: a.due,
    status: a.status,
    budgetMinor: a.budgetMinor ?? null,
    outcome: a.outcome ?? '',
    workspaceId,
    planId,
  };
}

function newPlanRow(
  workspaceId: number,
  accountId: number,
  year: number,
  doc: PlanDoc,
  now: string,
): PlanRow {
  return {
    workspaceId,
    accountId,
    year,
    status: 'draft',
    doc,
    createdAt: now,
    updatedAt: now,
    statusChangedAt: now,
    approved: null,
    lastReviewAt: null,
  };
}

export function plansRepo(db: KeyplanDB) {
  /** Call inside a transaction that includes db.plans. */
  async function existing(id: number): Promise<PlanRow> {
    const plan = await db.plans.get(id);
    if (!plan) throw new DataError('plan_missing', { id }, `Plan ${id} does not exist`);
    return plan;
  }

  /** The plan, refused when closed (closed plans are read-only). Inside a transaction. */
  async function editable(id: number): Promise<PlanRow> {
    const plan = await existing(id);
    if (plan.status === 'closed') {
      throw new DataError('plan_closed', { year: plan.year }, `Plan ${id} is closed`);
    }
    return plan;
  }

  /** The action and its plan, refused when the plan is closed. Inside a transaction. */
  async function editableAction(id: number): Promise<{ action: ActionRow; plan: PlanRow }> {
    const action = await db.actions.get(id);
    if (!action) throw new DataError('action_missing', { id }, `Action ${id} does not exist`);
    return { action, plan: await editable(action.planId) };
  }

  function touch(planId: number, now = new Date().toISOString()): Promise<number> {
    return db.plans.update(planId, { updatedAt: now });
  }

  function actionsOf(planId: number): Promise<ActionRow[]> {
    return db.actions.where('planId').equals(planId).sortBy('id');
  }

  return {
    listByWorkspace(workspaceId: number): Promise<PlanRow[]> {
      return db.plans.where('workspaceId').equals(workspaceId).toArray();
    },
    /** Every plan of the workspace with its actions (portfolio): one read of each table. */
    async listWithActions(workspaceId: number): Promise<PlanWithActions[]> {
      return db.transaction('r', db.plans, db.actions, async () => {
        const [plans, actions] = await Promise.all([
          db.plans.where('workspaceId').equals(workspaceId).toArray(),
          db.actions.where('workspaceId').equals(workspaceId).toArray(),
        ]);
        const byPlan = new Map<number, ActionRow[]>();
        for (const a of actions.sort((x, y) => (x.id as number) - (y.id as number))) {
          const list = byPlan.get(a.planId);
          if (list) list.push(a);
          else byPlan.set(a.planId, [a]);
        }
        return plans.map((plan) => ({ plan, actions: byPlan.get(plan.id as number) ?? [] }));
      });
    },
    get(id: number): Promise<PlanRow | undefined> {
      return db.plans.get(id);
    },
    findFor(accountId: number, year: number): Promise<PlanRow | undefined> {
      return db.plans.where('[accountId+year]').equals([accountId, year]).first();
    },
    /**
     * A draft plan for the account and year, from the default template (when `from` is left
     * out), a saved template, or another plan (last year's: its document and open actions).
     * One plan per account and year: returns the existing one instead of making a second.
     */
    async create(
      workspaceId: number,
      accountId: number,
      year: number,
      from: PlanSource = { kind: 'default' },
    ): Promise<number> {
      return db.transaction('rw', [db.plans, db.actions, db.planTemplates], async () => {
        const found = await db.plans.where('[accountId+year]').equals([accountId, year]).first();
        if (found?.id !== undefined) return found.id;
        let doc: PlanDoc;
        let actions: PlanAction[] = [];
        if (from.kind === 'template') {
          const template = await db.planTemplates.get(from.templateId);
          if (!template) {
            throw new DataError(
              'template_missing',
              { id: from.templateId },
              `Template ${from.templateId} does not exist`,
            );
          }
          doc = templateFrom(template.doc);
        } else if (from.kind === 'copy') {
          const source = await existing(from.planId);
          const copy = copyForNextYear(source.doc, await actionsOf(from.planId));
          doc = copy.doc;
          actions = copy.actions;
        } else {
          doc = defaultTemplate(from.stageNames);
        }
        const now = new Date().toISOString();
        const id = assignedId(
          await db.plans.add(newPlanRow(workspaceId, accountId, year, doc, now)),
        );
        if (actions.length > 0) {
          await db.actions.bulkAdd(actions.map((a) => toActionRow(workspaceId, id, a)));
        }
        return id;
      });
    },
    /**
     * Applies `change` to the stored document in one transaction (so edits from two places never
     * lose each other) and bumps updatedAt. The status history stays the stored one: only
     * setStatus writes it. Refused when the plan is closed; allowed when approved (the approval
     * snapshot keeps what was approved).
     */
    async updateDoc(id: number, change: (doc: PlanDoc) => PlanDoc): Promise<void> {
      await db.transaction('rw', db.plans, async () => {
        const plan = await editable(id);
        const doc = { ...change(structuredClone(plan.doc)), history: plan.doc.history };
        await db.plans.update(id, { doc, updatedAt: new Date().toISOString() });
      });
    },
    /**
     * Moves the plan along the workflow (PLAN_TRANSITIONS), noting the change and comment in
     * doc.history. Approving keeps a snapshot of the document and actions (`approved`) and sets
     * lastReviewAt; the snapshot stays through later edits, reopening and sending back.
     */
    async setStatus(id: number, to: PlanStatus, comment = ''): Promise<void> {
      await db.transaction('rw', db.plans, db.actions, async () => {
        const plan = await existing(id);
        const from = plan.status;
        if (!canChangeStatus(from, to)) {
          throw new DataError(
            'plan_transition',
            { from, to },
            `A plan cannot go from ${from} to ${to}`,
          );
        }
        const now = new Date().toISOString();
        const step: StatusChange = { at: now, from, to, comment };
        const doc: PlanDoc = { ...plan.doc, history: [...plan.doc.history, step] };
        const patch: Partial<PlanRow> = { status: to, doc, statusChangedAt: now, updatedAt: now };
        if (to === 'approved') {
          patch.approved = { at: now, doc, actions: await actionsOf(id) };
          patch.lastReviewAt = now;
        }
        await db.plans.update(id, patch);
      });
    },
    async remove(id: number): Promise<void> {
      await db.transaction('rw', db.plans, db.actions, async () => {
        await db.actions.where('planId').equals(id).delete();
        await db.plans.delete(id);
      });
    },
    actionsByPlan(planId: number): Promise<ActionRow[]> {
      return actionsOf(planId);
    },
    actionsByWorkspace(workspaceId: number): Promise<ActionRow[]> {
      return db.actions.where('workspaceId').equals(workspaceId).toArray();
    },
    async addAction(planId: number, action: NewAction): Promise<number> {
      return db.transaction('rw', db.plans, db.actions, async () => {
        const plan = await editable(planId);
        await touch(planId);
        return assignedId(await db.actions.add(toActionRow(plan.workspaceId, planId, action)));
      });
    },
    /** Changes only the editable fields (a smuggled planId or workspaceId is ignored). */
    async updateAction(id: number, patch: Partial<EditableActionFields>): Promise<void> {
      await db.transaction('rw', db.plans, db.actions, async () => {
        const { plan } = await editableAction(id);
        const changes: Partial<ActionRow> = {};
        for (const key of EDITABLE_ACTION_FIELDS) {
          if (key in patch) Object.assign(changes, { [key]: patch[key] });
        }
        await db.actions.update(id, changes);
        await touch(plan.id as number);
      });
    },
    /** Removing an action that is gone already does nothing. */
    async removeAction(id: number): Promise<void> {
      await db.transaction('rw', db.plans, db.actions, async () => {
        if (!(await db.actions.get(id))) return;
        const { plan } = await editableAction(id);
        await db.actions.delete(id);
        await touch(plan.id as number);
      });
    },
    /** Saves `doc` as a template (templateFrom: without this plan's specifics). */
    async saveTemplate(workspaceId: number, name: string, doc: PlanDoc): Promise<number> {
      return assignedId(
        await db.planTemplates.add({
          workspaceId,
          name: name.trim(),
          doc: templateFrom(doc),
          createdAt: new Date().toISOString(),
        }),
      );
    },
    /** The workspace's saved templates by name. */
    async listTemplates(workspaceId: number): Promise<PlanTemplateRow[]> {
      const rows = await db.planTemplates.where('workspaceId').equals(workspaceId).toArray();
      return rows.sort(
        (a, b) => a.name.localeCompare(b.name) || (a.id as number) - (b.id as number),
      );
    },
    async removeTemplate(id: number): Promise<void> {
      await db.planTemplates.delete(id);
    },
    /**
     * Stores a plan read from a file: finds its account by key in the workspace (by the name's key
     * when the file has none) or creates it; refused when that account has a plan for the year.
     * Account, plan and actions are written in one transaction: all or nothing. With approvedAt,
     * the imported plan is also its approval snapshot.
     */
    async importPlan(workspaceId: number, parsed: ParsedPlan): Promise<number> {
      return db.transaction('rw', [db.accounts, db.plans, db.actions], async () => {
        const name = parsed.accountName.trim();
        const key = parsed.accountKey.trim() || normalizeAccountKey(name);
        const account = await db.accounts
          .where('[workspaceId+key]')
          .equals([workspaceId, key])
          .first();
        const accountId =
          account?.id ??
          assignedId(await db.accounts.add(blankAccount(workspaceId, key, name || key)));
        if (await db.plans.where('[accountId+year]').equals([accountId, parsed.year]).count()) {
          const accountName = account?.name ?? name;
          throw new DataError(
            'plan_exists',
            { account: accountName, year: parsed.year },
            `${accountName} has a plan for ${parsed.year} already`,
          );
        }
        const now = new Date().toISOString();
        const approvedAt = parsed.approvedAt;
        const planId = assignedId(
          await db.plans.add({
            ...newPlanRow(workspaceId, accountId, parsed.year, parsed.doc, now),
            status: parsed.status,
            statusChangedAt: parsed.doc.history.at(-1)?.at ?? approvedAt ?? now,
            lastReviewAt: approvedAt,
          }),
        );
        const rows = parsed.actions.map((a) => toActionRow(workspaceId, planId, a));
        const ids = await db.actions.bulkAdd(rows, { allKeys: true });
        if (approvedAt !== null) {
          const actions = rows.map((r, i) => ({ ...r, id: ids[i] as number }));
          await db.plans.update(planId, { approved: { at: approvedAt, doc: parsed.doc, actions } });
        }
        return planId;
      });
    },
  };
}
