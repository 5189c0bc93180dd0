// Hash routes: works from any static host, a sub-path, or a file. Pure parsing, testable alone.
/** A linked view of the accounts grid: opened from a chart cell, a segment or an ABC class. */
export interface AccountFilter {
  segment?: string;
  abc?: 'A' | 'B' | 'C';
  r?: number;
  f?: number;
}

export type Route =
  | { page: 'welcome' }
  | { page: 'import' }
  | { page: 'accounts'; filter: AccountFilter }
  | { page: 'account'; accountId: number }
  | { page: 'analysis' }
  | { page: 'plans' }
  | { page: 'plan'; planId: number }
  | { page: 'settings' }
  | { page: 'workspaces' };

/** Only well-formed values pass: a hand-edited URL can never break the grid. */
export function parseAccountFilter(query: string): AccountFilter {
  const params = new URLSearchParams(query);
  const filter: AccountFilter = {};
  const segment = params.get('segment');
  // Built-in ids and the ids the rule editor gives (custom-1); nothing else gets through.
  if (segment && /^[a-z][a-z0-9_-]{0,40}$/.test(segment)) filter.segment = segment;
  const abc = params.get('abc');
  if (abc === 'A' || abc === 'B' || abc === 'C') filter.abc = abc;
  for (const key of ['r', 'f'] as const) {
    const n = Number(params.get(key));
    if (Number.isInteger(n) && n >= 1 && n <= 5) filter[key] = n;
  }
  return filter;
}

export function accountsHref(filter: AccountFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `#/accounts?${query}` : '#/accounts';
}

/** The profile page of one account. */
export function accountHref(accountId: number): string {
  return `#/accounts/${accountId}`;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'accounts': {
      // `#/accounts/<id>`: one account's profile; anything else under accounts is the grid.
      const id = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? Number(parts[1]) : 0;
      return Number.isSafeInteger(id) && id > 0
        ? { page: 'account', accountId: id }
        : { page: 'accounts', filter: parseAccountFilter(query) };
    }
    case 'import':
    case 'analysis':
    case 'settings':
    case 'workspaces':
    case 'welcome':
      return { page: parts[0] };
    case 'plans': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { page: 'plan', planId: id } : { page: 'plans' };
    }
    default:
      return { page: 'accounts', filter: {} };
  }
}
