import { describe, expect, it } from 'vitest';
import { accountsHref, parseRoute } from './routes';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'accounts', filter: {} }],
    ['#/accounts', { page: 'accounts', filter: {} }],
    ['#/accounts?segment=champions', { page: 'accounts', filter: { segment: 'champions' } }],
    ['#/accounts?segment=custom-2', { page: 'accounts', filter: { segment: 'custom-2' } }],
    ['#/accounts?abc=A', { page: 'accounts', filter: { abc: 'A' } }],
    ['#/accounts?r=5&f=4', { page: 'accounts', filter: { r: 5, f: 4 } }],
    ['#/accounts?abc=Z&r=9&segment=<b>', { page: 'accounts', filter: {} }],
    ['#/plans/12', { page: 'plan', planId: 12 }],
    ['#/plans/x', { page: 'plans' }],
    ['#/import', { page: 'import' }],
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
