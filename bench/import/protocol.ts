// What the bench page (main.ts) and its Node driver (run.mjs) exchange.

export interface BenchOptions {
  rows: number;
  /** Timed runs of each side, interleaved floor, Keyplan, floor, Keyplan, … */
  runs: number;
  /** Rows of the untimed warm-up of both sides (0 = none). */
  warmupRows: number;
}

/** One timed run of the floor: PapaParse worker parse, then raw Dexie bulkAdd. */
export interface FloorRun {
  parseMs: number;
  writeMs: number;
  totalMs: number;
  rowsWritten: number;
}

/** One timed run of Keyplan's import: sniff, the check pass, the writing pass. */
export interface KeyplanRun {
  sniffMs: number;
  analyzeMs: number;
  commitMs: number;
  rowsImported: number;
  accountsCreated: number;
  /** Orders counted in the database afterwards. */
  ordersInDb: number;
  importStatus: string;
  totalMinor: number;
}

export interface PageReport {
  rows: number;
  fileBytes: number;
  generateMs: number;
  customers: number;
  totalMinor: number;
  floor: FloorRun[];
  keyplan: KeyplanRun[];
  /** Peak `performance.memory.usedJSHeapSize` of the page, per phase. */
  pageHeapPeak: Record<string, number>;
  /** Problems found by the correctness checks; empty when all passed. */
  errors: string[];
}

/** Phases the page announces, so the driver can attribute heap samples. */
export type Phase =
  | 'idle'
  | 'generate'
  | 'warmup'
  | 'floor-parse'
  | 'floor-write'
  | 'keyplan-sniff'
  | 'keyplan-analyze'
  | 'keyplan-commit';
