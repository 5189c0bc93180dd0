/// <reference lib="webworker" />
// Module worker: parses import files off the main thread. All logic lives in importJob.ts.
import { handleImportRequest } from './importJob';
import type { ImportRequest, ImportResponse } from './importProtocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  void handleImportRequest(event.data, (response: ImportResponse) => self.postMessage(response));
};
