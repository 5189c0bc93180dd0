/// <reference lib="webworker" />
// The floor's parser: PapaParse reading the File in its own worker, as `Papa.parse(file,
// { worker: true })` would — same streaming FileStreamer, same 10 MB chunks (Papa.LocalChunkSize),
// each chunk's records posted to the page. `worker: true` itself cannot run in the production
// build: Vite 8's minifier breaks the worker PapaParse builds from its own source text
// (`moduleFactory.toString()`; it throws "Cannot read properties of undefined (reading
// 'skipEmptyLines')"), so this module worker does the same work instead.
import Papa from 'papaparse';

declare const self: DedicatedWorkerGlobalScope;

export type FloorWorkerMessage =
  { type: 'chunk'; records: string[][] } | { type: 'done' } | { type: 'error'; detail: string };

self.onmessage = (event: MessageEvent<File>) => {
  const post = (message: FloorWorkerMessage) => self.postMessage(message);
  Papa.parse<string[]>(event.data, {
    skipEmptyLines: true,
    chunk: (results) => post({ type: 'chunk', records: results.data }),
    complete: () => post({ type: 'done' }),
    error: (error) => post({ type: 'error', detail: error.message }),
  });
};
