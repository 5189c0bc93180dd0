import { describe, expect, it } from 'vitest';
import { customValues, fieldsWithImported } from './cellValues';
import type { CustomFieldDef } from './types';

const defs: CustomFieldDef[] = [
  { id: 'cf_1', name: 'Credit limit', type: 'number' },
  { id: 'cf_2', name: 'Since', type: 'date' },
];

describe('fieldsWithImported', () => {
  it('adds a text field for each imported key that is no field id', () => {
    expect(fieldsWithImported(defs, ['cf_1', 'Website', 'Website'])).toEqual([
      ...defs,
      { id: 'Website', name: 'Website', type: 'text' },
    ]);
  });
});

describe('customValues', () => {
  it.each([
    ['by id', { cf_1: 5 }, { cf_1: 5 }],
    ['imported text read with the type', { cf_1: '1,200' }, { cf_1: 1200 }],
    ['a key that is no field is not a value of one', { 'Credit limit': '9' }, {}],
    ['date text from an import', { cf_2: '2024/3/5' }, { cf_2: '2024-03-05' }],
    ['text that does not fit stays', { cf_2: 'long ago' }, { cf_2: 'long ago' }],
    ['no value, no key', {}, {}],
  ])('%s', (_label, stored, expected) => {
    expect(customValues(defs, stored)).toEqual(expected);
  });
});
