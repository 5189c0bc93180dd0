// The import benchmark's page. It generates the orders CSV in memory, then times, on that same
// File and in this same page:
//  • the floor: PapaParse in its own worker (floorWorker.ts) parsing the file, then a raw Dexie
//    `bulkAdd` of the rows, shaped as Keyplan stores them (OrderRow), 20,000 per transaction,
//    into a fresh database whose orders table has Keyplan's v2 schema;
//  • Keyplan: a fresh 'keyplan' database and workspace, then the import as the wizard runs it,
//    without UI: sniff → analyze (the check pass) → commit (the writing pass), through the
//    app's ImportClient and the bundled import worker.
// bench/import/run.mjs builds this page with Vite, serves it and drives it with Playwright.
import Dexie from 'dexie';
import { DB_NAME, KeyplanDB, SCHEMA_V2 } from '../../src/db/db';
import type { OrderRow } from '../../src/db/schema';
import { workspacesRepo } from '../../src/db/workspaces';
import { ImportClient, type ProgressInfo } from '../../src/io/importClient';
import type { FloorWorkerMessage } from './floorWorker';
import { generateOrdersCsv, type GeneratedCsv } from './generate';
import type { BenchOptions, FloorRun, KeyplanRun, PageReport, Phase } from './protocol';

const FLOOR_DB = 'keyplan-bench-floor';
const FLOOR_BATCH = 20_000;
/** Every column of the generated file must be recognised by the header auto-mapping. */
const EXPECTED_MAPPING: Record<string, number> = {
  orderNo: 0,
  account: 1,
  date: 2,
  amount: 3,
  quantity: 4,
  product: 5,
};
const HEAP_SAMPLE_MS = 250;

declare global {
  interface Window {
    keyplanBench: { run(options: BenchOptions): Promise<PageReport> };
    /** Exposed by the driver: tells it which phase the heap samples belong to. */
    benchPhase?: (phase: Phase) => Promise<void>;
  }
}

// ── Heap of this page, sampled every 250 ms and kept as the peak per phase ────────────────────

let phase: Phase = 'idle';
const pageHeapPeak: Record<string, number> = {};

function sampleHeap(): void {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) return;
  pageHeapPeak[phase] = Math.max(pageHeapPeak[phase] ?? 0, memory.usedJSHeapSize);
}

/** Collects the previous phase's garbage, then starts counting heap and time for the next. */
async function enter(next: Phase): Promise<void> {
  sampleHeap();
  // Present when Chromium runs with --js-flags=--expose-gc (run.mjs passes it).
  globalThis.gc?.();
  phase = next;
  sampleHeap();
  await window.benchPhase?.(next);
}

function log(message: string): void {
  console.log(`[page] ${message}`);
}

/** Logs progress at every quarter of the file. */
function progressLogger(label: string): (p: ProgressInfo) => void {
  let nextStep = 25;
  return (p) => {
    const percent = (p.bytesRead / Math.max(1, p.totalBytes)) * 100;
    if (percent < nextStep) return;
    nextStep = Math.floor(percent / 25) * 25 + 25;
    log(`${label} ${Math.round(percent)} % (${p.rowsRead.toLocaleString('en-US')} rows)`);
  };
}

// ── The floor ────────────────────────────────────────────────────────────────────────────────

/**
 * PapaParse in its own worker (floorWorker.ts: Papa's FileStreamer, 10 MB chunks); the records
 * arrive here chunk by chunk, as with `Papa.parse(file, { worker: true, chunk })`.
 */
function floorParse(file: File): Promise<(string[][] | null)[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./floorWorker.ts', import.meta.url), { type: 'module' });
    const chunks: (string[][] | null)[] = [];
    const finish = (error: Error | null) => {
      worker.terminate();
      if (error) reject(error);
      else resolve(chunks);
    };
    worker.onmessage = (event: MessageEvent<FloorWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'chunk') chunks.push(message.records);
      else if (message.type === 'done') finish(null);
      else finish(new Error(`floor parse: ${message.detail}`));
    };
    worker.onerror = (event) => finish(new Error(`floor worker: ${event.message}`));
    worker.postMessage(file);
  });
}

/**
 * The least a writer must do: one OrderRow per record (account id by name, amount in cents) and
 * `bulkAdd` of 20,000 rows per transaction. Each chunk is dropped once written.
 */
