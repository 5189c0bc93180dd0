// What the grid benchmark's pages (seed.ts, baseline.ts, frames.ts) and its Node driver (run.mjs)
// exchange.

export interface SeedOptions {
  accounts: number;
  /** Order lines, spread over the accounts (every account gets at least one order). */
  orderLines: number;
}

export interface SeedResult {
  workspaceId: number;
  accounts: number;
  orderLines: number;
  generateMs: number;
  writeMs: number;
}

export interface LoafScript {
  invoker: string;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayout: number;
}

/** One long animation frame (≥ 50 ms of work), as PerformanceLongAnimationFrameTiming gives it. */
export interface Loaf {
  start: number;
  duration: number;
  blocking: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}

/** What the frame recorder saw between start() and stop(). */
export interface FrameRecording {
  label: string;
  ms: number;
  loafs: Loaf[];
  longtasks: { start: number; duration: number }[];
  /** Event Timing entries ≥ 16 ms: input to next paint. */
  events: { name: string; start: number; duration: number; processing: number }[];
  /** Gaps between consecutive requestAnimationFrame callbacks, ms. */
  gaps: number[];
}

/** The baseline page, once its grid shows rows. */
export interface BaselineReady {
  rows: number;
  /** Navigation → rows in the DOM (performance.now() at that point). */
  firstRowsMs: number;
  readMs: number;
  aggregateMs: number;
  createGridMs: number;
}
