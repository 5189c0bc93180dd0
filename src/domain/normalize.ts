// Account identity: the same customer typed with full-width letters, stray spaces or other
// casing must land on one account.

/** NFKC (full-width → half-width), trim, collapse whitespace runs to one space, lowercase. */
export function normalizeAccountKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
