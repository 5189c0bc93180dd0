import { describe, expect, it } from 'vitest';
import { normalizeAccountKey } from './normalize';

describe('normalizeAccountKey', () => {
  it.each([
    ['  ＡＢＣ  Trading ', 'abc trading'],
    ['上海 华东  贸易', '上海 华东 贸易'],
    ['上海华东精密机械有限公司', '上海华东精密机械有限公司'],
    ['Northwind\tTrading\nCo., Ltd.', 'northwind trading co., ltd.'],
    ['深圳市　海川（电子）', '深圳市 海川(电子)'],
    ['ＡＣＭＥ　１２３', 'acme 123'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, key) => {
    expect(normalizeAccountKey(name)).toBe(key);
  });

  it('is idempotent', () => {
    const once = normalizeAccountKey('  Ｂｌｕｅ　Harbor  LOGISTICS ');
    expect(normalizeAccountKey(once)).toBe(once);
  });
});
