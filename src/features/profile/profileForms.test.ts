import { describe, expect, it } from 'vitest';
import { emptyContactFields } from '../../db/contacts';
import {
  cleanContact,
  contactErrors,
  isWebsite,
  MAX_FIELD,
  noteErrors,
  parseInfluence,
  profileFieldError,
  visitErrors,
  websiteHref,
} from './profileForms';

describe('website', () => {
  it.each<[string, boolean, string | null]>([
    ['', true, null],
    ['www.example.com', true, 'https://www.example.com'],
    ['example.cn/about?x=1', true, 'https://example.cn/about?x=1'],
    ['http://acme.example:8080/a', true, 'http://acme.example:8080/a'],
    ['  https://公司.中国  ', true, 'https://公司.中国'],
    ['javascript:alert(1)', false, null],
    ['not a site', false, null],
    ['localhost', false, null],
    ['ftp://x.example', false, null],
  ])('%s', (text, valid, href) => {
    expect(isWebsite(text)).toBe(valid);
    expect(websiteHref(text)).toBe(href);
  });
});

describe('profileFieldError', () => {
  it.each([
    ['strategy', 'Grow', null],
    ['website', 'nope', { key: 'profile.error.website' }],
    [
      'size',
      'x'.repeat(MAX_FIELD + 1),
      { key: 'profile.error.tooLong', params: { field: 'L', max: MAX_FIELD } },
    ],
    ['notes', 'x'.repeat(MAX_FIELD + 1), null],
  ] as const)('%s', (field, value, expected) => {
    expect(profileFieldError(field, value, 'L')).toEqual(expected);
  });
});

describe('contact form', () => {
  it.each<[string, number | null | undefined]>([
    ['', null],
    [' 3 ', 3],
    ['5', 5],
    ['0', undefined],
    ['6', undefined],
    ['2.5', undefined],
    ['high', undefined],
  ])('influence %j', (text, expected) => {
    expect(parseInfluence(text)).toBe(expected);
  });

  it.each([
    ['a valid contact', { name: 'Li' }, '3', []],
    ['no name', { name: '  ' }, '', ['name']],
    [
      'bad email and influence',
      { name: 'Li', email: 'li.example.com' },
      '9',
      ['email', 'influence'],
    ],
    ['good email', { name: 'Li', email: 'li@example.com' }, '', []],
  ] as const)('%s', (_label, patch, influence, keys) => {
    expect(Object.keys(contactErrors({ ...emptyContactFields(), ...patch }, influence))).toEqual(
      keys,
    );
  });

  it('cleanContact trims and parses influence', () => {
    expect(
      cleanContact({ ...emptyContactFields(), name: ' Li ', email: ' a@b.c ', isNode: true }, ' 4'),
    ).toEqual({ ...emptyContactFields(), name: 'Li', email: 'a@b.c', isNode: true, influence: 4 });
  });
});

describe('log forms', () => {
  it.each([
    [{ kind: 'need', date: '2025-01-02', text: 'More stock', status: 'open' }, []],
    [{ kind: 'need', date: '', text: ' ', status: 'open' }, ['date', 'text']],
  ] as const)('note %#', (fields, keys) => {
    expect(Object.keys(noteErrors(fields))).toEqual(keys);
  });

  it.each([
    [{ date: '2025-01-02', visitor: 'Zhang', level: 'rep', purpose: '', outcome: '' }, []],
    [
      { date: '2025-1-2', visitor: '', level: 'executive', purpose: 'x', outcome: '' },
      ['date', 'visitor'],
    ],
  ] as const)('visit %#', (fields, keys) => {
    expect(Object.keys(visitErrors(fields))).toEqual(keys);
  });
});
