import { describe, expect, it } from 'vitest';
import type { Whitespace } from '../../../domain/planDoc';
import {
  ChangeIndex,
  addProductLine,
  addUnit,
  daysSinceLastContact,
  describeValue,
  isOverdue,
  linesCovered,
  marginByYear,
  moneyInputText,
  parseMoneyInput,
  parsePercentInput,
  percentInputText,
  removeProductLine,
  removeUnit,
  setCell,
  workflowSteps,
  ytdProgress,
} from './editorModel';

describe('money and percent inputs', () => {
  it('reads major units into minor units and back', () => {
    expect(parseMoneyInput('1,234.5', 2)).toBe(123450);
    expect(parseMoneyInput('  ', 2)).toBeNull();
    expect(parseMoneyInput('abc', 2)).toBeUndefined();
    expect(parseMoneyInput('500', 0)).toBe(500);
    expect(moneyInputText(123450, 2)).toBe('1234.50');
    expect(moneyInputText(null, 2)).toBe('');
  });
  it('reads percent as a fraction', () => {
    expect(parsePercentInput('12.5')).toBe(0.125);
    expect(parsePercentInput('15 %')).toBe(0.15);
    expect(parsePercentInput('')).toBeNull();
    expect(parsePercentInput('x')).toBeUndefined();
    expect(percentInputText(0.07)).toBe('7');
    expect(percentInputText(null)).toBe('');
  });
});

describe('whitespace map edits', () => {
  it('keeps the cells rectangular', () => {
    const ws: Whitespace = { productLines: [], units: [], cells: [] };
    addProductLine(ws, 'Pumps');
    addUnit(ws, 'Plant A');
    addUnit(ws, 'Plant B');
    addProductLine(ws, 'Valves');
    setCell(ws, 1, 1, 'opportunity');
    expect(ws.cells).toEqual([
      ['', ''],
      ['', 'opportunity'],
    ]);
    removeUnit(ws, 0);
    expect(ws.cells).toEqual([[''], ['opportunity']]);
    removeProductLine(ws, 0);
    expect(ws).toEqual({ productLines: ['Valves'], units: ['Plant B'], cells: [['opportunity']] });
  });
});

describe('financial helpers', () => {
  it('margin per fiscal year over orders with a cost', () => {
    const m = marginByYear(
      [
        { date: '2024-02-01', amountMinor: 1000, costMinor: 600 },
        { date: '2024-03-01', amountMinor: 1000, costMinor: null },
        { date: '2023-05-01', amountMinor: 500, costMinor: null },
      ],
      2024,
      1,
    );
    expect(m[0]).toEqual({ year: 2024, margin: 0.4, costCoverage: 0.5 });
    expect(m[1]).toEqual({ year: 2023, margin: null, costCoverage: 0 });
    expect(m[2]).toEqual({ year: 2022, margin: null, costCoverage: null });
  });
  it('year to date against the pro-rata target', () => {
    expect(ytdProgress(600, 1000, 0.5)).toEqual({
      ofTarget: 0.6,
      expectedMinor: 500,
      onTrack: true,
    });
    expect(ytdProgress(400, 1000, 0.5).onTrack).toBe(false);
    expect(ytdProgress(400, null, 0.5).ofTarget).toBeNull();
  });
});

describe('actions and contacts', () => {
  it('overdue: past due and neither done nor cancelled', () => {
    expect(isOverdue({ due: '2024-01-01', status: 'planned' }, '2024-02-01')).toBe(true);
    expect(isOverdue({ due: '2024-01-01', status: 'done' }, '2024-02-01')).toBe(false);
    expect(isOverdue({ due: '', status: 'planned' }, '2024-02-01')).toBe(false);
    expect(isOverdue({ due: '2024-03-01', status: 'in_progress' }, '2024-02-01')).toBe(false);
  });
  it('contact recency and line coverage', () => {
    const contacts = [
      { line: 'business', isNode: false, lastContact: '2024-01-10' },
      { line: 'technical', isNode: true, lastContact: '' as const },
      { line: 'business', isNode: false },
    ];
    expect(daysSinceLastContact(contacts, '2024-01-20')).toBe(10);
    expect(daysSinceLastContact([], '2024-01-20')).toBeNull();
    expect(linesCovered(contacts)).toBe(2);
  });
});

describe('workflow and changes', () => {
  it('offers the allowed steps', () => {
    expect(workflowSteps('draft').map((s) => s.to)).toEqual(['in_review']);
    expect(workflowSteps('in_review').map((s) => s.to)).toEqual(['approved', 'draft']);
    expect(workflowSteps('approved').map((s) => s.to)).toEqual(['in_review', 'closed']);
    expect(workflowSteps('closed')).toEqual([]);
  });
  it('indexes changes by section, field and row', () => {
    const idx = new ChangeIndex([
      { section: 'objectives', field: 'title', rowId: 'r1' },
      { section: 'targets', field: 'revenueMinor' },
    ]);
    expect(idx.has('objectives')).toBe(true);
    expect(idx.has('objectives', undefined, 'r1')).toBe(true);
    expect(idx.has('objectives', 'title', 'r1')).toBe(true);
    expect(idx.has('objectives', 'target', 'r1')).toBe(false);
    expect(idx.has('targets', 'revenueMinor')).toBe(true);
    expect(idx.has('swot')).toBe(false);
  });
  it('describes values briefly', () => {
    expect(describeValue(null)).toBe('—');
    expect(describeValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(describeValue(['a', 'b'])).toBe('a, b');
  });
});
