import { describe, expect, it } from 'vitest';
import { accountHref, accountsHref, parseRoute } from './routes';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'accounts', filter: {} }],
    ['#/accounts', { page: 'accounts', filter: {} }],
    ['#/accounts?segment=champions', { page: 'accounts', filter: { segment: 'champions' } }],
    ['#/accounts?segment=custom-2', { page: 'accounts', filter: { segment: 'custom-2' } }],
    ['#/accounts?abc=A', { page: 'accounts', filter: { abc: 'A' } }],
    ['#/accounts?r=5&f=4', { page: 'accounts', filter: { r: 5, f: 4 } }],
    ['#/accounts?abc=Z&r=9&segment=<b>', { page: 'accounts', filter: {} }],
    ['#/accounts/42', { page: 'account', accountId: 42 }],
    ['#/accounts/42?segment=champions', { page: 'account', accountId: 42 }],
    ['#/accounts/7/', { page: 'account', accountId: 7 }],
    ['#/accounts/0', { page: 'accounts', filter: {} }],
    ['#/accounts/-3', { page: 'accounts', filter: {} }],
    ['#/accounts/1.5', { page: 'accounts', filter: {} }],
    ['#/accounts/1e3', { page: 'accounts', filter: {} }],
    ['#/accounts/99999999999999999999', { page: 'accounts', filter: {} }],
    ['#/accounts/x?abc=B', { page: 'accounts', filter: { abc: 'B' } }],
    ['#/plans/12', { page: 'plan', planId: 12 }],
    ['#/plans/x', { page: 'plans' }],
    ['#/import', { page: 'import' }],
    ['#/workspaces', { page: 'workspaces' }],
    ['#/nowhere', { page: 'accounts', filter: {} }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});

describe('accountsHref', () => {
  it('round-trips through parseRoute', () => {
    const filter = { segment: 'at_risk', r: 1, f: 3 };
    expect(parseRoute(accountsHref(filter))).toEqual({ page: 'accounts', filter });
    expect(accountsHref({})).toBe('#/accounts');
  });
});

describe('accountHref', () => {
  it('round-trips through parseRoute', () => {
    expect(accountHref(315)).toBe('#/accounts/315');
    expect(parseRoute(accountHref(315))).toEqual({ page: 'account', accountId: 315 });
  });
});
