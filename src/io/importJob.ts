// What the import worker does for each request, kept apart from the worker globals so node tests
// can drive it with a plain `post` callback.
import { decodeBytes, parseCsvText, sha256Hex } from './parseText';
import type { ImportFileError, ImportRequest, ImportResponse } from './importProtocol';
import { rowsToOrders } from './orderRows';

const PROGRESS_EVERY_ROWS = 5000;

export async function handleImportRequest(
  request: ImportRequest,
  post: (response: ImportResponse) => void,
): Promise<void> {
  const { requestId, file } = request;
  const postError = (reason: ImportFileError, detail: string): void =>
    post({ type: 'error', requestId, reason, detail });

  try {
    const buffer = await file.arrayBuffer();
    const totalBytes = buffer.byteLength;
    const decoded = decodeBytes(new Uint8Array(buffer));
    if (!decoded.ok) return postError(decoded.reason, describeFileError(decoded.reason));
    const { text, encoding } = decoded.value;

    if (request.type === 'preview') {
      const parsed = parseCsvText(text, { maxRows: request.maxRows });
      if (!parsed.ok) return postError(parsed.reason, parsed.detail);
      const { headers, rows, delimiter } = parsed.value;
      post({ type: 'preview', requestId, headers, rows, delimiter, encoding, totalBytes });
      return;
    }

    // Characters and bytes differ for non-ASCII text; the ratio is close enough for a progress bar.
    const toBytes = (chars: number): number =>
      Math.min(totalBytes, Math.round((chars / Math.max(1, text.length)) * totalBytes));
    const parsed = parseCsvText(text, {
      progressEvery: PROGRESS_EVERY_ROWS,
      onProgress: (rowsRead, charsRead) =>
        post({ type: 'progress', requestId, rowsRead, bytesRead: toBytes(charsRead), totalBytes }),
    });
    if (!parsed.ok) return postError(parsed.reason, parsed.detail);
    const { headers, rows, lines, delimiter } = parsed.value;
    const { orders, rejects } = rowsToOrders(rows, headers, request.mapping, {
      lines,
      fractionDigits: request.fractionDigits,
    });
    const hash = await sha256Hex(buffer);
    post({ type: 'progress', requestId, rowsRead: rows.length, bytesRead: totalBytes, totalBytes });
    post({
      type: 'parsed',
      requestId,
      orders,
      rejects,
      rowsRead: rows.length,
      hash,
      delimiter,
      encoding,
      headers,
    });
  } catch (error) {
    // A worker that throws leaves the caller waiting forever; always answer.
    postError('parse_failed', error instanceof Error ? error.message : String(error));
  }
}

function describeFileError(reason: ImportFileError): string {
  switch (reason) {
    case 'empty_file':
      return 'The file is empty.';
    case 'binary_file':
      return 'The file is not text (for example an .xlsx workbook); save it as CSV first.';
    case 'header_only':
      return 'The file has a header row but no data.';
    case 'parse_failed':
      return 'The file could not be read as CSV.';
  }
}
