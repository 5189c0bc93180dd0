// How a workspace scores its accounts: bins per RFM metric and the ABC cut-offs. Validated at the
// edge (the settings form) so the engine only ever sees sane values.
import { fail, ok, type Result } from './types';

export interface ScoringSettings {
  /** Score bins per metric: 3, 4 or 5. */
  bins: number;
  /** Cumulative share below which an account is A (0.8 = the 80/20 rule). */
  cutoffA: number;
  /** Cumulative share below which an account is B. */
  cutoffB: number;
}

export const DEFAULT_SCORING: Readonly<ScoringSettings> = { bins: 5, cutoffA: 0.8, cutoffB: 0.95 };
export const BIN_CHOICES = [3, 4, 5] as const;

export type ScoringError = 'bins' | 'cutoff_range' | 'cutoff_order';

export function checkScoring(s: ScoringSettings): Result<ScoringSettings, ScoringError> {
  if (!(BIN_CHOICES as readonly number[]).includes(s.bins)) return fail('bins');
  const inRange = (x: number) => Number.isFinite(x) && x > 0 && x < 1;
  if (!inRange(s.cutoffA) || !inRange(s.cutoffB)) return fail('cutoff_range');
  if (s.cutoffA >= s.cutoffB) return fail('cutoff_order');
  return ok(s);
}
