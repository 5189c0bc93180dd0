// The bad-input corpus (test/fixtures/bad, issue 8) through the import worker's logic on
// fake-indexeddb: every file gets the outcome test/fixtures/bad/expected.json names, nothing
// throws, and no file that is refused leaves anything in a database that already holds an import.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTestWorkspace } from '../../test/factories/workspace';
import { KeyplanDB } from '../db/db';
import { missingRequired } from './fields';
import { handleImportRequest } from './importJob';
import type { ImportPlan } from './importPlan';
import type { ImportRequest, ImportResponse } from './importProtocol';

const DIR = 'test/fixtures/bad/';

interface Expectation {
  file: string;
  outcome: 'refused' | 'choose_columns' | 'no_rows' | 'some_rows';
  stage?: 'sniff' | 'check';
  reason?: string;
  params?: Record<string, string | number>;
  missing?: string[][];
  duplicateHeaders?: { field: string; header: string; columns: number[] }[];
  rowsRead?: number;
  rowsValid?: number;
  rejects?: { line: number; column: string; reason: string }[];
  message: string;
}

const EXPECTED = (
  JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as { files: Expectation[] }
).files;

let db: KeyplanDB;
let ws: number;
let nextId = 1;

type JobRequest =
  Extract<ImportRequest, { type: 'sniff' | 'analyze' | 'commit' }> extends infer R
    ? R extends unknown
      ? Omit<R, 'requestId'>
      : never
    : never;

/** Runs one request; anything thrown out of the worker logic fails the test. */
async function run(request: JobRequest): Promise<ImportResponse> {
  const responses: ImportResponse[] = [];
  await handleImportRequest({ ...request, requestId: nextId++ } as ImportRequest, {
    db,
    post: (r) => responses.push(r),
    isCancelled: () => false,
    withImportLock: (_id, work) => work(),
  });
  const last = responses.at(-1);
  if (!last) throw new Error('no answer');
  return last;
}

const fileOf = (name: string) => new File([readFileSync(DIR + name)], name);

async function sniffPlan(file: File): Promise<ImportPlan> {
  const answer = await run({ type: 'sniff', file, overrides: {}, fractionDigits: 2 });
  if (answer.type !== 'sniffed') throw new Error(`sniff: ${JSON.stringify(answer)}`);
  return answer.result.plan;
}

/** Every table an import writes to, in key order. */
async function dump() {
  return {
    workspaces: await db.workspaces.toArray(),
    imports: await db.imports.toArray(),
    orders: await db.orders.toArray(),
    accounts: await db.accounts.toArray(),
    contacts: await db.contacts.toArray(),
    accountSnapshots: await db.accountSnapshots.toArray(),
    mappings: await db.mappings.toArray(),
  };
}

beforeEach(async () => {
  db = new KeyplanDB('bad-' + crypto.randomUUID());
  ws = await addTestWorkspace(db);
  // Data already there, so "unchanged" means something.
  const good = new File([readFileSync('test/fixtures/orders_small.csv')], 'orders_small.csv');
  const committed = await run({
    type: 'commit',
    file: good,
    fileName: good.name,
    plan: await sniffPlan(good),
    workspaceId: ws,
  });
  expect(committed.type).toBe('committed');
});

afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

describe('the bad-input corpus', () => {
  it('has an expectation for every file, and at least 25 files', () => {
    const files = readdirSync(DIR)
      .filter((f) => !/\.(md|mjs|json)$/.test(f))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(EXPECTED.map((e) => e.file).sort()).toEqual(files);
  });

  it.each(EXPECTED.map((e) => [e.file, e] as const))('%s', async (_name, expected) => {
    const file = fileOf(expected.file);
    const before = await dump();
    const sniffed = await run({ type: 'sniff', file, overrides: {}, fractionDigits: 2 });

    if (expected.outcome === 'refused' && expected.stage === 'sniff') {
      expect(sniffed).toMatchObject({ type: 'error', reason: expected.reason });
      if (expected.params && sniffed.type === 'error') {
        expect(sniffed.params).toEqual(expected.params);
      }
      expect(await dump()).toEqual(before);
      return;
    }
    if (sniffed.type !== 'sniffed') throw new Error(`sniff: ${JSON.stringify(sniffed)}`);
    const { plan } = sniffed.result;

    if (expected.outcome === 'choose_columns') {
      expect(missingRequired(plan.kind, plan.mapping)).toEqual(expected.missing);
      expect(sniffed.result.duplicateHeaders).toEqual(expected.duplicateHeaders);
      return;
    }

    const checked = await run({ type: 'analyze', file, plan, workspaceId: ws });
    // The commit the app would refuse to offer: the worker must refuse it too, leaving nothing.
    const commit = () => run({ type: 'commit', file, fileName: file.name, plan, workspaceId: ws });

    if (expected.outcome === 'refused') {
      expect(checked).toMatchObject({
        type: 'error',
        reason: expected.reason,
        params: expected.params,
      });
      expect(await commit()).toMatchObject({ type: 'error', reason: expected.reason });
      expect(await dump()).toEqual(before);
      return;
    }

    if (checked.type !== 'analyzed') throw new Error(`analyze: ${JSON.stringify(checked)}`);
    const { summary } = checked;
    expect({
      rowsRead: summary.rowsRead,
      rowsValid: summary.rowsValid,
      rejects: summary.rejects.map(({ line, column, reason }) => ({ line, column, reason })),
    }).toEqual({
      rowsRead: expected.rowsRead,
      rowsValid: expected.rowsValid,
      rejects: expected.rejects,
    });
    expect(await dump()).toEqual(before);

    if (expected.outcome === 'no_rows') {
      expect(await commit()).toMatchObject({ type: 'error', reason: 'nothing_valid' });
      expect(await dump()).toEqual(before);
      return;
    }

    // some_rows: exactly the valid rows are written, and none of what made the others bad.
    const written = await commit();
    if (written.type !== 'committed') throw new Error(`commit: ${JSON.stringify(written)}`);
    expect(written.importRow.rowsImported).toBe(expected.rowsValid);
    const after = await dump();
    expect(after.orders.length - before.orders.length).toBe(expected.rowsValid);
    const names = after.accounts.map((a) => a.name);
    expect(
      names.filter(
        (n) => n.length > 200 || n.includes('\u0000') || n.includes('\ufffd') || n === '#REF!',
      ),
    ).toEqual([]);
  });
});
