import { DataError } from '../db/errors';
import { isQuotaExceeded } from '../db/quotaError';
import { t, tDynamic } from '../i18n/i18n.svelte';

/**
 * An error for the screen: the repositories' refusals and a full storage quota in the user's
 * language, others as they are.
 */
export function describeError(error: unknown): string {
  // However Dexie wrapped it: the transaction was aborted, so nothing of the change was kept.
  if (isQuotaExceeded(error)) return t('storage.full');
  if (error instanceof DataError) {
    const params = { ...error.params };
    // Plan statuses travel as ids (draft, in_review…): shown in words.
    if (error.code === 'plan_transition') {
      for (const key of ['from', 'to'] as const) {
        if (params[key] !== undefined) params[key] = tDynamic(`planStatus.${params[key]}`);
      }
    }
    return tDynamic(`dataError.${error.code}`, params);
  }
  return error instanceof Error ? error.message : String(error);
}
