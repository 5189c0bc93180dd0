/// <reference lib="webworker" />
// Module worker: reads, checks and writes imports off the main thread. Logic lives in importJob.ts.
import { KeyplanDB } from '../db/db';
import { handleImportRequest } from './importJob';
import type { ImportRequest, ImportResponse } from './importProtocol';

declare const self: DedicatedWorkerGlobalScope;

const db = new KeyplanDB();
const cancelled = new Set<number>();

/** Web Locks exist in every current browser; without them the import simply runs unlocked. */
function withImportLock<T>(lockName: string, work: () => Promise<T>): Promise<T> {
  const locks = (self.navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return work();
  return locks.request(lockName, work) as Promise<T>;
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled.add(request.requestId);
    return;
  }
  void handleImportRequest(request, {
    db,
    post: (response: ImportResponse) => self.postMessage(response),
    isCancelled: (id) => cancelled.has(id),
    withImportLock,
  }).finally(() => cancelled.delete(request.requestId));
};
