// The annual key-account development plan as a structured document (seeds 001, section 3; issue 7).
// Pure. This file is the contract the plan repository, the editor, the portfolio and the CSV
// round trip share: types first, then the functions over them.
import { addMonths, isIsoDate } from './date';
import type { ActionStatus, IsoDate, MeasureId, MinorUnits, PlanStatus } from './types';

/** Whitespace map cell: what we sell to that business unit / site in that product line. */
export type WhitespaceState = 'current' | 'opportunity' | 'competitor' | 'not_relevant' | '';
export type Level = 'low' | 'medium' | 'high' | '';

export interface PlanTargets {
  /** This year's revenue target (minor units); null = not set. */
  revenueMinor: MinorUnits | null;
  /** Growth target as a fraction (0.15 = 15 %); null = not set. */
  growth: number | null;
  /** Margin target as a fraction of revenue; null = not set. */
  margin: number | null;
}

export interface ValueChain {
  theirBusiness: string;
  theirCustomers: string;
  ourPosition: string;
  valueWeAdd: string;
  notes: string;
}

export interface Whitespace {
  /** Our product lines (rows). */
  productLines: string[];
  /** The customer's business units or sites (columns). */
  units: string[];
  /** cells[row][column]; always productLines.length × units.length. */
  cells: WhitespaceState[][];
}

export interface BuyingStage {
  id: string;
  stage: string;
  /** Contact ids of the account (ContactRow.id) who take part. */
  participants: number[];
  infoNeeds: string;
}

export interface Competitor {
  id: string;
  name: string;
  /** Estimated share of this account's spend, as a fraction; null = unknown. */
  share: number | null;
  strengths: string;
  weaknesses: string;
  threat: Level;
  response: string;
}

export interface Swot {
  strengths: string;
  weaknesses: string;
  opportunities: string;
  threats: string;
}

export interface Objective {
  id: string;
  title: string;
  metric: string;
  baseline: string;
  target: string;
  due: IsoDate | '';
  /** 0–1; null = not assessed. */
  progress: number | null;
}

export interface ExecutiveVisit {
  id: string;
  quarter: 1 | 2 | 3 | 4;
  /** Our executive. */
  who: string;
  purpose: string;
  done: boolean;
}

export interface Risk {
  id: string;
  risk: string;
  likelihood: Level;
  impact: Level;
  mitigation: string;
}

/** Weights of the plan health score's parts; they need not add up to 1 (normalised). */
export interface HealthWeights {
  targets: number;
  overdue: number;
  coverage: number;
  contact: number;
}

/** One step of the status workflow, with its date and the reviewer's comment. */
export interface StatusChange {
  at: string;
  from: PlanStatus;
  to: PlanStatus;
  comment: string;
}

export interface PlanDoc {
  targets: PlanTargets;
  financialNotes: string;
  valueChain: ValueChain;
  whitespace: Whitespace;
  buyingStages: BuyingStage[];
  buyingNotes: string;
  competitors: Competitor[];
  competitorNotes: string;
  swot: Swot;
  objectives: Objective[];
  goalsNotes: string;
  /** KA manager and the cross-functional support group. */
  team: string;
  executiveVisits: ExecutiveVisit[];
  risks: Risk[];
  /** null = the default weights. */
  healthWeights: HealthWeights | null;
  history: StatusChange[];
}

/** The nine anti-churn measures of the seeds (004), action templates next to the ten measures. */
export const ANTI_CHURN_IDS = [
  'ka_department',
  'ka_managers',
  'regular_communication',
  'ka_club',
  'sales_model',
  'incentive_system',
  'service_process',
  'information_system',
  'service_recovery',
] as const;
export type AntiChurnId = (typeof ANTI_CHURN_IDS)[number];

export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  targets: 0.4,
  overdue: 0.25,
  coverage: 0.2,
  contact: 0.15,
};

