import { describe, expect, it } from 'vitest';
import { WorkerChannel } from './workerChannel';

type Request = { type: 'work' | 'cancel'; requestId: number; n?: number };
type Response =
  | { type: 'progress'; requestId: number; done: number }
  | { type: 'result'; requestId: number; value: number }
  | { type: 'error'; requestId: number; detail: string };
type Progress = Extract<Response, { type: 'progress' }>;

/** A stand-in worker: records what it is sent; the test plays its answers. */
class FakeWorker {
  sent: Request[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<Response>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(message: Request) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(response: Response) {
    this.onmessage?.({ data: response } as MessageEvent<Response>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function channel() {
  const workers: FakeWorker[] = [];
  const c = new WorkerChannel<Request, Response, Progress>({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    isProgress: (r): r is Progress => r.type === 'progress',
    failure: (requestId, detail) => ({ type: 'error', requestId, detail }),
    name: 'test',
  });
  return { c, workers };
}

describe('WorkerChannel', () => {
  it('matches answers to requests by id, whatever order they come in, and routes progress', async () => {
    const { c, workers } = channel();
    const seen: number[] = [];
    const a = c.send(
      (requestId) => ({ type: 'work', requestId, n: 1 }),
      (p) => seen.push(p.done),
    );
    const b = c.send((requestId) => ({ type: 'work', requestId, n: 2 }));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent.map((m) => m.requestId)).toEqual([a.requestId, b.requestId]);
    workers[0]!.answer({ type: 'progress', requestId: a.requestId, done: 50 });
    workers[0]!.answer({ type: 'result', requestId: b.requestId, value: 20 });
    workers[0]!.answer({ type: 'result', requestId: a.requestId, value: 10 });
    expect(await a.done).toEqual({ type: 'result', requestId: a.requestId, value: 10 });
    expect(await b.done).toEqual({ type: 'result', requestId: b.requestId, value: 20 });
    expect(seen).toEqual([50]);
  });

  it('fails every waiting request when the worker crashes, and starts a new worker next time', async () => {
    const { c, workers } = channel();
    const a = c.send((requestId) => ({ type: 'work', requestId }));
    workers[0]!.crash('boom');
    expect(await a.done).toEqual({ type: 'error', requestId: a.requestId, detail: 'boom' });
    expect(workers[0]!.terminated).toBe(true);
    // A late answer to a failed request is ignored; a new request gets a fresh worker.
    workers[0]!.answer({ type: 'result', requestId: a.requestId, value: 1 });
    c.send((requestId) => ({ type: 'work', requestId }));
    expect(workers).toHaveLength(2);
  });

  it('notifies without waiting, and terminate fails what is running', async () => {
    const { c, workers } = channel();
    const a = c.send((requestId) => ({ type: 'work', requestId }));
    c.notify({ type: 'cancel', requestId: a.requestId });
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'cancel', requestId: a.requestId });
    c.terminate();
    expect(await a.done).toEqual({
      type: 'error',
      requestId: a.requestId,
      detail: 'The test worker was stopped.',
    });
  });
});
