// Plan vocabulary: empty sections, statuses and the measure templates (seeds 001).
import type { ActionStatus, MeasureId, PlanSections, PlanStatus } from './types';

export function emptyPlanSections(): PlanSections {
  return { financialNotes: '', valueChain: '', buyingProcess: '', competitors: '', goals: '' };
}

/** In workflow order, for pickers and sorting. */
export const ACTION_STATUSES: readonly ActionStatus[] = [
  'planned',
  'in_progress',
  'done',
  'cancelled',
];
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'in_review', 'approved', 'closed'];

/** i18n key of a measure template's title; the catalogs live outside the domain. */
export function measureTemplateTitleKey(id: MeasureId): string {
  return `measure.${id}`;
}
