import { DataError } from '../db/errors';
import { tDynamic } from '../i18n/i18n.svelte';

/** An error for the screen: the repositories' refusals in the user's language, others as they are. */
export function describeError(error: unknown): string {
  if (error instanceof DataError) return tDynamic(`dataError.${error.code}`, error.params);
  return error instanceof Error ? error.message : String(error);
}
