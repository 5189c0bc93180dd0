// Main-thread side of the import worker: one worker, reused, with request ids to match answers.
import type { ColumnMapping } from '../db/schema';
import type {
  ErrorResponse,
  ImportRequest,
  ImportResponse,
  ParsedResponse,
  PreviewResponse,
  ProgressResponse,
} from './importProtocol';

export type PreviewResult = PreviewResponse | ErrorResponse;
export type ParseResult = ParsedResponse | ErrorResponse;
export type ProgressInfo = Omit<ProgressResponse, 'type' | 'requestId'>;

interface Pending {
  resolve: (response: ImportResponse) => void;
  onProgress?: (progress: ProgressInfo) => void;
}

/** Vite spots this exact `new Worker(new URL(...))` shape and bundles the worker. */
function createImportWorker(): Worker {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
}

export class ImportClient {
  private worker: Worker | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `createWorker` is swappable so tests can run the worker logic in-process. */
  constructor(private readonly createWorker: () => Worker = createImportWorker) {}

  /** Header, first `maxRows` data rows, delimiter and encoding. Never rejects. */
  preview(file: File, maxRows = 20): Promise<PreviewResult> {
    const requestId = this.nextRequestId++;
    return this.send({ type: 'preview', requestId, file, maxRows }, {}) as Promise<PreviewResult>;
  }

  /** Parses the whole file into order drafts and rejects. Never rejects. */
  parse(
    file: File,
    mapping: ColumnMapping,
    fractionDigits: number,
    onProgress: (progress: ProgressInfo) => void = () => {},
  ): Promise<ParseResult> {
    const requestId = this.nextRequestId++;
    return this.send(
      { type: 'parse', requestId, file, mapping, fractionDigits },
      { onProgress },
    ) as Promise<ParseResult>;
  }

  /** Stops the worker; requests still running resolve as errors. The next call starts a new one. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('Import cancelled.');
  }

  private send(
    request: ImportRequest,
    handlers: Omit<Pending, 'resolve'>,
  ): Promise<ImportResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.requestId, { ...handlers, resolve });
      try {
        this.ensureWorker().postMessage(request);
      } catch (error) {
        this.pending.delete(request.requestId);
        resolve(errorResponse(request.requestId, messageOf(error)));
      }
    });
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
    if (!entry) return; // Answer to a request that was already failed or cancelled.
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
const client = (): ImportClient => (shared ??= new ImportClient());

/** Preview with the app-wide client. */
export function previewFile(file: File, maxRows = 20): Promise<PreviewResult> {
  return client().preview(file, maxRows);
}

/** Parse with the app-wide client. */
export function parseFile(
  file: File,
  mapping: ColumnMapping,
  fractionDigits: number,
  onProgress: (progress: ProgressInfo) => void = () => {},
): Promise<ParseResult> {
  return client().parse(file, mapping, fractionDigits, onProgress);
}

/** Stop the app-wide worker (e.g. the user cancels an import); pending calls resolve as errors. */
export function terminate(): void {
  shared?.terminate();
}
