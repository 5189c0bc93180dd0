// Save text or bytes as a file from the browser. DOM only.

// Revoking in the same task can cancel the download in some browsers, so give it a moment.
const REVOKE_DELAY_MS = 1000;

export function downloadText(
  fileName: string,
  text: string,
  mime = 'text/csv;charset=utf-8',
): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

/** Saves bytes (e.g. a backup file) under a file name. */
export function downloadBytes(
  fileName: string,
  bytes: Uint8Array,
  mime = 'application/octet-stream',
): void {
  downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  // Firefox only follows clicks on anchors that are in the document.
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}

/** Saves a data: URL (e.g. a chart's PNG) under a file name. */
export function downloadDataUrl(fileName: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
