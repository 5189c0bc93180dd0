import { describe, expect, it } from 'vitest';
import { parseCell, type CellKind } from '../../domain/cellValues';
import { parseClipboard, planPaste, toPatches, type PasteColumn } from './pastePlan';

describe('parseCell', () => {
  const tier: CellKind = {
    kind: 'choice',
    values: ['', 'strategic', 'key'],
    labels: { strategic: 'Strategic', key: '重点客户' },
  };
  it.each<[string, CellKind, string, unknown]>([
    ['text trims', { kind: 'text' }, '  Acme ', 'Acme'],
    ['text may be empty', { kind: 'text' }, '', ''],
    ['number with separators', { kind: 'number' }, '1,234.5', 1234.5],
    ['number empty clears', { kind: 'number' }, ' ', null],
    ['money in major units', { kind: 'money', digits: 2 }, '¥1,234.56', 123456],
    ['money without decimals', { kind: 'money', digits: 0 }, '1,234', 1234],
    ['date ISO', { kind: 'date' }, '2026-03-05', '2026-03-05'],
    ['date with slashes', { kind: 'date' }, '2026/3/5', '2026-03-05'],
    ['date Chinese', { kind: 'date' }, '2026年3月5日', '2026-03-05'],
    ['choice by stored id', tier, 'KEY', 'key'],
    ['choice by label', tier, 'strategic', 'strategic'],
    ['choice by Chinese label', tier, '重点客户', 'key'],
    ['choice empty', tier, '', ''],
    ['yes', { kind: 'yesno' }, 'Yes', true],
    ['是', { kind: 'yesno' }, '是', true],
    ['empty is no', { kind: 'yesno' }, '', false],
    ['FALSE', { kind: 'yesno' }, 'FALSE', false],
  ])('%s', (_label, kind, text, value) => {
    expect(parseCell(kind, text)).toEqual({ ok: true, value });
  });

  it.each<[string, CellKind, string, string]>([
    ['name required', { kind: 'text', required: true }, '  ', 'empty'],
    ['not a number', { kind: 'number' }, '12abc', 'not_number'],
    ['negative money', { kind: 'money', digits: 2 }, '-5', 'negative'],
    ['money text', { kind: 'money', digits: 2 }, 'lots', 'not_number'],
    ['not a date', { kind: 'date' }, '2026-02-30', 'not_date'],
    ['unknown choice', tier, 'gold', 'not_choice'],
    ['maybe', { kind: 'yesno' }, 'maybe', 'not_yesno'],
  ])('%s is refused', (_label, kind, text, reason) => {
    expect(parseCell(kind, text)).toEqual({ ok: false, reason });
  });
});

describe('parseClipboard', () => {
  it.each<[string, string, string[][]]>([
    ['one cell', 'a', [['a']]],
    [
      'Excel block with final CRLF',
      'a\tb\r\nc\td\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'LF only',
      'a\tb\nc\td',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['empty cells kept', 'a\t\tc\r\n', [['a', '', 'c']]],
    ['quoted newline and quote', '"line 1\nline ""2"""\tx\r\n', [['line 1\nline "2"', 'x']]],
    ['empty trailing cell', 'a\t\r\n', [['a', '']]],
  ])('%s', (_label, text, rows) => {
    expect(parseClipboard(text)).toEqual(rows);
  });
});

describe('planPaste', () => {
  const columns: PasteColumn[] = [
    { colId: 'name', header: 'Account', kind: { kind: 'text', required: true } },
    { colId: 'revenueMinor', header: 'Revenue', kind: null },
    { colId: 'owner', header: 'Owner', kind: { kind: 'text' } },
    { colId: 'isKeyAccount', header: 'Key account', kind: { kind: 'yesno' } },
    { colId: 'custom.cf_1', header: 'Credit', kind: { kind: 'number' } },
  ];
  const ids = [10, 20, 30];

  it('lays a block from the anchor and groups the changes per account', () => {
    const plan = planPaste(
      [
        ['Li', 'yes', '5'],
        ['Wang', 'no', ''],
      ],
      ids,
      columns,
      1,
      2,
    );
    expect(plan).toEqual({
      ok: true,
      changes: [
        { id: 20, colId: 'owner', value: 'Li' },
        { id: 20, colId: 'isKeyAccount', value: true },
        { id: 20, colId: 'custom.cf_1', value: 5 },
        { id: 30, colId: 'owner', value: 'Wang' },
        { id: 30, colId: 'isKeyAccount', value: false },
        { id: 30, colId: 'custom.cf_1', value: null },
      ],
      clippedRows: 0,
      clippedColumns: 0,
    });
    if (!plan.ok) throw new Error('unreachable');
    expect(toPatches(plan.changes)).toEqual([
      { id: 20, patch: { owner: 'Li', isKeyAccount: true, custom: { cf_1: 5 } } },
      { id: 30, patch: { owner: 'Wang', isKeyAccount: false, custom: { cf_1: null } } },
    ]);
  });

  it('counts what falls off the grid', () => {
    const plan = planPaste([['a', 'yes', '1', 'extra'], ['b'], ['c'], ['d']], ids, columns, 1, 2);
    expect(plan).toMatchObject({ ok: true, clippedRows: 2, clippedColumns: 1 });
  });

  it('reports every bad cell with row and column, and plans nothing', () => {
    const plan = planPaste(
      [
        ['', '100', 'Li'],
        ['Acme', '200', 'Wang'],
      ],
      ids,
      [...columns.slice(0, 3)],
      0,
      0,
    );
    expect(plan).toEqual({
      ok: false,
      problems: [
        { row: 1, column: 'Account', text: '', reason: 'empty' },
        { row: 1, column: 'Revenue', text: '100', reason: 'read_only' },
        { row: 2, column: 'Revenue', text: '200', reason: 'read_only' },
      ],
    });
  });
});
