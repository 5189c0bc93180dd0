// Main-thread side of the analysis worker: requests in, reports out (see analysisProtocol.ts).
import { WorkerChannel } from '../integrations/worker/workerChannel';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

type Progress = Extract<AnalysisResponse, { type: 'progress' }>;
type Answer = Exclude<AnalysisResponse, Progress>;
/** A request without its id; the channel adds it. */
type RequestBody = AnalysisRequest extends infer R
  ? R extends AnalysisRequest
    ? Omit<R, 'requestId'>
    : never
  : never;

function createAnalysisWorker(): Worker {
  return new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
}

export class AnalysisClient {
  private readonly channel: WorkerChannel<AnalysisRequest, AnalysisResponse, Progress>;

  constructor(createWorker: () => Worker = createAnalysisWorker) {
    this.channel = new WorkerChannel<AnalysisRequest, AnalysisResponse, Progress>({
      createWorker,
      name: 'analysis',
      isProgress: (r): r is Progress => r.type === 'progress',
      failure: (requestId, detail) => ({ type: 'error', requestId, detail }),
    });
  }

  request(body: RequestBody, onProgress?: (progress: Progress) => void): Promise<Answer> {
    return this.channel.send((requestId) => ({ ...body, requestId }) as AnalysisRequest, onProgress)
      .done;
  }
}

let shared: AnalysisClient | null = null;
export const analysisClient = (): AnalysisClient => (shared ??= new AnalysisClient());
