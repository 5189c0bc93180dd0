import type { PlanSource } from '../db/plans';
import { DEFAULT_BUYING_STAGES } from '../domain/planDoc';
import { tDynamic } from '../i18n/i18n.svelte';

/** A new plan from the default template, its buying stages named in the user's language (they
 *  are plan text the user edits, so they are stored as written). */
export function defaultPlanSource(): PlanSource {
  return {
    kind: 'default',
    stageNames: DEFAULT_BUYING_STAGES.map((_, i) => tDynamic(`planEd.buying.default${i + 1}`)),
  };
}
