// Main-thread side of the import worker: one worker, reused, with request ids to match answers.
import type { ImportPlan } from './importPlan';
import type {
  AnalyzedResponse,
  CommittedResponse,
  ErrorResponse,
  ImportRequest,
  ImportResponse,
  ProgressResponse,
  SniffedResponse,
} from './importProtocol';
import type { SniffOverrides } from './sniff';

export type ProgressInfo = Omit<ProgressResponse, 'type' | 'requestId'>;
type Answer = Exclude<ImportResponse, ProgressResponse>;

interface Pending {
  resolve: (response: Answer) => void;
  onProgress?: (progress: ProgressInfo) => void;
}

/** Vite spots this exact `new Worker(new URL(...))` shape and bundles the worker. */
function createImportWorker(): Worker {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
}

/** A started job: its answer, and a way to stop it. */
export interface Job<T> {
  requestId: number;
  done: Promise<T | ErrorResponse>;
  cancel: () => void;
}

export class ImportClient {
  private worker: Worker | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `createWorker` is swappable so tests can run the worker logic in-process. */
  constructor(private readonly createWorker: () => Worker = createImportWorker) {}

  sniff(
    file: Blob,
    overrides: SniffOverrides,
    fractionDigits: number,
  ): Promise<SniffedResponse | ErrorResponse> {
    return this.start<SniffedResponse>((requestId) => ({
      type: 'sniff',
      requestId,
      file,
      overrides,
      fractionDigits,
    })).done;
  }

  /** The check pass: reads every row, writes nothing. */
  analyze(
    file: Blob,
    plan: ImportPlan,
    workspaceId: number,
    onProgress?: (p: ProgressInfo) => void,
  ): Job<AnalyzedResponse> {
    return this.start<AnalyzedResponse>(
      (requestId) => ({ type: 'analyze', requestId, file, plan, workspaceId }),
      onProgress,
    );
  }

  /** The writing pass; cancel() rolls back whatever it wrote. */
  commit(
    file: Blob,
    fileName: string,
    plan: ImportPlan,
    workspaceId: number,
    onProgress?: (p: ProgressInfo) => void,
  ): Job<CommittedResponse> {
    return this.start<CommittedResponse>(
      (requestId) => ({ type: 'commit', requestId, file, fileName, plan, workspaceId }),
      onProgress,
    );
  }

  /** Stops the worker; requests still running resolve as errors. The next call starts a new one. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('The import worker was stopped.');
  }

  private start<T extends Answer>(
    build: (requestId: number) => ImportRequest,
    onProgress?: (p: ProgressInfo) => void,
  ): Job<T> {
    const requestId = this.nextRequestId++;
    const request = build(requestId);
    const done = new Promise<T | ErrorResponse>((resolve) => {
      this.pending.set(requestId, { resolve: resolve as (r: Answer) => void, onProgress });
      try {
        this.ensureWorker().postMessage(request);
      } catch (error) {
        this.pending.delete(requestId);
        resolve(errorResponse(requestId, messageOf(error)));
      }
    });
    return {
      requestId,
      done,
      cancel: () => this.worker?.postMessage({ type: 'cancel', requestId } satisfies ImportRequest),
    };
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<ImportResponse>) => this.receive(event.data);
    // A crashed or unloadable worker never answers: fail everything waiting and start afresh.
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.failAll(event.message || 'The import worker failed.');
    };
    worker.onmessageerror = () => this.failAll('A message from the import worker was unreadable.');
    this.worker = worker;
    return worker;
  }

  private receive(response: ImportResponse): void {
    const entry = this.pending.get(response.requestId);
    if (!entry) return; // Answer to a request that was already failed.
    if (response.type === 'progress') {
      const { type: _type, requestId: _id, ...progress } = response;
      entry.onProgress?.(progress);
      return;
    }
    this.pending.delete(response.requestId);
    entry.resolve(response);
  }

  private failAll(detail: string): void {
    const waiting = [...this.pending];
    this.pending.clear();
    for (const [requestId, entry] of waiting) entry.resolve(errorResponse(requestId, detail));
  }
}

function errorResponse(requestId: number, detail: string): ErrorResponse {
  return { type: 'error', requestId, reason: 'parse_failed', detail };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let shared: ImportClient | null = null;
/** The app-wide client. */
export const importClient = (): ImportClient => (shared ??= new ImportClient());
