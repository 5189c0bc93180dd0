import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  formatMoney,
  formatNumber,
  inferDecimalSeparator,
  minorToDecimalString,
  parseAmountToMinor,
  sumMinor,
  type DecimalSeparator,
} from './money';

describe('currencyDigits', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['not a code', 2],
  ])('%s → %i', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe('parseAmountToMinor', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.56', 123456],
    [' 12 ', 1200],
    ['¥1,234', 123400],
    ['￥1,234.5', 123450],
    ['$-5', -500],
    ['-$5', -500],
    ['-5', -500],
    ['£12', 1200],
    ['(1,234)', -123400],
    ['(¥1,234.50)', -123450],
    ['+3', 300],
    ['１２３４.５６', 123456],
    ['－１，２３４', -123400],
    ['1,234,567.8', 123456780],
    ['.5', 50],
    ['0.005', 1],
    ['0.004', 0],
    ['-0.005', -1],
    ['2.675', 268],
    ['-2.675', -268],
    ['0.125', 13],
    ['1.9999', 200],
    ['-0.00', 0],
    ['007', 700],
    ['1,234.00-', -123400],
    ['1234元', 123400],
    ['CNY 1,234.56', 123456],
    ['1,234.56 RMB', 123456],
    ['HK$ 10', 1000],
    ['−7', -700],
    // Space-like and apostrophe grouping (NBSP and narrow NBSP fold to a space under NFKC).
    ['1 234', 123400],
    ['1 234.56', 123456],
    ['1\u00a0234.56', 123456],
    ['1\u202f234 567.5', 123456750],
    ["1'234.50", 123450],
    ['1’234.50', 123450],
    // Percentages are fractions: 12% = 0.12 = 12 minor units with two digits.
    ['12%', 12],
    ['12 %', 12],
    ['12.5%', 13],
    ['150%', 150],
    ['-12%', -12],
    ['(12%)', -12],
    ['１２％', 12],
    ['0.5%', 1],
    ['US$1,234.56', 123456],
    ['NT$ 500', 50000],
    ['NTD 500', 50000],
    ['EUR 1,000', 100000],
    ['1,000 USD', 100000],
    ['€ 99.5', 9950],
  ])('%j → %i', (text, minor) => {
    expect(parseAmountToMinor(text)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['1234.5', 0, 1235],
    ['1234.4', 0, 1234],
    ['-1234.5', 0, -1235],
    ['¥1,234', 0, 1234],
    ['1.2345', 3, 1235],
    ['1.2344', 3, 1234],
  ])('%j with %i digits → %i', (text, digits, minor) => {
    expect(parseAmountToMinor(text, digits)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['　', 'empty'],
    ['abc', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['1,23', 'not_a_number'],
    ['12,34.5', 'not_a_number'],
    ['1e5', 'not_a_number'],
    ['--5', 'not_a_number'],
    ['+-5', 'not_a_number'],
    ['(-5)', 'not_a_number'],
    ['(5', 'not_a_number'],
    ['5)', 'not_a_number'],
    ['$', 'not_a_number'],
    ['12.', 'not_a_number'],
    ['.', 'not_a_number'],
    ['12abc', 'not_a_number'],
    ['1,2,3', 'not_a_number'],
    ['1 2', 'not_a_number'],
    ['12 34', 'not_a_number'],
    // One group separator per number, and a group never starts with 0.
    ['1,234 567', 'not_a_number'],
    ['0,123', 'not_a_number'],
    ['1.234,56', 'not_a_number'],
    ['$12%', 'not_a_number'],
    ['12%%', 'not_a_number'],
    ['%', 'not_a_number'],
    ['12%5', 'not_a_number'],
    ['99999999999999999', 'out_of_range'],
  ])('%j is rejected as %s', (text, reason) => {
    expect(parseAmountToMinor(text)).toEqual({ ok: false, reason });
  });
});

describe('parseAmountToMinor with decimal comma', () => {
  it.each([
    ['1.234,56', 123456],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234,56', 123456],
    ["1'234,56", 123456],
    ['1.234.567,8', 123456780],
    ['12,5', 1250],
    [',5', 50],
    ['1234', 123400],
    ['1.234', 123400],
    ['0,005', 1],
    ['-1.234,56 €', -123456],
    ['1.234,56-', -123456],
    ['(1.234,56)', -123456],
    ['EUR 12,00', 1200],
    ['12,5%', 13],
    ['１．２３４，５６', 123456],
  ])('%j → %i', (text, minor) => {
    expect(parseAmountToMinor(text, 2, { decimal: ',' })).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['1.234,5', 0, 1235],
    ['1,2345', 3, 1235],
  ])('%j with %i digits → %i', (text, digits, minor) => {
    expect(parseAmountToMinor(text, digits, { decimal: ',' })).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['1,2,3', 'not_a_number'],
    ['1.23,45', 'not_a_number'],
    ['1234.56', 'not_a_number'],
    ['1,234.56', 'not_a_number'],
    ['12,', 'not_a_number'],
    ['1.234 567,00', 'not_a_number'],
    ['12,5a', 'not_a_number'],
    ['', 'empty'],
  ])('%j is rejected as %s', (text, reason) => {
    expect(parseAmountToMinor(text, 2, { decimal: ',' })).toEqual({ ok: false, reason });
  });

  it("the default and { decimal: '.' } read the same", () => {
    for (const text of ['1,234.56', '1 234.5', '(12)', '12%', '1.2.3']) {
      expect(parseAmountToMinor(text, 2, { decimal: '.' })).toEqual(parseAmountToMinor(text));
    }
  });
});

describe('inferDecimalSeparator', () => {
  it.each<[string[], DecimalSeparator, boolean]>([
    [['1.234,56'], ',', false],
    [['12,5'], ',', false],
    [['0,125'], ',', false],
    [['1234,567'], ',', false],
    [['1.234.567'], ',', false],
    [['1 234,56', '12'], ',', false],
    [['€ 1.234,00', '€ 99,00'], ',', false],
    [['1,234.56'], '.', false],
    [['12.5'], '.', false],
    [['1,234,567'], '.', false],
    [['¥1,234', '(1,234)', '1,234.00-'], '.', false],
    // One separator with three digits after: either reading works, so nothing is decided.
    [['1,234'], '.', true],
    [['1.234'], '.', true],
    [['1,234', '5,678'], '.', true],
    // ... until another value decides.
    [['1,234', '12,5'], ',', false],
    [['1.234', '2.000', '0,99'], ',', false],
    [['1,234', '5.5'], '.', false],
    // Integers (and space grouping, same either way) decide nothing and are not ambiguous.
    [['100', '2500', '1 000'], '.', false],
    [[], '.', false],
    [['', 'n/a', '12,50'], ',', false],
    // Disagreeing values: the majority wins, '.' on a tie, and the UI is told.
    [['12.5', '12,5'], '.', true],
    [['12,5', '3,75', '12.5'], ',', true],
  ])('%j → %s (ambiguous %s)', (samples, decimal, ambiguous) => {
    expect(inferDecimalSeparator(samples)).toEqual({ decimal, ambiguous });
  });
});

describe('minorToDecimalString', () => {
  it.each([
    [-5, 2, '-0.05'],
    [123456, 2, '1234.56'],
    [1234, 0, '1234'],
    [-1234, 0, '-1234'],
    [0, 2, '0.00'],
    [-0, 2, '0.00'],
    [100, 2, '1.00'],
    [-123456, 2, '-1234.56'],
    [7, 3, '0.007'],
    [9007199254740991, 2, '90071992547409.91'],
  ])('%i with %i digits → %s', (minor, digits, text) => {
    expect(minorToDecimalString(minor, digits)).toBe(text);
  });

  it('round-trips through the parser', () => {
    for (const minor of [0, 1, -1, 99, -100, 123456789]) {
      expect(parseAmountToMinor(minorToDecimalString(minor))).toEqual({ ok: true, value: minor });
    }
  });
});

describe('formatMoney / formatNumber', () => {
  it.each([
    [123456, 'CNY', 'zh-CN', '¥1,234.56'],
    [-5, 'USD', 'en-US', '-$0.05'],
    [1234, 'JPY', 'en-US', '¥1,234'],
  ])('%i %s %s → %s', (minor, currency, locale, text) => {
    expect(formatMoney(minor, currency, locale)).toBe(text);
  });

  it('falls back to plain text for a malformed currency or locale', () => {
    expect(formatMoney(123456, 'CN', 'en-US')).toBe('1234.56 CN');
    expect(formatMoney(-5, 'USD', 'not a locale!')).toBe('-0.05 USD');
  });

  it.each([
    [1234567.891, 'en-US', undefined, '1,234,567.891'],
    [1234567.891, 'en-US', 1, '1,234,567.9'],
    [0.5, 'zh-CN', 0, '1'],
    [1234.5, 'de-DE', 2, '1.234,5'],
  ])('formatNumber(%d, %s, %s) → %s', (n, locale, digits, text) => {
    expect(formatNumber(n, locale, digits)).toBe(text);
  });
});

describe('sumMinor', () => {
  it('adds integers exactly where floats would drift', () => {
    expect(sumMinor([10, 20, -5])).toBe(25);
    expect(sumMinor(new Set([1, 2, 3]))).toBe(6);
    expect(sumMinor([])).toBe(0);
  });

  it('throws instead of silently losing fen past 2^53', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumMinor([1.5])).toThrow(RangeError);
    expect(sumMinor([Number.MAX_SAFE_INTEGER, -1])).toBe(Number.MAX_SAFE_INTEGER - 1);
  });
});