export function emptyPlanDoc(): PlanDoc {
  return {
    targets: { revenueMinor: null, growth: null, margin: null },
    financialNotes: '',
    valueChain: {
      theirBusiness: '',
      theirCustomers: '',
      ourPosition: '',
      valueWeAdd: '',
      notes: '',
    },
    whitespace: { productLines: [], units: [], cells: [] },
    buyingStages: [],
    buyingNotes: '',
    competitors: [],
    competitorNotes: '',
    swot: { strengths: '', weaknesses: '', opportunities: '', threats: '' },
    objectives: [],
    goalsNotes: '',
    team: '',
    executiveVisits: [],
    risks: [],
    healthWeights: null,
    history: [],
  };
}

/** A fresh id for a row of a plan table (objectives, competitors, …): unique within the plan. */
export function rowId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

// ---------------------------------------------------------------------------------------------
// Actions, templates, next year's copy, changes since approval, review cadence.

/** What an action is based on: one of the ten measures, one of the nine anti-churn measures, or the user's own. */
export type ActionMeasure = MeasureId | AntiChurnId | 'custom';

/** An action of the plan as the plan logic sees it (the repository's ActionRow has these fields). */
export interface PlanAction {
  /** The stored row's id; absent for an action not stored yet. */
  id?: number;
  measure: ActionMeasure;
  title: string;
  owner: string;
  due: IsoDate | '';
  status: ActionStatus;
  budgetMinor: MinorUnits | null;
  outcome: string;
}

/**
 * Stage names of the built-in template's buying process (seeds 001, "buying process and
 * information needs"): the classic organisational buying stages. Plain English; the UI may
 * translate them by matching these exact strings.
 */
export const DEFAULT_BUYING_STAGES = [
  'Need recognition',
  'Specification',
  'Supplier selection',
  'Negotiation',
  'Order and delivery',
  'Review',
] as const;

/** Row ids unique within one call (rowId() is random; a clash is retried rather than trusted away). */
function idMaker(taken: Iterable<string> = []): () => string {
  const used = new Set(taken);
  return () => {
    let id = rowId();
    while (used.has(id)) id = rowId();
    used.add(id);
    return id;
  };
}

/**
 * The built-in template a new plan starts from:
 * - buying process: the six DEFAULT_BUYING_STAGES (named in the user's language when the caller
 *   passes the names), no participants, no information needs yet;
 * - executive visits: one row per quarter (Q1–Q4), who and purpose empty, not done — the
 *   executive visit system of the seeds (002, measure 5) asks for a planned schedule;
 * - objectives: two empty rows to fill in (e.g. revenue and share of wallet);
 * - everything else empty as in emptyPlanDoc(): no targets, no whitespace map, no competitors,
 *   no risks, default health weights, no history.
 */
export function defaultTemplate(stageNames: readonly string[] = DEFAULT_BUYING_STAGES): PlanDoc {
  const next = idMaker();
  const doc = emptyPlanDoc();
  doc.buyingStages = stageNames.map((stage) => ({
    id: next(),
    stage,
    participants: [],
    infoNeeds: '',
  }));
  doc.executiveVisits = ([1, 2, 3, 4] as const).map((quarter) => ({
    id: next(),
    quarter,
    who: '',
    purpose: '',
    done: false,
  }));
  doc.objectives = [0, 1].map(() => ({
    id: next(),
    title: '',
    metric: '',
    baseline: '',
    target: '',
    due: '' as const,
    progress: null,
  }));
  return doc;
}

/**
 * A user-saved template made from a plan: the structure stays, this account's specifics go.
 * Kept: all written text (notes, value chain, SWOT, team, information needs, competitors'
 * strengths/weaknesses/response, risk mitigation), buying stage names, product lines and
 * units of the whitespace map, competitor names, objective titles and metrics, executive
 * visits' quarter/who/purpose, risks with likelihood and impact, the health weights.
 * Cleared: targets (null), whitespace cells (''), buying stage participants (contacts of this
 * account), competitor share (null) and threat (''), objective baseline/target ('') due ('')
 * and progress (null), executive visits' done (false), history ([]).
 * Every table row gets a fresh id. The input is not changed.
 */
