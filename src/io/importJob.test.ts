// handleImportRequest end to end on fake-indexeddb: sniff → analyze (writes nothing) → commit
// (batches, cancel, failure, duplicates) → undo. Expectations come from the .expected.json files,
// computed by Python independently of the TypeScript importer.
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addTestWorkspace } from '../../test/factories/workspace';
import { DATA_VERSION_KEY, KeyplanDB } from '../db/db';
import { ImportWriter, recoverInterruptedImports, removeImport } from '../db/importWriter';
import { handleImportRequest, type JobContext } from './importJob';
import { fingerprintOf } from './fileHash';
import type { ImportPlan } from './importPlan';
import type {
  AnalyzedResponse,
  CommittedResponse,
  ErrorResponse,
  ImportRequest,
  ImportResponse,
} from './importProtocol';
import { inferFormats, type SniffResult } from './sniff';

// --- fixtures ----------------------------------------------------------------------------------

const FORMATS_DIR = 'test/fixtures/formats/';
const FORMAT_FIXTURES = readdirSync(FORMATS_DIR)
  .filter((f) => /\.(csv|txt)$/.test(f))
  .sort();

interface FormatExpectation {
  columns: { customer: number; date: number; amount: number };
  encoding: string;
  rows: { customer: string; date: string; amountMinor: number }[];
}

const SMALL_BYTES = readFileSync('test/fixtures/orders_small.csv');
const SMALL = JSON.parse(readFileSync('test/fixtures/orders_small.expected.json', 'utf8')) as {
  dataRows: number;
  validRows: number;
  rejects: { line: number; column: string; value: string; reason: string }[];
  distinctCustomers: number;
  revenueMinorByCustomer: Record<string, number>;
  totalRevenueMinor: number;
};
// Not in the .expected.json; taken with Python's csv module over the valid rows of the fixture.
const SMALL_FIRST_DATE = '2024-01-31';
const SMALL_LAST_DATE = '2025-10-08';

const fileOf = (bytes: Uint8Array | string, name: string): File =>
  new File([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], name);
