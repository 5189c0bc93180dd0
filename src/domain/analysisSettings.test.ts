import { describe, expect, it } from 'vitest';
import { checkScoring, DEFAULT_SCORING } from './analysisSettings';

describe('checkScoring', () => {
  it.each([
    [{ bins: 5, cutoffA: 0.8, cutoffB: 0.95 }, null],
    [{ bins: 3, cutoffA: 0.7, cutoffB: 0.9 }, null],
    [{ bins: 4, cutoffA: 0.5, cutoffB: 0.51 }, null],
    [{ bins: 6, cutoffA: 0.8, cutoffB: 0.95 }, 'bins'],
    [{ bins: 2, cutoffA: 0.8, cutoffB: 0.95 }, 'bins'],
    [{ bins: 5, cutoffA: 0, cutoffB: 0.95 }, 'cutoff_range'],
    [{ bins: 5, cutoffA: 0.8, cutoffB: 1 }, 'cutoff_range'],
    [{ bins: 5, cutoffA: Number.NaN, cutoffB: 0.9 }, 'cutoff_range'],
    [{ bins: 5, cutoffA: 0.9, cutoffB: 0.9 }, 'cutoff_order'],
    [{ bins: 5, cutoffA: 0.95, cutoffB: 0.8 }, 'cutoff_order'],
  ])('%j → %s', (settings, reason) => {
    const result = checkScoring(settings);
    expect(result.ok ? null : result.reason).toBe(reason);
  });

  it('accepts the defaults', () => {
    expect(checkScoring({ ...DEFAULT_SCORING }).ok).toBe(true);
  });
});
