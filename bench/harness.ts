// Shared timing and reporting for bench/*.bench.ts. Every benchmark times the app's code against
// a baseline in the same process on the same input, so the ratio cancels out machine speed.

/** Prefix of the one machine-readable line a benchmark prints; bench/run.mjs parses it. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

export interface Target {
  /** Human-readable target, e.g. "ratio ≤ 6". */
  label: string;
  /** The measured value, formatted, e.g. "4.21". */
  actual: string;
  ok: boolean;
}

export interface BenchResult {
  name: string;
  rows: number;
  baselineMs: number;
  oursMs: number;
  /** oursMs / baselineMs. */
  ratio: number;
  /** Rows per second for our implementation (median run). */
  rowsPerSec: number;
  targets: Target[];
  ok: boolean;
}

export interface Comparison {
  baselineMs: number;
  oursMs: number;
  baselineRuns: number[];
  oursRuns: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Holds the last result so the engine cannot drop the work that produced it as dead code. */
let _sink: unknown = null;

function timeOnce(fn: () => unknown): number {
  // With --expose-gc (bench/run.mjs passes it) a collection of the previous run's garbage does
  // not land inside this run's timing.
  globalThis.gc?.();
  const start = performance.now();
  _sink = fn();
  const ms = performance.now() - start;
  _sink = null; // let the next gc() free it before the next run
  return ms;
}

/**
 * `warmups` untimed runs of each, then `runs` timed runs of each, interleaved (baseline, ours,
 * baseline, ours, …) so drift in machine load hits both sides alike. Returns the medians.
 */
export function compare(
  baseline: () => unknown,
  ours: () => unknown,
  { warmups = 1, runs = 5 }: { warmups?: number; runs?: number } = {},
): Comparison {
  for (let i = 0; i < warmups; i++) {
    timeOnce(baseline);
    timeOnce(ours);
  }
  const baselineRuns: number[] = [];
  const oursRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselineRuns.push(timeOnce(baseline));
    oursRuns.push(timeOnce(ours));
  }
  return { baselineMs: median(baselineRuns), oursMs: median(oursRuns), baselineRuns, oursRuns };
}

const fmtMs = (ms: number): string => ms.toFixed(1);
const fmtRuns = (runs: readonly number[]): string => runs.map((ms) => ms.toFixed(0)).join(', ');

/** Prints the human-readable report plus the result line, and sets the exit code. */
export function report(
  name: string,
  rows: number,
  c: Comparison,
  targets: readonly Target[],
): BenchResult {
  const ratio = c.oursMs / c.baselineMs;
  const rowsPerSec = rows / (c.oursMs / 1000);
  const result: BenchResult = {
    name,
    rows,
    baselineMs: c.baselineMs,
    oursMs: c.oursMs,
    ratio,
    rowsPerSec,
    targets: [...targets],
    ok: targets.every((t) => t.ok),
  };
  console.log(`  baseline : ${fmtMs(c.baselineMs)} ms  (runs: ${fmtRuns(c.baselineRuns)})`);
  console.log(`  ours     : ${fmtMs(c.oursMs)} ms  (runs: ${fmtRuns(c.oursRuns)})`);
  console.log(`  ratio    : ${ratio.toFixed(2)} (ours / baseline)`);
  console.log(`  rows/s   : ${Math.round(rowsPerSec).toLocaleString('en-US')} (ours)`);
  for (const t of targets) {
    console.log(`  ${t.ok ? 'ok  ' : 'MISS'} ${t.label} (measured ${t.actual})`);
  }
  if (!result.ok) {
    const missed = targets.filter((t) => !t.ok).map((t) => `${t.label} (measured ${t.actual})`);
    console.log(`  FAILED: target missed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
  console.log(RESULT_PREFIX + JSON.stringify(result));
  return result;
}
