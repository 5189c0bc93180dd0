import { describe, expect, it } from 'vitest';
import { accountCodeKey, normalizeAccountKey } from './normalize';

describe('normalizeAccountKey', () => {
  it.each([
    // 1. NFKC + 2. lower case + 5. whitespace
    ['  ＡＢＣ  Trading ', 'abc trading'],
    ['ＡＣＭＥ　１２３', 'acme 123'],
    ['Northwind\tTrading\nCo., Ltd.', 'northwind trading co ltd'],
    // 3. curly quotes
    ['McDonald’s China', "mcdonald's china"],
    // 4. "." and "," are separators
    ['Northwind Trading Co., Ltd.', 'northwind trading co ltd'],
    ['Northwind Trading Co. Ltd', 'northwind trading co ltd'],
    ['NORTHWIND TRADING CO LTD', 'northwind trading co ltd'],
    ['Northwind Trading Co.,Ltd', 'northwind trading co ltd'],
    ['Acme Industrial, Inc.', 'acme industrial inc'],
    // 6. no space next to CJK or inside brackets
    ['上海华东精密机械有限公司', '上海华东精密机械有限公司'],
    ['上海华东精密机械 有限公司', '上海华东精密机械有限公司'],
    ['上海 华东  贸易', '上海华东贸易'],
    ['深圳市　海川（电子）', '深圳市海川(电子)'],
    ['华东精密 ABC 有限公司', '华东精密abc有限公司'],
    ['Northwind ( Asia ) Ltd', 'northwind (asia) ltd'],
    ['삼성 전자', '삼성 전자'],
    // bracket contents are kept, so these stay apart
    ['上海华东精密机械(有限公司)', '上海华东精密机械(有限公司)'],
    ['上海华东精密机械（有限公司）', '上海华东精密机械(有限公司)'],
    // 7. trailing punctuation
    ['Acme!', 'acme'],
    ['Acme -', 'acme'],
    ['华东贸易。', '华东贸易'],
    ['Acme (HK)', 'acme (hk)'],
    // 8. leading "#" and quotes
    ['#C001', 'c001'],
    ['"Acme"', 'acme'],
    // kept apart on purpose
    ['Smith & Jones', 'smith & jones'],
    ['Smith and Jones', 'smith and jones'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, key) => {
    expect(normalizeAccountKey(name)).toBe(key);
  });

  it.each([
    [
      'Co., Ltd. spellings',
      [
        'Northwind Trading Co., Ltd.',
        'Northwind Trading Co. Ltd',
        'NORTHWIND TRADING CO LTD',
        'Northwind Trading Co.,Ltd',
        'Ｎｏｒｔｈｗｉｎｄ Trading Co.， Ltd．',
      ],
    ],
    [
      'spaces in a Chinese name',
      ['上海华东精密机械有限公司', '上海华东精密机械 有限公司', '上海 华东 精密机械有限公司 '],
    ],
    ['full-width brackets', ['深圳市海川（电子）', '深圳市海川(电子)', '深圳市 海川 ( 电子 )']],
  ])('one key for: %s', (_name, names) => {
    expect(new Set(names.map(normalizeAccountKey)).size).toBe(1);
  });

  it.each([
    '  Ｂｌｕｅ　Harbor  LOGISTICS ',
    'Northwind Trading Co., Ltd.',
    '上海 华东（精密） 机械 ',
    '( ( Acme ) )!',
    '#"Acme" !',
    'a . b , c',
  ])('is idempotent: %j', (name) => {
    const once = normalizeAccountKey(name);
    expect(normalizeAccountKey(once)).toBe(once);
  });
});

describe('accountCodeKey', () => {
  it.each([
    ['C001', '#c001'],
    [' c 001 ', '#c001'],
    ['Ｃ００１', '#c001'],
    ['007', '#007'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (code, key) => {
    expect(accountCodeKey(code)).toBe(key);
  });

  it('a code key never equals a name key', () => {
    for (const text of ['C001', '#C001', '##x', '007']) {
      expect(accountCodeKey(text)).not.toBe(normalizeAccountKey(text));
      expect(normalizeAccountKey(text).startsWith('#')).toBe(false);
    }
  });
});
