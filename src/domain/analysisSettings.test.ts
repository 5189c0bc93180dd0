import { describe, expect, it } from 'vitest';
import {
  checkSettings,
  DEFAULT_ANALYSIS,
  settingsFrom,
  type AnalysisSettings,
  type SettingsError,
} from './analysisSettings';

const valid = (): AnalysisSettings => settingsFrom(undefined);
const rule = (id: string, name?: string): NonNullable<AnalysisSettings['rules']>[number] => ({
  id,
  ...(name === undefined ? {} : { name }),
  r: [1, 5],
  f: [1, 5],
  m: [1, 5],
});

describe('checkSettings', () => {
  it('accepts the defaults', () => {
    const result = checkSettings(valid());
    expect(result).toEqual({ ok: true, value: valid() });
  });

  it.each<[string, Partial<AnalysisSettings>]>([
    ['3 bins', { bins: 3 }],
    ['4 bins', { bins: 4 }],
    ['close cut-offs', { cutoffA: 0.5, cutoffB: 0.51 }],
    ['frequency by days, margin', { frequency: 'days', value: 'margin' }],
    ['3 bins with two cuts each', { bins: 3, thresholds: { r: [30, 90], f: [2, 5], m: [0, 1] } }],
    ['5 bins with negative M cuts', { thresholds: { r: null, f: null, m: [-5, -1, 0, 9] } }],
    // Rules are on the 1–5 scale whatever the bins.
    ['3 bins with rules on 1–5', { bins: 3, rules: [{ ...rule('champions'), r: [4, 5] }] }],
    ['a user rule with a name', { rules: [rule('vip', 'VIP'), rule('others', 'Rest')] }],
    ['an empty rule table', { rules: [] }],
    ['a one-day range', { window: { kind: 'range', start: '2024-02-29', end: '2024-02-29' } }],
    ['fiscal year 1900', { window: { kind: 'fiscalYear', year: 1900 } }],
    ['fiscal year 2200', { window: { kind: 'fiscalYear', year: 2200 } }],
    ['all history, as of a leap day', { window: { kind: 'all' }, asOf: '2024-02-29' }],
    ['previous period', { compareWith: { kind: 'previous' } }],
    ['a compare range', { compareWith: { kind: 'range', start: '2023-01-01', end: '2023-12-31' } }],
    ['no drop threshold', { churnDrop: 0 }],
    ['a small k', { churnK: 0.1 }],
    [
      'a range, as of its first day',
      { window: { kind: 'range', start: '2024-03-01', end: '2024-05-31' }, asOf: '2024-03-01' },
    ],
    [
      'a range, as of a date after it',
      { window: { kind: 'range', start: '2024-03-01', end: '2024-05-31' }, asOf: '2024-12-31' },
    ],
    // Needs the fiscal start month: resolveWindow keeps such a window from inverting.
    [
      'a fiscal year, as of a date before it',
      { window: { kind: 'fiscalYear', year: 2024 }, asOf: '2023-06-30' },
    ],
  ])('accepts %s', (_, change) => {
    expect(checkSettings({ ...valid(), ...change }).ok).toBe(true);
  });

  it.each<[SettingsError, Partial<AnalysisSettings>]>([
    ['bins', { bins: 2 }],
    ['bins', { bins: 6 }],
    ['bins', { bins: 4.5 }],
    ['cutoff_range', { cutoffA: 0 }],
    ['cutoff_range', { cutoffA: -0.1 }],
    ['cutoff_range', { cutoffB: 1 }],
    ['cutoff_range', { cutoffA: Number.NaN }],
    ['cutoff_range', { cutoffB: Infinity }],
    ['cutoff_order', { cutoffA: 0.9, cutoffB: 0.9 }],
    ['cutoff_order', { cutoffA: 0.95, cutoffB: 0.8 }],
    ['thresholds_r.wrong_count', { thresholds: { r: [30, 90, 180], f: null, m: null } }],
    [
      'thresholds_r.wrong_count',
      { bins: 3, thresholds: { r: [30, 90, 180, 365], f: null, m: null } },
    ],
    ['thresholds_f.not_finite', { thresholds: { r: null, f: [1, 2, Number.NaN, 4], m: null } }],
    ['thresholds_m.not_ascending', { thresholds: { r: null, f: null, m: [1, 2, 2, 3] } }],
    ['thresholds_m.not_ascending', { thresholds: { r: null, f: null, m: [4, 3, 2, 1] } }],
    ['rule_1.empty_range', { rules: [{ ...rule('loyal'), r: [4, 3] }] }],
    ['rule_2.out_of_bins', { rules: [rule('loyal'), { ...rule('lost'), f: [0, 2] }] }],
    ['rule_1.out_of_bins', { rules: [{ ...rule('lost'), m: [1, 6] }] }],
    ['rule_1.out_of_bins', { rules: [{ ...rule('lost'), m: [1.5, 2] }] }],
    ['rule_1.missing_name', { rules: [rule('vip')] }],
    ['rule_1.missing_name', { rules: [rule('vip', '   ')] }],
    // 'others' is the no-match bucket, not a built-in rule: a rule with that id needs a name.
    ['rule_1.missing_name', { rules: [rule('others')] }],
    ['rule_duplicate_id', { rules: [rule('vip', 'VIP'), rule('vip', 'VIP again')] }],
    ['rule_duplicate_id', { rules: [rule('lost'), rule('loyal'), rule('lost')] }],
    ['window_dates', { window: { kind: 'range', start: '2024-02-30', end: '2024-03-31' } }],
    ['window_dates', { window: { kind: 'range', start: '2024-01-01', end: '31.12.2024' } }],
    ['window_order', { window: { kind: 'range', start: '2024-03-02', end: '2024-03-01' } }],
    ['fiscal_year', { window: { kind: 'fiscalYear', year: 1899 } }],
    ['fiscal_year', { window: { kind: 'fiscalYear', year: 2201 } }],
    ['fiscal_year', { window: { kind: 'fiscalYear', year: 2024.5 } }],
    ['as_of', { asOf: '2023-02-29' }],
    ['as_of', { asOf: '' }],
    [
      'as_of_before_window',
      { window: { kind: 'range', start: '2024-03-01', end: '2024-05-31' }, asOf: '2024-02-29' },
    ],
    [
      'as_of_before_window',
      { window: { kind: 'range', start: '2024-01-01', end: '2024-01-01' }, asOf: '2023-12-31' },
    ],
    ['compare_dates', { compareWith: { kind: 'range', start: '2023-13-01', end: '2023-12-31' } }],
    ['compare_dates', { compareWith: { kind: 'range', start: '2023-12-31', end: '2023-01-01' } }],
    ['churn_k', { churnK: 0 }],
    ['churn_k', { churnK: -1 }],
    ['churn_k', { churnK: Number.NaN }],
    ['churn_k', { churnK: Infinity }],
    ['churn_drop', { churnDrop: -0.01 }],
    ['churn_drop', { churnDrop: 1 }],
    ['churn_drop', { churnDrop: Number.NaN }],
  ])('rejects with %s: %j', (reason, change) => {
    expect(checkSettings({ ...valid(), ...change })).toEqual({ ok: false, reason });
  });

  it.each<[SettingsError, Partial<AnalysisSettings>]>([
    ['bins', { bins: 7, cutoffA: 2, churnK: 0 }],
    ['cutoff_order', { cutoffA: 0.9, cutoffB: 0.8, asOf: 'yesterday' }],
    ['thresholds_r.wrong_count', { thresholds: { r: [1], f: [1], m: [1] } }],
    ['rule_1.empty_range', { rules: [{ ...rule('vip'), r: [5, 1] }] }],
    [
      'window_order',
      { window: { kind: 'range', start: '2024-02-01', end: '2024-01-01' }, churnDrop: 2 },
    ],
    [
      'window_order',
      { window: { kind: 'range', start: '2024-02-01', end: '2024-01-01' }, asOf: '2023-01-01' },
    ],
    [
      'as_of_before_window',
      {
        window: { kind: 'range', start: '2024-02-01', end: '2024-03-01' },
        asOf: '2023-01-01',
        compareWith: { kind: 'range', start: '2023-12-31', end: '2023-01-01' },
      },
    ],
  ])('reports the first failure in form order: %s', (reason, change) => {
    expect(checkSettings({ ...valid(), ...change })).toEqual({ ok: false, reason });
  });
});

