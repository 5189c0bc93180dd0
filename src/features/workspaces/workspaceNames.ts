// Workspace names are how people tell clients apart (and how a restore asks "replace it?"), so
// two workspaces never share one.
import { t } from '../../i18n/i18n.svelte';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why `name` cannot be used next to `others`, in the user's language; null when it can. */
export function nameProblem(name: string, others: readonly string[]): string | null {
  if (!name.trim()) return t('workspaces.nameRequired');
  if (others.some((o) => same(o, name))) return t('workspaces.nameTaken', { name: name.trim() });
  return null;
}

/** `base`, or `base 2`, `base 3`… — the first one no workspace has. */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.some((n) => same(n, base))) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`;
    if (!taken.some((n) => same(n, candidate))) return candidate;
  }
}
