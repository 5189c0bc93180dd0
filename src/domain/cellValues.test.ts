import { describe, expect, it } from 'vitest';
import { customValues, fieldsWithImported } from './cellValues';
import type { CustomFieldDef } from './types';

const defs: CustomFieldDef[] = [
  { id: 'cf_1', name: 'Credit limit', type: 'number' },
  { id: 'cf_2', name: 'Since', type: 'date' },
];

describe('fieldsWithImported', () => {
  it('adds a text field for each imported key that is no field id or name', () => {
    expect(fieldsWithImported(defs, ['cf_1', 'credit LIMIT', 'Website', 'Website'])).toEqual([
      ...defs,
      { id: 'Website', name: 'Website', type: 'text' },
    ]);
  });
});

describe('customValues', () => {
  it.each([
    ['by id', { cf_1: 5 }, { cf_1: 5 }],
    ['imported under the name, read with the type', { 'Credit Limit': '1,200' }, { cf_1: 1200 }],
    ['the id wins over a stale name', { cf_1: 7, 'Credit limit': '9' }, { cf_1: 7 }],
    ['date text from an import', { Since: '2024/3/5' }, { cf_2: '2024-03-05' }],
    ['text that does not fit stays', { Since: 'long ago' }, { cf_2: 'long ago' }],
    ['no value, no key', {}, {}],
  ])('%s', (_label, stored, expected) => {
    expect(customValues(defs, stored)).toEqual(expected);
  });
});