const fingerprint = (bytes: Uint8Array | string): string =>
  fingerprintOf(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function revenueBy<T>(rows: T[], key: (r: T) => string, amount: (r: T) => number) {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + amount(r);
  return out;
}

/**
 * An orders file of `rows` rows and about `rowBytes` bytes per row, so it spans several 4 MB
 * slices of rowStream (importJob reads with the default slice size). Some customers are those of
 * orders_small.csv, so an earlier import's accounts are reused.
 */
function bigOrdersCsv(rows: number, rowBytes = 400): string {
  const customers = [
    '上海华东精密机械有限公司',
    'Blue Harbor Logistics',
    ...Array.from({ length: 38 }, (_, i) => `Generated Customer ${String(i + 1).padStart(3, '0')}`),
  ];
  const lines = ['订单号,客户名称,订单日期,金额,数量,产品,备注'];
  for (let i = 0; i < rows; i++) {
    const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const head = `GEN-${String(i).padStart(6, '0')},${customers[i % customers.length]},${date},${(i % 997) + 1}.25,${(i % 9) + 1},Product ${i % 13},`;
    lines.push(head + 'x'.repeat(Math.max(1, rowBytes - head.length - 2)));
  }
  return lines.join('\r\n') + '\r\n';
}

let bigFile: File | null = null;
/** ~12.8 MB: four slices, so four batches of ~10,000 rows. Built once. */
function big(): File {
  bigFile ??= fileOf(bigOrdersCsv(32_000), 'big_orders.csv');
  return bigFile;
}

// --- database and job --------------------------------------------------------------------------

let db: KeyplanDB;
let WS: number;

beforeEach(async () => {
  db = new KeyplanDB('test-' + crypto.randomUUID());
  WS = await addTestWorkspace(db);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete({ disableAutoOpen: false });
});

let nextRequestId = 1;

/** A sniff, analyze or commit request without its id (Omit distributed over the union). */
type JobRequest =
  Extract<ImportRequest, { type: 'sniff' | 'analyze' | 'commit' }> extends infer R
    ? R extends unknown
      ? Omit<R, 'requestId'>
      : never
    : never;

async function run(
  request: JobRequest,
  options: { cancelAfterProgress?: number; withImportLock?: JobContext['withImportLock'] } = {},
): Promise<{ responses: ImportResponse[]; last: ImportResponse }> {
  const requestId = nextRequestId++;
  const responses: ImportResponse[] = [];
  let progress = 0;
  const ctx: JobContext = {
    db,
    post: (r) => {
      responses.push(r);
      if (r.type === 'progress') progress++;
    },
    isCancelled: (id) =>
      id === requestId &&
      options.cancelAfterProgress !== undefined &&
      progress >= options.cancelAfterProgress,
    withImportLock: options.withImportLock ?? ((_name, work) => work()),
  };
  await handleImportRequest({ ...request, requestId } as ImportRequest, ctx);
  expect(responses.every((r) => r.requestId === requestId)).toBe(true);
  return { responses, last: responses.at(-1)! };
}

async function sniff(file: File): Promise<SniffResult> {
  const { last } = await run({ type: 'sniff', file, overrides: {}, fractionDigits: 2 });
  if (last.type !== 'sniffed') throw new Error(`sniff: ${JSON.stringify(last)}`);
  return last.result;
}

/**
 * The plan the preview would confirm: the sniffed one, with customer/date/amount set to the
 * expected columns (two fixtures have German / French headers the auto-mapping does not know —
 * see sniff.test.ts) and their formats inferred as the preview does on a hand-picked column.
 */
async function confirmedPlan(name: string): Promise<ImportPlan> {
  const expected = expectedFor(name);
  const sniffed = await sniff(fileOf(readFileSync(FORMATS_DIR + name), name));
  const plan = sniffed.plan;
  const rows = sniffed.sample.slice(plan.firstDataRow);
  const { customer, date, amount } = expected.columns;
  for (const [field, column] of [
    ['account', customer],
    ['date', date],
    ['amount', amount],
  ] as const) {
    if (plan.mapping[field] === column) continue;
    plan.mapping = { ...plan.mapping, [field]: column };
    const { formats } = inferFormats(plan.kind, { [field]: column }, rows);
    if (formats[field]) plan.formats[field] = formats[field];
  }
  return plan;
}

const expectedFor = (name: string): FormatExpectation =>
  JSON.parse(readFileSync(`${FORMATS_DIR}${name}.expected.json`, 'utf8')) as FormatExpectation;

async function analyze(file: File, plan: ImportPlan): Promise<AnalyzedResponse> {
  const { last } = await run({ type: 'analyze', file, plan, workspaceId: WS });
  if (last.type !== 'analyzed') throw new Error(`analyze: ${JSON.stringify(last)}`);
  return last;
}

async function commit(file: File, plan: ImportPlan): Promise<CommittedResponse> {
  const { last } = await run({ type: 'commit', file, fileName: file.name, plan, workspaceId: WS });
  if (last.type !== 'committed') throw new Error(`commit: ${JSON.stringify(last)}`);
  return last;
}

async function commitSmall(): Promise<CommittedResponse> {
  const file = fileOf(SMALL_BYTES, 'orders_small.csv');
  return commit(file, (await sniff(file)).plan);
}

/** Every table an import touches, rows in key order. */
async function dump() {
  return {
    workspaces: await db.workspaces.toArray(),
    imports: await db.imports.toArray(),
    orders: await db.orders.toArray(),
    accounts: await db.accounts.toArray(),
    contacts: await db.contacts.toArray(),
    accountSnapshots: await db.accountSnapshots.toArray(),
    plans: await db.plans.toArray(),
  };
}

async function ordersWithNames() {
  const names = new Map((await db.accounts.toArray()).map((a) => [a.id, a.name]));
  return (await db.orders.toArray()).map((o) => ({
    customer: names.get(o.accountId) ?? `missing account ${o.accountId}`,
    date: o.date,
    amountMinor: o.amountMinor,
  }));
}

// --- analyze -----------------------------------------------------------------------------------

describe('analyze', () => {
  it('orders_small.csv: counts, rejects, accounts, total and dates; nothing written', async () => {
    const file = fileOf(SMALL_BYTES, 'orders_small.csv');
    const { plan } = await sniff(file);
    const before = await dump();
    const { responses, last } = await run({ type: 'analyze', file, plan, workspaceId: WS });

    expect(last.type).toBe('analyzed');
    const { summary } = last as AnalyzedResponse;
    expect(summary).toEqual({
      rowsRead: SMALL.dataRows,
      rowsValid: SMALL.validRows,
      rowsRejected: SMALL.rejects.length,
      rejects: SMALL.rejects,
      totalLines: [],
      duplicateRows: 0,
      accountsNew: SMALL.distinctCustomers,
      accountsExisting: 0,
      firstDate: SMALL_FIRST_DATE,
      lastDate: SMALL_LAST_DATE,
      totalMinor: SMALL.totalRevenueMinor,
      hash: fingerprint(SMALL_BYTES),
    });
    const progress = responses.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.phase === 'checking')).toBe(true);
    expect(progress.at(-1)).toMatchObject({
      rowsRead: SMALL.dataRows,
      bytesRead: SMALL_BYTES.length,
      totalBytes: SMALL_BYTES.length,
    });

    expect(await dump()).toEqual(before);
    expect(before.workspaces).toHaveLength(1);
    expect(await db.orders.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('a report with title lines and a total line: the total is left out, not rejected', async () => {
    const csv = [
      '销售订单明细表',
      '公司：华东工业,,',
      '',
      '客户名称,订单日期,金额',
      '上海华东精密机械有限公司,2024-03-05,"1,234.50"',
      ',2024-03-06,5.00',
      'Blue Harbor Logistics,2024-03-06,99.00',
      '合计,,"1,338.50"',
    ].join('\r\n');
    const file = fileOf(csv, 'report.csv');
    const { summary } = await analyze(file, (await sniff(file)).plan);
    expect(summary).toMatchObject({
      rowsRead: 4,
      rowsValid: 2,
      rowsRejected: 1,
      rejects: [{ line: 6, column: '客户名称', value: '', reason: 'missing_account' }],
      totalLines: [8],
      totalMinor: 133_350,
      firstDate: '2024-03-05',
      lastDate: '2024-03-06',
    });
  });
});

// --- commit ------------------------------------------------------------------------------------

describe('commit over the format fixtures', () => {
  it.each(FORMAT_FIXTURES)('%s: orders, accounts and the import row', async (name) => {
    const expected = expectedFor(name);
    const bytes = readFileSync(FORMATS_DIR + name);
    const file = fileOf(bytes, name);
    const plan = await confirmedPlan(name);
    const { summary, importRow } = await commit(file, plan);

    const rows = expected.rows;
    const customers = new Set(rows.map((r) => r.customer));
    const dates = rows.map((r) => r.date).sort();
    // Orders are stored in file order.
    expect(await ordersWithNames()).toEqual(rows);
    expect(
      revenueBy(
        await ordersWithNames(),
        (o) => o.customer,
        (o) => o.amountMinor,
      ),
    ).toEqual(
      revenueBy(
        rows,
        (r) => r.customer,
        (r) => r.amountMinor,
      ),
    );
    const accounts = await db.accounts.toArray();
    expect(new Set(accounts.map((a) => a.name))).toEqual(customers);
    expect(accounts.every((a) => a.createdByImportId === importRow.id)).toBe(true);

    expect(summary).toMatchObject({
      rowsRead: rows.length,
      rowsValid: rows.length,
      rowsRejected: 0,
      rejects: [],
      accountsNew: customers.size,
      totalMinor: sum(rows.map((r) => r.amountMinor)),
      firstDate: dates[0],
      lastDate: dates.at(-1),
      hash: fingerprint(bytes),
    });
    expect(importRow).toMatchObject({
      workspaceId: WS,
      fileName: name,
      size: bytes.length,
      hash: fingerprint(bytes),
      encoding: expected.encoding,
      kind: 'orders',
      status: 'done',
      rowsRead: rows.length,
      rowsImported: rows.length,
      rowsRejected: 0,
      rowsSkippedDuplicate: 0,
      totalRowsLeftOut: 0,
      accountsCreated: customers.size,
      accountsUpdated: 0,
      totalMinor: sum(rows.map((r) => r.amountMinor)),
      firstDate: dates[0],
      lastDate: dates.at(-1),
    });
    expect(importRow.finishedAt).toEqual(expect.any(String));
    expect(await db.imports.toArray()).toEqual([importRow]);
    expect(await db.meta.get(DATA_VERSION_KEY)).toEqual({ key: DATA_VERSION_KEY, value: 1 });
  });

  it('orders_small.csv: valid rows stored, rejects counted, revenue per customer', async () => {
    const { importRow, summary } = await commitSmall();
    expect(summary.rejects).toEqual(SMALL.rejects);
    expect(importRow).toMatchObject({
      status: 'done',
      rowsRead: SMALL.dataRows,
      rowsImported: SMALL.validRows,
      rowsRejected: SMALL.rejects.length,
      accountsCreated: SMALL.distinctCustomers,
      totalMinor: SMALL.totalRevenueMinor,
      firstDate: SMALL_FIRST_DATE,
      lastDate: SMALL_LAST_DATE,
    });
    const orders = await ordersWithNames();
    expect(orders).toHaveLength(SMALL.validRows);
    expect(
      revenueBy(
        orders,
        (o) => o.customer,
        (o) => o.amountMinor,
      ),
    ).toEqual(SMALL.revenueMinorByCustomer);
    // Unmapped columns: none here (all six are mapped); product and quantity are kept.
    expect((await db.orders.toArray())[0]).toMatchObject({
      orderNo: 'SO-2024-0001',
      date: '2024-01-31',
      amountMinor: 4_483_000,
      quantity: 38,
      product: '伺服电机 SV-200',
      extra: {},
      importId: importRow.id,
    });
  });

  it('holds its lock from before the import row exists until it is finished or rolled back', async () => {
    const file = fileOf(SMALL_BYTES, 'orders_small.csv');
    const { plan } = await sniff(file);
    const seen: string[] = [];
    const withImportLock: JobContext['withImportLock'] = async (name, work) => {
      seen.push(`taken ${await db.imports.count()} rows`);
      const result = await work();
      const row = await db.imports.toCollection().first();
      seen.push(`released ${row?.status} ${row?.lockName === name}`);
      return result;
    };
    const request = { type: 'commit', file, fileName: 'a.csv', plan, workspaceId: WS } as const;
    await run(request, { withImportLock });
    expect(seen).toEqual(['taken 0 rows', 'released done true']);
  });

  it('a file whose rows are all rejected → nothing_valid, and nothing stays behind', async () => {
    const csv = '客户名称,订单日期,金额\r\nAcme,2025-13-40,10\r\n,2024-01-01,5\r\n';
    const file = fileOf(csv, 'bad.csv');
    const { plan } = await sniff(file);
    const { last } = await run({
      type: 'commit',
      file,
      fileName: 'bad.csv',
      plan,
      workspaceId: WS,
    });
    expect(last).toMatchObject({ type: 'error', reason: 'nothing_valid' });
    expect(await db.imports.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
  });
});

// --- cancel and failure ------------------------------------------------------------------------

describe('cancel and failure in the middle of a multi-batch file', () => {
  it('the generated file really spans several batches', async () => {
    const file = big();
    expect(file.size).toBeGreaterThan(12 * 1024 * 1024);
    const { plan } = await sniff(file);
    expect(plan.mapping).toMatchObject({ orderNo: 0, account: 1, date: 2, amount: 3 });
    const { responses, last } = await run({ type: 'analyze', file, plan, workspaceId: WS });
    expect(last).toMatchObject({
      type: 'analyzed',
      summary: { rowsRead: 32_000, rowsValid: 32_000, rowsRejected: 0 },
    });
    expect(responses.filter((r) => r.type === 'progress').length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('analyze cancelled after the first batch → cancelled, nothing written', async () => {
    const file = big();
    const { plan } = await sniff(file);
    const { responses, last } = await run(
      { type: 'analyze', file, plan, workspaceId: WS },
      { cancelAfterProgress: 1 },
    );
    expect(responses.map((r) => r.type)).toEqual(['progress', 'error']);
    expect(last).toMatchObject({ type: 'error', reason: 'cancelled' });
    expect(await db.imports.count()).toBe(0);
  }, 60_000);

  it('commit cancelled after the first written batch → cancelled, database as before', async () => {
    await commitSmall();
    const before = await dump();
    const file = big();
    const { plan } = await sniff(file);

    const { responses, last } = await run(
      { type: 'commit', file, fileName: file.name, plan, workspaceId: WS },
      { cancelAfterProgress: 1 },
    );
    const progress = responses.filter((r) => r.type === 'progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ phase: 'writing', totalBytes: file.size });
    expect(progress[0]!.rowsRead).toBeGreaterThan(0);
    expect(progress[0]!.rowsRead).toBeLessThan(32_000);
    expect(last).toMatchObject({ type: 'error', reason: 'cancelled' });

    expect(await dump()).toEqual(before);
  }, 60_000);

  async function commitWithFailingSecondBatch(error: Error): Promise<ErrorResponse> {
    await commitSmall();
    const before = await dump();
    const file = big();
    const { plan } = await sniff(file);
    const bulkAdd = db.orders.bulkAdd.bind(db.orders);
    let calls = 0;
    const spy = vi.spyOn(db.orders, 'bulkAdd').mockImplementation(((
      ...args: Parameters<typeof bulkAdd>
    ) => {
      calls++;
      return calls === 2 ? Promise.reject(error) : bulkAdd(...args);
    }) as typeof bulkAdd);

    const { last } = await run({
      type: 'commit',
      file,
      fileName: file.name,
      plan,
      workspaceId: WS,
    });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    expect(last.type).toBe('error');
    expect(await dump()).toEqual(before);
    return last as ErrorResponse;
  }

  // A full quota has its own message (what to do about it); Chromium reports it as the aborted
  // commit's error, which Dexie wraps in an AbortError.
  it.each([
    ['QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    [
      'an AbortError with QuotaExceededError inside',
      new Dexie.AbortError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ],
  ])(
    'the second batch fails with %s → storage_full, database as before',
    async (_label, error) => {
      const last = await commitWithFailingSecondBatch(error);
      expect(last.reason).toBe('storage_full');
      expect(last.detail).toContain('QuotaExceededError');
    },
    60_000,
  );

  it('the rollback fails too → rollback_pending; the import stays hidden and the next start removes it', async () => {
    await commitSmall();
    const before = await dump();
    const appBefore = await db.orders.count();
    const file = big();
    const { plan } = await sniff(file);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const bulkAdd = db.orders.bulkAdd.bind(db.orders);
    let calls = 0;
    vi.spyOn(db.orders, 'bulkAdd').mockImplementation(((...args: Parameters<typeof bulkAdd>) =>
      ++calls === 2 ? Promise.reject(quota) : bulkAdd(...args)) as typeof bulkAdd);
    // Putting back what an accounts import updated needs room a full disk does not have.
    const rollback = vi.spyOn(ImportWriter.prototype, 'rollback').mockRejectedValueOnce(quota);

    const { last } = await run({
      type: 'commit',
      file,
      fileName: file.name,
      plan,
      workspaceId: WS,
    });
    expect(rollback).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(last).toMatchObject({ type: 'error', reason: 'rollback_pending' });
    expect((last as ErrorResponse).detail).toContain('the rollback failed too');
    // Not claimed as gone: the first batch is still there, under an import left 'running'.
    const running = await db.imports.where('status').equals('running').toArray();
    expect(running).toHaveLength(1);
    expect(await db.orders.count()).toBeGreaterThan(appBefore);

    expect(await recoverInterruptedImports(db, async () => false)).toEqual([running[0]!.id]);
    expect(await dump()).toEqual(before);
  }, 60_000);

  // Any failure while writing is a storage problem, whatever the browser names it (IndexedDB's
  // UnknownError for a disk I/O error, a plain Error), never "could not read the file".
  it.each([
    ['UnknownError', new DOMException('Internal error writing to disk.', 'UnknownError')],
    ['plain Error', new Error('write failed')],
  ])(
    'the second batch fails with %s → storage_failed',
    async (_label, error) => {
      const last = await commitWithFailingSecondBatch(error);
      expect(last.reason).toBe('storage_failed');
    },
    60_000,
  );

  it('…and the database is still rolled back whatever the reason', async () => {
    const last = await commitWithFailingSecondBatch(new Error('write failed'));
    expect(['storage_failed', 'parse_failed']).toContain(last.reason);
  }, 60_000);
});

// --- duplicates --------------------------------------------------------------------------------

describe('re-importing the same file', () => {
  it('analyze counts every valid row with a stored order number as a duplicate', async () => {
    await commitSmall();
    const file = fileOf(SMALL_BYTES, 'orders_small.csv');
    const { plan } = await sniff(file);
    // Every row of orders_small.csv has an order number; the two rejects were never stored.
    // With skipDuplicates the totals describe what would be written: nothing.
    expect((await analyze(file, plan)).summary).toMatchObject({
      rowsValid: SMALL.validRows,
      rowsRejected: SMALL.rejects.length,
      duplicateRows: SMALL.validRows,
      accountsNew: 0,
      accountsExisting: 0,
      totalMinor: 0,
      firstDate: null,
      lastDate: null,
    });
    expect((await analyze(file, { ...plan, skipDuplicates: false })).summary).toMatchObject({
      rowsValid: SMALL.validRows,
      duplicateRows: SMALL.validRows,
      accountsNew: 0,
      accountsExisting: SMALL.distinctCustomers,
      totalMinor: SMALL.totalRevenueMinor,
      firstDate: SMALL_FIRST_DATE,
      lastDate: SMALL_LAST_DATE,
    });
    expect(await db.imports.count()).toBe(1);
  });

  it('skipDuplicates: nothing new to write → nothing_valid, database unchanged', async () => {
    await commitSmall();
    const before = await dump();
    const file = fileOf(SMALL_BYTES, 'orders_small.csv');
    const { plan } = await sniff(file);
    expect(plan.skipDuplicates).toBe(true);
    const { last } = await run({
      type: 'commit',
      file,
      fileName: file.name,
      plan,
      workspaceId: WS,
    });
    expect(last).toMatchObject({ type: 'error', reason: 'nothing_valid' });
    expect(await dump()).toEqual(before);
  });

  it('skipDuplicates off: every valid row is written again', async () => {
    await commitSmall();
    const file = fileOf(SMALL_BYTES, 'orders_small.csv');
    const { plan } = await sniff(file);
    const { importRow, summary } = await commit(file, { ...plan, skipDuplicates: false });
    expect(summary.duplicateRows).toBe(SMALL.validRows);
    expect(importRow).toMatchObject({
      rowsImported: SMALL.validRows,
      rowsSkippedDuplicate: 0,
      accountsCreated: 0,
      totalMinor: SMALL.totalRevenueMinor,
    });
    expect(await db.orders.count()).toBe(2 * SMALL.validRows);
    expect(await db.accounts.count()).toBe(SMALL.distinctCustomers);
  });

  it('a file that overlaps an earlier one: only the new rows are written', async () => {
    // Lines 1–21 of orders_small.csv: header + 20 rows, one of them (line 18) rejected.
    const head = SMALL_BYTES.toString('utf8').split('\n').slice(0, 21).join('\n') + '\n';
    const first = fileOf(head, 'orders_part1.csv');
    const part = await commit(first, (await sniff(first)).plan);
    expect(part.importRow.rowsImported).toBe(19);

    const file = fileOf(SMALL_BYTES, 'orders_small.csv');
    const { importRow, summary } = await commit(file, (await sniff(file)).plan);
    expect(summary.duplicateRows).toBe(19);
    expect(importRow).toMatchObject({
      rowsImported: SMALL.validRows - 19,
      rowsSkippedDuplicate: 19,
    });
    const orders = await ordersWithNames();
    expect(orders).toHaveLength(SMALL.validRows);
    expect(
      revenueBy(
        orders,
        (o) => o.customer,
        (o) => o.amountMinor,
      ),
    ).toEqual(SMALL.revenueMinorByCustomer);
    expect(new Set((await db.orders.toArray()).map((o) => o.orderNo)).size).toBe(SMALL.validRows);
  });
});

// --- undo --------------------------------------------------------------------------------------

describe('undo (removeImport)', () => {
  it('undoing the second import restores the state after the first; undoing both empties', async () => {
    const first = await commitSmall();
    const afterFirst = await dump();
    // orders_utf8_bom.csv shares Blue Harbor Logistics and Northwind with orders_small.csv.
    const second = await commit(
      fileOf(readFileSync(FORMATS_DIR + 'orders_utf8_bom.csv'), 'orders_utf8_bom.csv'),
      await confirmedPlan('orders_utf8_bom.csv'),
    );
    const rows = expectedFor('orders_utf8_bom.csv').rows;
    expect(await db.orders.count()).toBe(SMALL.validRows + rows.length);
    const known = new Set(Object.keys(SMALL.revenueMinorByCustomer));
    const fresh = new Set(rows.map((r) => r.customer).filter((c) => !known.has(c)));
    expect(fresh.size).toBe(7);
    expect(second.importRow.accountsCreated).toBe(fresh.size);
    expect(await db.accounts.count()).toBe(SMALL.distinctCustomers + fresh.size);

    await removeImport(db, second.importRow.id!);
    expect(await dump()).toEqual(afterFirst);

    await removeImport(db, first.importRow.id!);
    const empty = await dump();
    expect(empty.orders).toEqual([]);
    expect(empty.accounts).toEqual([]);
    expect(empty.imports).toEqual([]);
    expect(empty.workspaces).toHaveLength(1);
  });
});

// --- account master after orders ----------------------------------------------------------------

describe('an accounts master file after an orders import', () => {
  // Names spelt a little differently from orders_small.csv (space, punctuation): same name key.
  const MASTER = [
    '客户编码,客户名称,所属行业,所属区域,业务员,客户等级',
    'C001,上海华东精密机械 有限公司,机械制造,华东,张伟,A',
    'C002,深圳市海川电子科技有限公司,电子,华南,李娜,A',
    'C003,Northwind Trading Co Ltd,贸易,海外,王强,B',
    'C004,Blue Harbor Logistics,物流,,赵敏,C',
    'C099,苏州新客户有限公司,纺织,华东,张伟,C',
  ].join('\r\n');
  const masterFile = () => fileOf(MASTER, 'accounts.csv');

  it('is sniffed as an accounts file', async () => {
    const { plan } = await sniff(masterFile());
    expect(plan.kind).toBe('accounts');
    expect(plan.mapping).toMatchObject({
      accountCode: 0,
      name: 1,
      industry: 2,
      region: 3,
      owner: 4,
      tier: 5,
    });
  });

  async function expectUpdatedThenRestored(plan: ImportPlan) {
    await commitSmall();
    const before = await dump();
    const byName = (name: string) =>
      db.accounts.filter((a) => a.name === name).first() as Promise<{ id?: number } | undefined>;
    const shanghai = await byName('上海华东精密机械有限公司');

    const { importRow, summary } = await commit(masterFile(), plan);
    expect(summary).toMatchObject({
      rowsRead: 5,
      rowsValid: 5,
      accountsNew: 1,
      accountsExisting: 4,
    });
    expect(importRow).toMatchObject({
      kind: 'accounts',
      status: 'done',
      rowsImported: 5,
      accountsCreated: 1,
      accountsUpdated: 4,
    });
    expect(await db.accounts.count()).toBe(SMALL.distinctCustomers + 1);
    expect(await db.accounts.get(shanghai!.id!)).toMatchObject({
      name: '上海华东精密机械 有限公司',
      industry: '机械制造',
      region: '华东',
      owner: '张伟',
      tier: 'A',
    });
    const blueHarbor = before.accounts.find((a) => a.name === 'Blue Harbor Logistics')!;
    // An empty cell leaves the stored value alone.
    expect(await db.accounts.get(blueHarbor.id!)).toMatchObject({
      industry: '物流',
      region: blueHarbor.region,
      owner: '赵敏',
      tier: 'C',
    });
    // Orders still point at the same accounts.
    expect(
      revenueBy(
        await ordersWithNames(),
        (o) => o.customer,
        (o) => o.amountMinor,
      )['上海华东精密机械 有限公司'],
    ).toBe(SMALL.revenueMinorByCustomer['上海华东精密机械有限公司']);

    await removeImport(db, importRow.id!);
    expect(await dump()).toEqual(before);
  }

  it('with the code column left unmapped: existing accounts updated by name key, undo restores them', async () => {
    const { plan } = await sniff(masterFile());
    await expectUpdatedThenRestored({
      ...plan,
      mapping: { ...plan.mapping, accountCode: null },
      keepCustom: false,
    });
  });

  // With 客户编码 mapped, keys are '#c001'…; the name still finds the accounts the orders import
  // created by name, so they are updated instead of duplicated.
  it('as sniffed (code column mapped): the existing accounts are updated, not duplicated', async () => {
    const { plan } = await sniff(masterFile());
    await expectUpdatedThenRestored({ ...plan, keepCustom: false });
  });

  it('as sniffed today: undo still restores the database exactly', async () => {
    await commitSmall();
    const before = await dump();
    const { plan } = await sniff(masterFile());
    const { importRow } = await commit(masterFile(), plan);
    await removeImport(db, importRow.id!);
    expect(await dump()).toEqual(before);
  });
});
