// Save text as a file from the browser. DOM only.

// Revoking in the same task can cancel the download in some browsers, so give it a moment.
const REVOKE_DELAY_MS = 1000;

export function downloadText(
  fileName: string,
  text: string,
  mime = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
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
