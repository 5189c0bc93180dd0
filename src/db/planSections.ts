// The five free-text sections of v1–v3 plans and where the v4 upgrade puts them in the PlanDoc.
import { emptyPlanDoc, type PlanDoc } from '../domain/planDoc';
import type { PlanSections } from './schema';

/** A v1–v3 plan's sections as a v4 document (the rest of the document empty). */
export function docFromSections(sections: Partial<PlanSections> | undefined): PlanDoc {
  const doc = emptyPlanDoc();
  return {
    ...doc,
    financialNotes: sections?.financialNotes ?? '',
    valueChain: { ...doc.valueChain, notes: sections?.valueChain ?? '' },
    buyingNotes: sections?.buyingProcess ?? '',
    competitorNotes: sections?.competitors ?? '',
    goalsNotes: sections?.goals ?? '',
  };
}
