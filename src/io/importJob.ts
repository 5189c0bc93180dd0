// What the import worker does for each request, apart from the worker globals so node tests can
// drive it with a plain `post` callback and an in-memory database.
import type { KeyplanDB } from '../db/db';
import type { NewOrder } from '../db/rows';
import {
  ImportWriter,
  accountKeys,
  existingOrderNos,
  type AccountUpsert,
  type ContactInsert,
} from '../db/importWriter';
import { isQuotaExceeded } from '../db/quotaError';
import { FileFingerprint } from './fileHash';
import { newImportLockName } from './importLocks';
import type { ImportPlan } from './importPlan';
import type {
  ImportErrorParams,
  ImportFileError,
  ImportRequest,
  ImportResponse,
  RunSummary,
} from './importProtocol';
import { isTotalRow } from './layout';
import { createRowConverter, unclosedQuoteReject, type RejectedRow } from './rowConvert';
import { readRecords } from './rowStream';
import { sniffFile } from './sniff';

/** Rejects sent back for display and download; the rest are counted. */
export const MAX_REJECTS_LISTED = 100_000;

export interface JobContext {
  db: KeyplanDB;
  post: (response: ImportResponse) => void;
  isCancelled: (requestId: number) => boolean;
  /** Holds the named Web Lock while `work` runs, so other tabs leave the import alone. */
  withImportLock: <T>(lockName: string, work: () => Promise<T>) => Promise<T>;
}

class Cancelled extends Error {}
class NothingValid extends Error {}
/** The running total left the range where sums of minor units are exact (2^53). */
class AmountOverflow extends Error {
  constructor(readonly line: number) {
    super(
      `The amounts add up to more than ${Number.MAX_SAFE_INTEGER} minor units at line ${line}.`,
    );
  }
}

/**
 * The import failed and so did its rollback (putting back the accounts an accounts import updated
 * needs room, which a full disk does not have). The import stays 'running' — its orders and new
 * accounts hidden — and the app's next start rolls it back.
 */
class RollbackPending extends Error {
  constructor(failure: unknown, rollbackFailure: unknown) {
    const text = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    super(`${text(failure)}; the rollback failed too: ${text(rollbackFailure)}`);
  }
}

/** Anything that goes wrong while writing is a storage problem, whatever the browser calls it. */
class StorageError extends Error {
  /** The browser's storage for the site is full: the screen says what to do about it. */
  readonly quota: boolean;
  constructor(cause: unknown) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    this.quota = isQuotaExceeded(cause);
  }
}

async function stored<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StorageError ? error : new StorageError(error);
  }
}