export function templateFrom(doc: PlanDoc): PlanDoc {
  const next = idMaker();
  const d = structuredClone(doc);
  return {
    ...d,
    targets: { revenueMinor: null, growth: null, margin: null },
    whitespace: {
      productLines: d.whitespace.productLines,
      units: d.whitespace.units,
      cells: d.whitespace.productLines.map(() => d.whitespace.units.map(() => '' as const)),
    },
    buyingStages: d.buyingStages.map((s) => ({ ...s, id: next(), participants: [] })),
    competitors: d.competitors.map((c) => ({ ...c, id: next(), share: null, threat: '' })),
    objectives: d.objectives.map((o) => ({
      ...o,
      id: next(),
      baseline: '',
      target: '',
      due: '',
      progress: null,
    })),
    executiveVisits: d.executiveVisits.map((v) => ({ ...v, id: next(), done: false })),
    risks: d.risks.map((r) => ({ ...r, id: next() })),
    history: [],
  };
}

/**
 * Last year's plan carried into the new year.
 * Doc: all text and tables kept with their row ids (same account, so contacts, competitors and
 * the whitespace map still apply). Changed:
 * - targets cleared (null): this year's figures come from the orders, the targets are new;
 * - objectives: baseline := last year's target when that was set (where we meant to be is
 *   where this year starts; otherwise the old baseline stays), target '', due '', progress null;
 * - executive visits: done = false; history: [].
 * Actions: only open ones (planned / in progress) carry over, as new actions: no id,
 * status 'planned', due '' and outcome '' (last year's outcome belongs to last year); measure,
 * title, owner and budget kept. Fields other than PlanAction's (e.g. a stored row's planId) are
 * dropped. The inputs are not changed.
 */
export function copyForNextYear(
  doc: PlanDoc,
  actions: readonly PlanAction[],
): { doc: PlanDoc; actions: PlanAction[] } {
  const d = structuredClone(doc);
  return {
    doc: {
      ...d,
      targets: { revenueMinor: null, growth: null, margin: null },
      objectives: d.objectives.map((o) => ({
        ...o,
        baseline: o.target.trim() !== '' ? o.target : o.baseline,
        target: '',
        due: '',
        progress: null,
      })),
      executiveVisits: d.executiveVisits.map((v) => ({ ...v, done: false })),
      history: [],
    },
    actions: actions
      .filter((a) => a.status === 'planned' || a.status === 'in_progress')
      .map((a) => ({
        measure: a.measure,
        title: a.title,
        owner: a.owner,
        due: '',
        status: 'planned',
        budgetMinor: a.budgetMinor,
        outcome: '',
      })),
  };
}

/**
 * One difference between two versions of a plan (see planChanges).
 * - kind 'changed': a field of an object section, or of a table row present in both versions;
 * - kind 'added' / 'removed': a whole table row (field '', before/after = the row's label: an
 *   objective's title, a competitor's name, a stage's name, a visit's who, a risk, an action's
 *   title — '' on the side where the row does not exist).
 * before / after are raw values as text: '' for null / empty, numbers as JavaScript writes
 * them (money in minor units, fractions as fractions: 0.15 = 15 %), 'true' / 'false', lists
 * (participants) joined with ','. The UI formats them by section and field.
 */
export interface PlanChange {
  section: string;
  field: string;
  rowId?: string;
  kind: 'changed' | 'added' | 'removed';
  before: string;
  after: string;
}

export interface PlanVersion {
  doc: PlanDoc;
  actions: readonly PlanAction[];
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(asText).join(',');
  return String(v);
}

function diffObject(
  out: PlanChange[],
  section: string,
  before: object | null,
  after: object | null,
  fields: readonly string[],
  rowId?: string,
): void {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  for (const field of fields) {
    const x = asText(b[field]);
    const y = asText(a[field]);
    if (x !== y) {
      out.push(
        rowId === undefined
          ? { section, field, kind: 'changed', before: x, after: y }
          : { section, field, rowId, kind: 'changed', before: x, after: y },
      );
    }
  }
}

