import { describe, expect, it } from 'vitest';
import { planToRows, type PlanExport } from '../../../domain/planCsv';
import { defaultTemplate } from '../../../domain/planDoc';
import { toCsv } from '../../../io/csvExport';
import { csvTextToRows, parsePlanFile } from './csvText';

describe('csvTextToRows', () => {
  it('reads back exactly what toCsv wrote, with the BOM and the escapes', () => {
    const rows = [
      ['section', 'field', 'value'],
      ['targets', 'revenue', '=SUM(A1)'],
      ['notes', '', '中文, "quoted"\r\nnext line'],
      [''],
      ['x', '-5', "'already"],
      ['+1', '@me', '  padded  '],
      [''],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(csvTextToRows(text)).toEqual({ ok: true, rows });
  });

  it('accepts text without a BOM or a final line break', () => {
    expect(csvTextToRows('a,b\r\nc,d')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
  });

  it('detects semicolons when the header has no comma', () => {
    expect(csvTextToRows('a;b\nc;d\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
  });

  it('refuses empty text', () => {
    expect(csvTextToRows('\uFEFF  ')).toMatchObject({ ok: false, row: 1 });
  });

  it('names the row of a broken quote', () => {
    const result = csvTextToRows('a,b\r\nc,"open\r\n');
    expect(result.ok).toBe(false);
  });
});

describe('parsePlanFile', () => {
  it('reads back a plan written with planToRows and toCsv, tricky text included', () => {
    const doc = defaultTemplate();
    doc.targets.revenueMinor = 123456;
    doc.financialNotes = '=1+1, "quoted"\r\n第二行 @home';
    doc.team = '-lead';
    const plan: PlanExport = {
      accountName: '华东电子, "HQ"',
      accountKey: '+c-1',
      year: 2025,
      status: 'approved',
      doc,
      actions: [
        {
          id: 4,
          measure: 'executive_visits',
          title: '@CEO visit',
          owner: '王',
          due: '2025-05-01',
          status: 'planned',
          budgetMinor: 5000,
          outcome: 'line1\nline2',
        },
      ],
      approvedAt: '2025-02-10T09:30:00.000Z',
    };
    const result = parsePlanFile(toCsv(planToRows(plan)));
    expect(result).toEqual({ ok: true, value: plan });
  });

  it('names the line of a problem', () => {
    const result = parsePlanFile('\uFEFFsomething,else\r\n');
    expect(result).toMatchObject({ ok: false, reason: { row: 1, reason: 'wrong_format' } });
    expect(parsePlanFile('')).toMatchObject({ ok: false, reason: { reason: 'empty' } });
  });
});