export async function handleImportRequest(request: ImportRequest, ctx: JobContext): Promise<void> {
  if (request.type === 'cancel') return;
  const { requestId } = request;
  const postError = (reason: ImportFileError, detail: string, params?: ImportErrorParams) =>
    ctx.post({ type: 'error', requestId, reason, detail, ...(params ? { params } : {}) });
  try {
    if (request.type === 'sniff') {
      const result = await sniffFile(request.file, request.overrides, request.fractionDigits);
      if (!result.ok) return postError(result.reason, result.detail, result.params);
      ctx.post({ type: 'sniffed', requestId, result: result.value });
      return;
    }
    if (request.type === 'analyze') {
      const summary = await runPass(
        request.file,
        request.plan,
        request.workspaceId,
        ctx,
        requestId,
        null,
      );
      ctx.post({ type: 'analyzed', requestId, summary });
      return;
    }
    // commit
    const { db } = ctx;
    // The lock is held from before the import row exists until it is finished or rolled back:
    // another tab never sees a 'running' import without a live lock while this one works on it.
    const lockName = newImportLockName();
    await ctx.withImportLock(lockName, async () => {
      const writer = await stored(() =>
        ImportWriter.begin(db, request.workspaceId, {
          fileName: request.fileName,
          size: request.file.size,
          hash: '',
          encoding: request.plan.encoding,
          delimiter: request.plan.delimiter,
          headers: request.plan.headers,
          mapping: request.plan.mapping,
          rowsRead: 0,
          rowsRejected: 0,
          importedAt: new Date().toISOString(),
          kind: request.plan.kind,
          lockName,
          settings: {
            encoding: request.plan.encoding,
            delimiter: request.plan.delimiter,
            headerRow: request.plan.headerRow,
            formats: request.plan.formats,
            cancelPrefix: request.plan.cancelPrefix,
            keepCustom: request.plan.keepCustom,
            skipDuplicates: request.plan.skipDuplicates,
          },
        }),
      );
      try {
        const summary = await runPass(
          request.file,
          request.plan,
          request.workspaceId,
          ctx,
          requestId,
          writer,
        );
        if (writer.written.rowsImported === 0) throw new NothingValid();
        const importRow = await stored(() =>
          writer.finish({
            hash: summary.hash,
            rowsRead: summary.rowsRead,
            rowsRejected: summary.rowsRejected,
            rowsSkippedDuplicate: request.plan.skipDuplicates ? summary.duplicateRows : 0,
            totalRowsLeftOut: summary.totalLines.length,
            firstDate: summary.firstDate,
            lastDate: summary.lastDate,
            totalMinor: summary.totalMinor,
          }),
        );
        ctx.post({ type: 'committed', requestId, summary, importRow });
      } catch (error) {
        // Whatever happened, nothing of this import may stay behind.
        try {
          await writer.rollback();
        } catch (rollbackError) {
          throw new RollbackPending(error, rollbackError);
        }
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof RollbackPending) return postError('rollback_pending', error.message);
    if (error instanceof Cancelled) return postError('cancelled', 'Cancelled; nothing was saved.');
    if (error instanceof NothingValid)
      return postError('nothing_valid', 'No row could be imported.');
    if (error instanceof AmountOverflow) {
      return postError('amount_overflow', error.message, { line: error.line });
    }
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof StorageError)
      return postError(error.quota ? 'storage_full' : 'storage_failed', detail);
    postError('parse_failed', detail);
  }
}

/**
 * One pass over the whole file. Without a writer it only checks (counts, rejects, duplicates);
 * with one it writes each batch as soon as it is converted.
 */
async function runPass(
  file: Blob,
  plan: ImportPlan,
  workspaceId: number,
  ctx: JobContext,
  requestId: number,
  writer: ImportWriter | null,
): Promise<RunSummary> {
  const convert = createRowConverter(plan);
  const duplicates =
    plan.kind === 'orders' ? await existingOrderNos(ctx.db, workspaceId) : new Set<string>();
  // The writer has just loaded the workspace's account keys; the check pass reads them itself.
  const existingKeys = writer ? writer.knownKeys() : await accountKeys(ctx.db, workspaceId);
  const newKeys = new Set<string>();
  const seenExisting = new Set<string>();
  const rejects: RejectedRow[] = [];
  const totalLines: number[] = [];
  let rowsRead = 0;
  let rowsValid = 0;
  let rowsRejected = 0;
  let duplicateRows = 0;
  let totalMinor = 0;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  let recordIndex = 0;

  const noteAccount = (key: string, nameKey?: string) => {
    if (existingKeys.has(key) || (nameKey !== undefined && existingKeys.has(nameKey))) {
      seenExisting.add(key);
    } else newKeys.add(key);
  };

  const fingerprint = new FileFingerprint();
  for await (const batch of readRecords(file, {
    encoding: plan.encoding,
    delimiter: plan.delimiter,
    fixedStarts: plan.fixedStarts,
    onBytes: (bytes) => fingerprint.update(bytes),
  })) {
    const orders: NewOrder[] = [];
    const accounts: AccountUpsert[] = [];
    const contacts: ContactInsert[] = [];
    for (let i = 0; i < batch.records.length; i++, recordIndex++) {
      if (recordIndex < plan.firstDataRow) continue;
      const record = batch.records[i]!;
      const line = batch.lines[i]!;
      rowsRead++;
      if (batch.unclosed.has(i)) {
        rowsRejected++;
        if (rejects.length < MAX_REJECTS_LISTED) {
          rejects.push(unclosedQuoteReject(record, line, plan.headers));
        }
        continue;
      }
      if (isTotalRow(record)) {
        totalLines.push(line);
        continue;
      }
      const result = convert(record, line);
      switch (result.type) {
        case 'reject':
          rowsRejected++;
          if (rejects.length < MAX_REJECTS_LISTED) rejects.push(result.reject);
          break;
        case 'order': {
          const o = result.order;
          rowsValid++;
          if (o.orderNo !== '' && duplicates.has(o.orderNo)) {
            duplicateRows++;
            if (plan.skipDuplicates) break;
          }
          orders.push(o);
          noteAccount(o.accountKey, o.nameKey);
          totalMinor += o.amountMinor;
          if (!Number.isSafeInteger(totalMinor)) throw new AmountOverflow(line);
          if (firstDate === null || o.date < firstDate) firstDate = o.date;
          if (lastDate === null || o.date > lastDate) lastDate = o.date;
          break;
        }
        case 'account':
          rowsValid++;
          accounts.push(result.account);
          noteAccount(result.account.key, result.account.nameKey);
          break;
        case 'contact':
          rowsValid++;
          contacts.push(result.contact);
          noteAccount(result.contact.accountKey, result.contact.nameKey);
          break;
      }
    }
    if (writer) {
      await stored(async () => {
        await writer.addOrders(orders);
        await writer.upsertAccounts(accounts);
        await writer.addContacts(contacts);
      });
    }
    ctx.post({
      type: 'progress',
      requestId,
      phase: writer ? 'writing' : 'checking',
      rowsRead,
      bytesRead: batch.bytesRead,
      totalBytes: batch.totalBytes,
    });
    // Checked between batches: a batch is written whole or not at all.
    if (ctx.isCancelled(requestId)) throw new Cancelled();
  }

  return {
    rowsRead,
    rowsValid,
    rowsRejected,
    rejects,
    totalLines,
    duplicateRows,
    accountsNew: newKeys.size,
    accountsExisting: seenExisting.size,
    firstDate,
    lastDate,
    totalMinor,
    hash: fingerprint.digest(),
  };
}
