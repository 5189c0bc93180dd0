// Workspace names are how people tell clients apart (and how a restore asks "replace it?"), so
// two workspaces never share one.
import { t } from '../../i18n/i18n.svelte';

/** Names that people would take for the same workspace ("Acme" and "acme "). */
export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why `name` cannot be used next to `others`, in the user's language; null when it can. */
export function nameProblem(name: string, others: readonly string[]): string | null {
  if (!name.trim()) return t('workspaces.nameRequired');
  if (others.some((o) => sameName(o, name)))
    return t('workspaces.nameTaken', { name: name.trim() });
  return null;
}