describe('settingsFrom', () => {
  it('gives the defaults for nothing stored', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_ANALYSIS);
  });

  it('fills what settings stored by an older version lack', () => {
    expect(settingsFrom({ bins: 3, cutoffA: 0.7, cutoffB: 0.9 })).toEqual({
      bins: 3,
      cutoffA: 0.7,
      cutoffB: 0.9,
      frequency: 'orders',
      value: 'revenue',
      thresholds: { r: null, f: null, m: null },
      rules: null,
      window: { kind: 'trailing12' },
      asOf: null,
      compareWith: { kind: 'yearAgo' },
      churnK: 2,
      churnDrop: 0.3,
    });
  });

  it('fills the metrics missing from stored thresholds', () => {
    // Stored data is not type-checked: a record may hold only some metrics.
    const stored = { thresholds: { f: [2, 3, 5, 8] } } as unknown as Partial<AnalysisSettings>;
    expect(settingsFrom(stored).thresholds).toEqual({ r: null, f: [2, 3, 5, 8], m: null });
  });

  it('keeps every stored field', () => {
    const stored: AnalysisSettings = {
      bins: 4,
      cutoffA: 0.6,
      cutoffB: 0.7,
      frequency: 'days',
      value: 'margin',
      thresholds: { r: [30, 60, 90], f: null, m: [1, 2, 3] },
      rules: [rule('vip', 'VIP')],
      window: { kind: 'fiscalYear', year: 2024 },
      asOf: '2025-03-31',
      compareWith: { kind: 'previous' },
      churnK: 3,
      churnDrop: 0.5,
    };
    expect(settingsFrom(stored)).toEqual(stored);
  });

  it('returns objects the caller may change without touching the defaults', () => {
    const s = settingsFrom(undefined);
    s.thresholds.r = [30, 90, 180, 365];
    s.window = { kind: 'all' };
    s.compareWith = { kind: 'previous' };
    const t = settingsFrom(undefined);
    Object.assign(t.window, { kind: 'fiscalYear', year: 2020 });
    Object.assign(t.compareWith, { kind: 'range', start: '2020-01-01', end: '2020-12-31' });
    t.thresholds.m = [1, 2, 3, 4];
    expect(DEFAULT_ANALYSIS.thresholds).toEqual({ r: null, f: null, m: null });
    expect(DEFAULT_ANALYSIS.window).toEqual({ kind: 'trailing12' });
    expect(DEFAULT_ANALYSIS.compareWith).toEqual({ kind: 'yearAgo' });
    expect(settingsFrom(undefined)).toEqual(valid());
    expect(t.thresholds).not.toBe(DEFAULT_ANALYSIS.thresholds);
    expect(t.window).not.toBe(DEFAULT_ANALYSIS.window);
    expect(t.compareWith).not.toBe(DEFAULT_ANALYSIS.compareWith);
  });

  it('copies stored rules, so editing them leaves the stored ones alone', () => {
    const stored: Partial<AnalysisSettings> = { rules: [rule('vip', 'VIP')] };
    const s = settingsFrom(stored);
    s.rules![0]!.r[0] = 4;
    s.rules![0]!.name = 'Renamed';
    expect(stored.rules).toEqual([rule('vip', 'VIP')]);
  });
});

