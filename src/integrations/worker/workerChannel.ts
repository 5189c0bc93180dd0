// One worker, reused, with request ids to match answers: the part the import and analysis
// clients share. A crashed or unloadable worker never answers, so everything waiting is failed
// with an error answer and the next request starts a fresh worker.

interface Message {
  type: string;
  requestId: number;
}

interface Pending<Answer, Progress> {
  resolve: (answer: Answer) => void;
  onProgress?: (progress: Progress) => void;
}

export interface WorkerChannelOptions<Response extends Message, Progress extends Response> {
  createWorker: () => Worker;
  /** Progress messages go to the request's onProgress; every other message answers it. */
  isProgress: (response: Response) => response is Progress;
  /** The answer a request gets when the worker cannot give one. */
  failure: (requestId: number, detail: string) => Exclude<Response, Progress>;
  /** Named in failure details: "The import worker failed." */
  name: string;
}

export class WorkerChannel<
  Request extends { requestId: number },
  Response extends Message,
  Progress extends Response,
> {
  private worker: Worker | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending<Exclude<Response, Progress>, Progress>>();

  constructor(private readonly options: WorkerChannelOptions<Response, Progress>) {}

  /** Posts the request `build` makes with a fresh id; resolves with its answer, never rejects. */
  send(
    build: (requestId: number) => Request,
    onProgress?: (progress: Progress) => void,
  ): { requestId: number; done: Promise<Exclude<Response, Progress>> } {
    const requestId = this.nextRequestId++;
    const done = new Promise<Exclude<Response, Progress>>((resolve) => {
      this.pending.set(requestId, { resolve, onProgress });
      try {
        this.ensureWorker().postMessage(build(requestId));
      } catch (error) {
        this.pending.delete(requestId);
        resolve(
          this.options.failure(requestId, error instanceof Error ? error.message : String(error)),
        );
      }
    });
    return { requestId, done };
  }

  /** A message that expects no answer (e.g. cancel); dropped when no worker runs. */
  notify(message: Request): void {
    this.worker?.postMessage(message);
  }

  /** Stops the worker; requests still running resolve as failures. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(`The ${this.options.name} worker was stopped.`);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.options.createWorker();
    worker.onmessage = (event: MessageEvent<Response>) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.failAll(event.message || `The ${this.options.name} worker failed.`);
    };
    worker.onmessageerror = () =>
      this.failAll(`A message from the ${this.options.name} worker was unreadable.`);
    this.worker = worker;
    return worker;
  }

  private receive(response: Response): void {
    const entry = this.pending.get(response.requestId);
    if (!entry) return; // Answer to a request that was already failed.
    if (this.options.isProgress(response)) {
      entry.onProgress?.(response);
      return;
    }
    this.pending.delete(response.requestId);
    entry.resolve(response as Exclude<Response, Progress>);
  }

  private failAll(detail: string): void {
    const waiting = [...this.pending];
    this.pending.clear();
    for (const [requestId, entry] of waiting)
      entry.resolve(this.options.failure(requestId, detail));
  }
}