async function floorWrite(db: Dexie, chunks: (string[][] | null)[]): Promise<number> {
  const orders = db.table<OrderRow, number>('orders');
  const accountIds = new Map<string, number>();
  let batch: OrderRow[] = [];
  let written = 0;
  let header = true;
  for (let c = 0; c < chunks.length; c++) {
    const records = chunks[c]!;
    chunks[c] = null;
    for (const r of records) {
      if (header) {
        header = false;
        continue;
      }
      const name = r[1]!;
      let accountId = accountIds.get(name);
      if (accountId === undefined) {
        accountId = accountIds.size + 1;
        accountIds.set(name, accountId);
      }
      batch.push({
        workspaceId: 1,
        importId: 1,
        accountId,
        orderNo: r[0]!,
        date: r[2]!,
        amountMinor: Math.round(Number(r[3]) * 100),
        quantity: Number(r[4]),
        product: r[5]!,
        costMinor: null,
        extra: {},
      });
      if (batch.length === FLOOR_BATCH) {
        await orders.bulkAdd(batch);
        written += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length > 0) {
    await orders.bulkAdd(batch);
    written += batch.length;
  }
  return written;
}

async function runFloor(csv: GeneratedCsv, errors: string[]): Promise<FloorRun> {
  await Dexie.delete(FLOOR_DB);
  const db = new Dexie(FLOOR_DB);
  db.version(1).stores({ orders: SCHEMA_V2.orders });
  await db.open();
  try {
    await enter('floor-parse');
    const t0 = performance.now();
    const chunks = await floorParse(csv.file);
    const t1 = performance.now();
    await enter('floor-write');
    const t2 = performance.now();
    const rowsWritten = await floorWrite(db, chunks);
    const t3 = performance.now();
    await enter('idle');
    const stored = await db.table('orders').count();
    if (rowsWritten !== csv.rows || stored !== csv.rows) {
      errors.push(`floor: ${rowsWritten} rows written, ${stored} stored, expected ${csv.rows}`);
    }
    return { parseMs: t1 - t0, writeMs: t3 - t2, totalMs: t1 - t0 + (t3 - t2), rowsWritten };
  } finally {
    db.close();
    await Dexie.delete(FLOOR_DB);
  }
}

// ── Keyplan ──────────────────────────────────────────────────────────────────────────────────

let client: ImportClient | null = null;

async function runKeyplan(csv: GeneratedCsv, errors: string[]): Promise<KeyplanRun> {
  // The previous run's worker holds the database open; a fresh database needs it gone.
  client?.terminate();
  client = null;
  await Dexie.delete(DB_NAME);
  const db = new KeyplanDB();
  try {
    const workspaceId = await workspacesRepo(db).create({
      name: 'Import benchmark',
      currency: 'CNY',
      locale: 'zh-CN',
      fiscalYearStartMonth: 1,
    });
    const importer = (client = new ImportClient());

    await enter('keyplan-sniff');
    const t0 = performance.now();
    const sniffed = await importer.sniff(csv.file, {}, 2);
    const sniffMs = performance.now() - t0;
    if (sniffed.type === 'error') throw new Error(`sniff: ${sniffed.reason}: ${sniffed.detail}`);
    const plan = sniffed.result.plan;
    if (plan.kind !== 'orders') throw new Error(`sniff: kind ${plan.kind}, expected orders`);
    for (const [field, column] of Object.entries(EXPECTED_MAPPING)) {
      if (plan.mapping[field] !== column) {
        throw new Error(`sniff: ${field} mapped to ${plan.mapping[field]}, expected ${column}`);
      }
    }

    await enter('keyplan-analyze');
    const t1 = performance.now();
    const analyzed = await importer.analyze(
      csv.file,
      plan,
      workspaceId,
      progressLogger('keyplan check'),
    ).done;
    const analyzeMs = performance.now() - t1;
    if (analyzed.type === 'error') {
      throw new Error(`analyze: ${analyzed.reason}: ${analyzed.detail}`);
    }
    const check = analyzed.summary;
    if (check.rowsValid !== csv.rows || check.rowsRejected !== 0) {
      errors.push(
        `keyplan check: ${check.rowsValid} valid, ${check.rowsRejected} rejected ` +
          `(first: ${JSON.stringify(check.rejects[0] ?? null)}), expected ${csv.rows} valid`,
      );
    }

    await enter('keyplan-commit');
    const t2 = performance.now();
    const committed = await importer.commit(
      csv.file,
      csv.file.name,
      plan,
      workspaceId,
      progressLogger('keyplan write'),
    ).done;
    const commitMs = performance.now() - t2;
    await enter('idle');
    if (committed.type === 'error') {
      throw new Error(`commit: ${committed.reason}: ${committed.detail}`);
    }

    // Correctness, once per run: every row stored, the import visible ('done'), totals equal.
    const ordersInDb = await db.orders.count();
    const importRow = await db.imports.get(committed.importRow.id ?? -1);
    const importStatus = importRow?.status ?? 'missing';
    const summary = committed.summary;
    if (ordersInDb !== csv.rows)
      errors.push(`keyplan: ${ordersInDb} orders stored, expected ${csv.rows}`);
    if (importStatus !== 'done')
      errors.push(`keyplan: import status '${importStatus}', expected 'done'`);
    if (summary.totalMinor !== csv.totalMinor) {
      errors.push(`keyplan: total ${summary.totalMinor}, expected ${csv.totalMinor} (cents)`);
    }
    const accountsCreated = importRow?.accountsCreated ?? 0;
    if (accountsCreated !== csv.customers) {
      errors.push(`keyplan: ${accountsCreated} accounts created, expected ${csv.customers}`);
    }
    return {
      sniffMs,
      analyzeMs,
      commitMs,
      rowsImported: importRow?.rowsImported ?? 0,
      accountsCreated,
      ordersInDb,
      importStatus,
      totalMinor: summary.totalMinor,
    };
  } finally {
    db.close();
  }
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────

async function run(options: BenchOptions): Promise<PageReport> {
  const errors: string[] = [];
  for (const key of Object.keys(pageHeapPeak)) delete pageHeapPeak[key];
  const heapTimer = setInterval(sampleHeap, HEAP_SAMPLE_MS);
  try {
    if (options.warmupRows > 0) {
      await enter('warmup');
      log(`warm-up: ${options.warmupRows.toLocaleString('en-US')} rows, both sides, untimed`);
      const small = generateOrdersCsv(options.warmupRows);
      await runFloor(small, errors);
      await runKeyplan(small, errors);
    }

    await enter('generate');
    const g0 = performance.now();
    const csv = generateOrdersCsv(options.rows);
    const generateMs = performance.now() - g0;
    log(
      `generated ${csv.rows.toLocaleString('en-US')} rows, ` +
        `${(csv.file.size / 1e6).toFixed(1)} MB in ${Math.round(generateMs)} ms`,
    );

    const floor: FloorRun[] = [];
    const keyplan: KeyplanRun[] = [];
    // ABBA order (floor, Keyplan, Keyplan, floor, …): whatever one side leaves behind (IndexedDB
    // compaction of the rows just written, garbage) hits both sides alike over an even count.
    for (let i = 0; i < options.runs; i++) {
      const tag = `run ${i + 1}/${options.runs}`;
      const floorRun = async () => {
        const f = await runFloor(csv, errors);
        floor.push(f);
        log(`${tag} floor: parse ${Math.round(f.parseMs)} ms + write ${Math.round(f.writeMs)} ms`);
      };
      const keyplanRun = async () => {
        const k = await runKeyplan(csv, errors);
        keyplan.push(k);
        log(
          `${tag} keyplan: sniff ${Math.round(k.sniffMs)} ms, ` +
            `analyze ${Math.round(k.analyzeMs)} ms, commit ${Math.round(k.commitMs)} ms`,
        );
      };
      if (i % 2 === 0) {
        await floorRun();
        await keyplanRun();
      } else {
        await keyplanRun();
        await floorRun();
      }
    }

    return {
      rows: csv.rows,
      fileBytes: csv.file.size,
      generateMs,
      customers: csv.customers,
      totalMinor: csv.totalMinor,
      floor,
      keyplan,
      pageHeapPeak: { ...pageHeapPeak },
      errors,
    };
  } finally {
    clearInterval(heapTimer);
    await enter('idle');
    client?.terminate();
    client = null;
    await Dexie.delete(DB_NAME);
  }
}

window.keyplanBench = { run };