function diffTable<T extends { id: string }>(
  out: PlanChange[],
  section: string,
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
  label: (row: T) => string,
): void {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  for (const r of before) {
    if (!now.has(r.id)) {
      out.push({ section, field: '', rowId: r.id, kind: 'removed', before: label(r), after: '' });
    }
  }
  for (const r of after) {
    const o = old.get(r.id);
    if (!o) {
      out.push({ section, field: '', rowId: r.id, kind: 'added', before: '', after: label(r) });
    } else diffObject(out, section, o, r, fields, r.id);
  }
  const keptBefore = before.filter((r) => now.has(r.id)).map((r) => r.id);
  const keptAfter = after.filter((r) => old.has(r.id)).map((r) => r.id);
  if (keptBefore.join('\u0000') !== keptAfter.join('\u0000')) {
    out.push({
      section,
      field: 'order',
      kind: 'changed',
      before: keptBefore.join(','),
      after: keptAfter.join(','),
    });
  }
}

const ACTION_FIELDS = [
  'measure',
  'title',
  'owner',
  'due',
  'status',
  'budgetMinor',
  'outcome',
] as const;

/**
 * What changed between two versions of a plan (e.g. the approved snapshot and the current one),
 * as a flat list in document order, for marking "changed since approval" in the editor.
 * Sections and fields are those of the CSV long format (planCsv.ts), fields named as in PlanDoc:
 * - targets: revenueMinor, growth, margin;
 * - notes: financialNotes, buyingNotes, competitorNotes, goalsNotes, team;
 * - valueChain: theirBusiness, theirCustomers, ourPosition, valueWeAdd, notes;
 * - swot: strengths, weaknesses, opportunities, threats;
 * - healthWeights: targets, overdue, coverage, contact (all '' when the default weights are used);
 * - whitespace: productLines and units (each the list joined with '\n'); a cell that changed
 *   between a product line and a unit present in both versions (matched by name) gives
 *   { section: 'whitespace', rowId: <product line>, field: <unit>, before/after: the state };
 * - buyingStages, competitors, objectives, executiveVisits, risks: rows matched by row id:
 *   'added' / 'removed' rows, 'changed' fields of kept rows (rowId = row id), and
 *   { field: 'order', before/after: kept row ids joined with ',' } when kept rows were reordered;
 * - actions: matched by id (rowId = String(id)), same kinds; order is not compared (actions
 *   are listed by creation); an action without id counts as added (after) / removed (before).
 * history is not compared (it changes with every status step).
 */
