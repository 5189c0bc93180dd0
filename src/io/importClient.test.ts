import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../db/schema';
import { ImportClient, type ProgressInfo } from './importClient';
import { handleImportRequest } from './importJob';
import type { ImportRequest, ImportResponse } from './importProtocol';

const MAPPING: ColumnMapping = {
  account: 0,
  date: 1,
  amount: 2,
  orderNo: null,
  quantity: null,
  product: null,
};

/** Runs the real worker logic in-process, answering asynchronously like a worker would. */
class InProcessWorker {
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  received: ImportRequest[] = [];
  terminated = false;
  /** When set, requests are held instead of answered (to test cancel and crashes). */
  hold = false;

  postMessage(request: ImportRequest): void {
    this.received.push(request);
    if (this.hold) return;
    void handleImportRequest(request, (response) => {
      if (!this.terminated) this.onmessage?.({ data: response } as MessageEvent<ImportResponse>);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

function setup(): { client: ImportClient; workers: InProcessWorker[] } {
  const workers: InProcessWorker[] = [];
  const client = new ImportClient(() => {
    const worker = new InProcessWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

const csv = (text: string): File => new File([text], 'orders.csv', { type: 'text/csv' });

describe('ImportClient', () => {
  it('previews and parses with one reused worker and distinct request ids', async () => {
    const { client, workers } = setup();
    const file = csv('customer,date,amount\nA,2024-01-02,1\nB,2024-01-03,2\nC,bad,3\n');

    const preview = await client.preview(file, 1);
    expect(preview).toMatchObject({
      type: 'preview',
      headers: ['customer', 'date', 'amount'],
      rows: [['A', '2024-01-02', '1']],
    });

    const progress: ProgressInfo[] = [];
    const parsed = await client.parse(file, MAPPING, 2, (p) => progress.push(p));
    expect(parsed.type).toBe('parsed');
    expect(parsed.type === 'parsed' && parsed.orders.map((o) => o.amountMinor)).toEqual([100, 200]);
    expect(parsed.type === 'parsed' && parsed.rejects.map((r) => r.line)).toEqual([4]);
    expect(progress).toEqual([{ rowsRead: 3, bytesRead: file.size, totalBytes: file.size }]);

    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((r) => [r.type, r.requestId])).toEqual([
      ['preview', 1],
      ['parse', 2],
    ]);
  });

  it('matches concurrent answers to their own requests', async () => {
    const { client } = setup();
    const [a, b, c] = await Promise.all([
      client.preview(csv('x,y\n1,2\n'), 5),
      client.preview(csv(''), 5),
      client.preview(csv('p;q\n3;4\n'), 5),
    ]);
    expect(a).toMatchObject({ requestId: 1, type: 'preview', headers: ['x', 'y'] });
    expect(b).toMatchObject({ requestId: 2, type: 'error', reason: 'empty_file' });
    expect(c).toMatchObject({ requestId: 3, type: 'preview', delimiter: ';' });
  });

  it('terminate() resolves waiting calls as errors and the next call starts a new worker', async () => {
    const { client, workers } = setup();
    const pending = client.preview(csv('a\n1\n'));
    workers[0]!.hold = true;
    const held = client.parse(csv('a\n1\n'), MAPPING, 2);
    client.terminate();
    expect(workers[0]!.terminated).toBe(true);
    await expect(held).resolves.toEqual({
      type: 'error',
      requestId: 2,
      reason: 'parse_failed',
      detail: 'Import cancelled.',
    });
    await expect(pending).resolves.toMatchObject({ type: 'error', requestId: 1 });

    const after = await client.preview(csv('a\n1\n'));
    expect(after.type).toBe('preview');
    expect(workers).toHaveLength(2);
  });

  it('a crashed worker fails the waiting calls instead of leaving them hanging', async () => {
    const { client, workers } = setup();
    const first = client.preview(csv('a\n1\n'));
    workers[0]!.hold = true;
    const waiting = client.preview(csv('a\n1\n'));
    workers[0]!.crash('boom');
    await expect(waiting).resolves.toEqual({
      type: 'error',
      requestId: 2,
      reason: 'parse_failed',
      detail: 'boom',
    });
    await first;
    expect((await client.preview(csv('a\n1\n'))).type).toBe('preview');
    expect(workers).toHaveLength(2);
  });

  it('answers with an error when the worker cannot be created', async () => {
    const client = new ImportClient(() => {
      throw new Error('Workers are not supported');
    });
    await expect(client.preview(csv('a\n1\n'))).resolves.toEqual({
      type: 'error',
      requestId: 1,
      reason: 'parse_failed',
      detail: 'Workers are not supported',
    });
  });
});