describe('settingsFrom never returns settings checkSettings rejects', () => {
  // Stored data is not type-checked: older versions, hand edits or bugs may have left anything.
  const asStored = (x: unknown) => x as Partial<AnalysisSettings>;
  const range = (start: string, end: string) => ({ kind: 'range', start, end }) as const;
  it.each<[string, unknown, Partial<AnalysisSettings>]>([
    // Each bad part goes back to its default; the good parts stay.
    ['a rule without a name', { bins: 4, rules: [rule('vip')] }, { bins: 4 }],
    ['duplicate rule ids', { rules: [rule('lost'), rule('lost')], churnK: 3 }, { churnK: 3 }],
    ['rules that are not a list', { rules: 'champions' }, {}],
    ['a rule with a score instead of a range', { rules: [{ id: 'lost', r: 3, f: [1, 5] }] }, {}],
    [
      'cuts for other bins',
      { bins: 3, thresholds: { r: [30, 90, 180, 365], f: [2, 5], m: [1, 1] } },
      { bins: 3, thresholds: { r: null, f: [2, 5], m: null } },
    ],
    ['cuts that are not numbers', { thresholds: { r: '30,90', f: [1, 2, 3, 'x'] } }, {}],
    ['cuts of unknown shape', { thresholds: 5 }, {}],
    // Bins back to 5; the stored cuts fit 5 bins, so they stay.
    [
      'six bins',
      { bins: 6, thresholds: { r: [1, 2, 3, 4], f: null, m: null } },
      { thresholds: { r: [1, 2, 3, 4], f: null, m: null } },
    ],
    ['bins as text', { bins: '4', cutoffA: 0.7 }, { cutoffA: 0.7 }],
    [
      'cut-offs the wrong way round',
      { cutoffA: 0.9, cutoffB: 0.8, churnDrop: 0.5 },
      { churnDrop: 0.5 },
    ],
    [
      'an unknown frequency and value',
      { frequency: 'weekly', value: 'profit', bins: 3 },
      { bins: 3 },
    ],
    [
      'an inverted window',
      { window: range('2024-02-01', '2024-01-01'), asOf: '2024-01-15' },
      { asOf: '2024-01-15' },
    ],
    ['a window of unknown kind', { window: { kind: 'quarter' } }, {}],
    ['no window object', { window: null }, {}],
    ['a fiscal year out of range', { window: { kind: 'fiscalYear', year: 99 } }, {}],
    ['a fiscal year as text', { window: { kind: 'fiscalYear', year: '2024' } }, {}],
    // The window is the main choice; the as-of date before it is what goes.
    [
      'an as-of date before the window',
      { window: range('2024-03-01', '2024-05-31'), asOf: '2024-01-31' },
      { window: range('2024-03-01', '2024-05-31') },
    ],
    ['an as-of date that is not a date', { asOf: '2024-02-30' }, {}],
    ['an as-of date that is not text', { asOf: 20240101 }, {}],
    ['an inverted compare range', { compareWith: range('2023-12-31', '2023-01-01') }, {}],
    ['a comparison of unknown kind', { compareWith: 'lastYear' }, {}],
    ['churn settings out of range', { churnK: -1, churnDrop: 1.5 }, {}],
    ['churn settings as text', { churnK: '2', churnDrop: null }, {}],
    ['not an object', 'settings', {}],
    ['null', null, {}],
  ])('%s', (_, stored, kept) => {
    const s = settingsFrom(asStored(stored));
    expect(s).toEqual({ ...DEFAULT_ANALYSIS, ...kept });
    expect(checkSettings(s).ok).toBe(true);
  });

  it('keeps a stored fiscal year with an as-of date before it (resolveWindow handles it)', () => {
    const stored = { window: { kind: 'fiscalYear', year: 2024 }, asOf: '2023-12-31' } as const;
    expect(settingsFrom(stored)).toEqual({ ...DEFAULT_ANALYSIS, ...stored });
  });
});

describe('settings are copies at the edges', () => {
  it('settingsFrom copies stored threshold arrays', () => {
    const stored = { thresholds: { r: [30, 90, 180, 365], f: null, m: null } };
    const result = settingsFrom(stored);
    result.thresholds.r!.push(999);
    expect(stored.thresholds.r).toEqual([30, 90, 180, 365]);
  });

  it('checkSettings returns the rules with names trimmed', () => {
    const rule = { id: 'custom-1', name: '  Big spenders  ', r: [1, 5], f: [1, 5], m: [5, 5] };
    const checked = checkSettings({ ...settingsFrom(undefined), rules: [rule] as never });
    expect(checked.ok && checked.value.rules?.[0]?.name).toBe('Big spenders');
    expect(rule.name).toBe('  Big spenders  ');
  });
});
