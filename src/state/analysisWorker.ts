/// <reference lib="webworker" />
// Module worker: loads a workspace's orders, scores them and answers with reports, so the page
// never waits on a million rows. Logic lives in analysisCache.ts and domain/report.ts.
import { KeyplanDB } from '../db/db';
import { ordersRepo } from '../db/orders';
import { AnalysisCache } from './analysisCache';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

declare const self: DedicatedWorkerGlobalScope;

const orders = ordersRepo(new KeyplanDB());
const cache = new AnalysisCache((workspaceId) => orders.factsByWorkspace(workspaceId));
const post = (response: AnalysisResponse) => self.postMessage(response);

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  void handle(event.data).catch((error: unknown) =>
    post({
      type: 'error',
      requestId: event.data.requestId,
      detail: error instanceof Error ? error.message : String(error),
    }),
  );
};

async function handle(request: AnalysisRequest): Promise<void> {
  if (request.type === 'trend') {
    const trend = await cache.trend(request.key, request.asOf, request.accountIds);
    post({ type: 'trend', requestId: request.requestId, trend });
    return;
  }
  const started = performance.now();
  post({ type: 'progress', requestId: request.requestId, phase: 'loading', rows: 0 });
  const table = await cache.tableFor(request.key);
  post({ type: 'progress', requestId: request.requestId, phase: 'scoring', rows: table.count });
  const { report, cached } = await cache.report(request.key, request.settings, request.context);
  // Cached reports are posted again later, so only fresh ones may hand their buffers over.
  post({
    type: 'report',
    requestId: request.requestId,
    report,
    ms: performance.now() - started,
    cached,
  });
}