export function planChanges(before: PlanVersion, after: PlanVersion): PlanChange[] {
  const out: PlanChange[] = [];
  const b = before.doc;
  const a = after.doc;
  diffObject(out, 'targets', b.targets, a.targets, ['revenueMinor', 'growth', 'margin']);
  const notes = ['financialNotes', 'buyingNotes', 'competitorNotes', 'goalsNotes', 'team'];
  diffObject(out, 'notes', b, a, notes);
  diffObject(out, 'valueChain', b.valueChain, a.valueChain, [
    'theirBusiness',
    'theirCustomers',
    'ourPosition',
    'valueWeAdd',
    'notes',
  ]);
  diffObject(out, 'swot', b.swot, a.swot, ['strengths', 'weaknesses', 'opportunities', 'threats']);
  diffObject(out, 'healthWeights', b.healthWeights, a.healthWeights, [
    'targets',
    'overdue',
    'coverage',
    'contact',
  ]);

  const bw = b.whitespace;
  const aw = a.whitespace;
  for (const field of ['productLines', 'units'] as const) {
    const x = bw[field].join('\n');
    const y = aw[field].join('\n');
    if (x !== y) out.push({ section: 'whitespace', field, kind: 'changed', before: x, after: y });
  }
  aw.productLines.forEach((line, ai) => {
    const bi = bw.productLines.indexOf(line);
    if (bi < 0) return;
    aw.units.forEach((unit, aj) => {
      const bj = bw.units.indexOf(unit);
      if (bj < 0) return;
      const x = bw.cells[bi]?.[bj] ?? '';
      const y = aw.cells[ai]?.[aj] ?? '';
      if (x !== y) {
        out.push({
          section: 'whitespace',
          field: unit,
          rowId: line,
          kind: 'changed',
          before: x,
          after: y,
        });
      }
    });
  });

  diffTable(
    out,
    'buyingStages',
    b.buyingStages,
    a.buyingStages,
    ['stage', 'participants', 'infoNeeds'],
    (r) => r.stage,
  );
  diffTable(
    out,
    'competitors',
    b.competitors,
    a.competitors,
    ['name', 'share', 'strengths', 'weaknesses', 'threat', 'response'],
    (r) => r.name,
  );
  diffTable(
    out,
    'objectives',
    b.objectives,
    a.objectives,
    ['title', 'metric', 'baseline', 'target', 'due', 'progress'],
    (r) => r.title,
  );
  diffTable(
    out,
    'executiveVisits',
    b.executiveVisits,
    a.executiveVisits,
    ['quarter', 'who', 'purpose', 'done'],
    (r) => r.who,
  );
  diffTable(
    out,
    'risks',
    b.risks,
    a.risks,
    ['risk', 'likelihood', 'impact', 'mitigation'],
    (r) => r.risk,
  );

  const oldActions = new Map<number, PlanAction>();
  for (const x of before.actions) if (x.id !== undefined) oldActions.set(x.id, x);
  const newIds = new Set<number>();
  for (const x of after.actions) if (x.id !== undefined) newIds.add(x.id);
  for (const x of before.actions) {
    if (x.id === undefined || !newIds.has(x.id)) {
      out.push({
        section: 'actions',
        field: '',
        ...(x.id === undefined ? {} : { rowId: String(x.id) }),
        kind: 'removed',
        before: x.title,
        after: '',
      });
    }
  }
  for (const x of after.actions) {
    const o = x.id === undefined ? undefined : oldActions.get(x.id);
    if (o === undefined || x.id === undefined) {
      out.push({
        section: 'actions',
        field: '',
        ...(x.id === undefined ? {} : { rowId: String(x.id) }),
        kind: 'added',
        before: '',
        after: x.title,
      });
    } else diffObject(out, 'actions', o, x, ACTION_FIELDS, String(x.id));
  }
  return out;
}

/** A plan as reviewDue needs it. lastReviewAt: last review or approval (ISO date or date-time). */
export interface ReviewDueInput {
  id: number;
  status: PlanStatus;
  lastReviewAt: string | null;
  tier: string;
}

/** Review cadence when the tier has none (or an unusable one): yearly. */
export const DEFAULT_REVIEW_CADENCE_MONTHS = 12;

/**
 * Ids of the plans due for review, in input order.
 * A plan is due when today ≥ (date of lastReviewAt) + cadence months of its tier
 * (calendar months, month-end clamped: 2024-01-31 + 1 → 2024-02-29). The cadence is
 * cadenceMonthsByTier[tier] rounded to whole months when it is a number ≥ 1, else 12.
 * Closed plans are never due. A plan never reviewed (lastReviewAt null, or not starting with a
 * valid YYYY-MM-DD) is due — pass the creation date as lastReviewAt to give new drafts time.
 */
export function reviewDue(
  plans: readonly ReviewDueInput[],
  cadenceMonthsByTier: Readonly<Record<string, number>>,
  today: IsoDate,
): number[] {
  const due: number[] = [];
  for (const p of plans) {
    if (p.status === 'closed') continue;
    const last = p.lastReviewAt?.slice(0, 10) ?? '';
    if (!isIsoDate(last)) {
      due.push(p.id);
      continue;
    }
    const raw = Object.hasOwn(cadenceMonthsByTier, p.tier)
      ? cadenceMonthsByTier[p.tier]
      : undefined;
    const months =
      typeof raw === 'number' && Number.isFinite(raw) && Math.round(raw) >= 1
        ? Math.round(raw)
        : DEFAULT_REVIEW_CADENCE_MONTHS;
    if (addMonths(last, months) <= today) due.push(p.id);
  }
  return due;
}
