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
import { WorkerChannel } from '../integrations/worker/workerChannel';

export type ProgressInfo = Omit<ProgressResponse, 'type' | 'requestId'>;
type Answer = Exclude<ImportResponse, ProgressResponse>;

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
  private readonly channel: WorkerChannel<ImportRequest, ImportResponse, ProgressResponse>;

  /** `createWorker` is swappable so tests can run the worker logic in-process. */
  constructor(createWorker: () => Worker = createImportWorker) {
    this.channel = new WorkerChannel<ImportRequest, ImportResponse, ProgressResponse>({
      createWorker,
      name: 'import',
      isProgress: (r): r is ProgressResponse => r.type === 'progress',
      failure: errorResponse,
    });
  }

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
    this.channel.terminate();
  }

  private start<T extends Answer>(
    build: (requestId: number) => ImportRequest,
    onProgress?: (p: ProgressInfo) => void,
  ): Job<T> {
    const { requestId, done } = this.channel.send(
      build,
      onProgress &&
        (({ type: _type, requestId: _id, ...progress }) => {
          onProgress(progress);
        }),
    );
    return {
      requestId,
      done: done as Promise<T | ErrorResponse>,
      cancel: () => this.channel.notify({ type: 'cancel', requestId }),
    };
  }
}

function errorResponse(requestId: number, detail: string): ErrorResponse {
  return { type: 'error', requestId, reason: 'parse_failed', detail };
}

let shared: ImportClient | null = null;
/** The app-wide client. */
export const importClient = (): ImportClient => (shared ??= new ImportClient());
