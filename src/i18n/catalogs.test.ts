import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { format } from './i18n.svelte';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en) as MessageKey[];

describe('message catalogs', () => {
  it.each([['zh-CN', zhCN]] as const)('%s defines exactly the English keys', (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
  });

  it('uses the same placeholders in every language', () => {
    const mismatched = keys.filter(
      (key) => placeholders(zhCN[key]).join() !== placeholders(en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('leaves no message empty', () => {
    expect(keys.filter((key) => zhCN[key].trim() === '' || en[key].trim() === '')).toEqual([]);
  });
});

describe('format', () => {
  it.each([
    ['{n} accounts', { n: 3 }, '3 accounts'],
    ['Top {n} ({pct})', { n: 2, pct: '25%' }, 'Top 2 (25%)'],
    ['missing {x}', {}, 'missing {x}'],
    ['no params', undefined, 'no params'],
  ])('%s → %s', (template, params, expected) => {
    expect(format(template, params)).toBe(expected);
  });
});

describe('repository refusals', () => {
  it('every DataError code has a message', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../db/errors.ts', import.meta.url), 'utf8');
    const codes = [...source.matchAll(/\| '([a-z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !(`dataError.${code}` in en))).toEqual([]);
  });
});
