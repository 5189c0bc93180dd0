import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, emptyPlanSections, measureTemplateTitleKey, PLAN_STATUSES } from './plan';
import { MEASURE_IDS } from './types';

describe('plan vocabulary', () => {
  it('starts a plan with five empty sections, a fresh object each time', () => {
    const a = emptyPlanSections();
    expect(a).toEqual({
      financialNotes: '',
      valueChain: '',
      buyingProcess: '',
      competitors: '',
      goals: '',
    });
    a.goals = 'x';
    expect(emptyPlanSections().goals).toBe('');
  });

  it('lists statuses in workflow order', () => {
    expect(ACTION_STATUSES).toEqual(['planned', 'in_progress', 'done', 'cancelled']);
    expect(PLAN_STATUSES).toEqual(['draft', 'in_review', 'approved', 'closed']);
  });

  it.each(MEASURE_IDS.map((id) => [id]))('measure %s has key measure.%s', (id) => {
    expect(measureTemplateTitleKey(id)).toBe(`measure.${id}`);
  });
});
