import type { KeyplanDB } from '../../src/db/db';

/** The DOMException IndexedDB raises over quota. */
export const quotaDomException = () =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * Makes the storage under Dexie refuse writes while `full` is set, as IndexedDB does over quota.
 * `refuse: 'additions'` (default) lets deletes through, as the real thing does (they need no
 * room); `'everything'` refuses every change.
 */
export function diskFullSwitch(
  db: KeyplanDB,
  { refuse = 'additions' }: { refuse?: 'additions' | 'everything' } = {},
): { full: boolean } {
  const state = { full: false };
  db.use({
    stack: 'dbcore',
    name: 'diskFull',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const adds = (req.type === 'add' || req.type === 'put') && req.values.length > 0;
            return state.full && (refuse === 'everything' || adds)
              ? Promise.reject(quotaDomException())
              : table.mutate(req);
          },
        };
      },
    }),
  });
  return state;
}
