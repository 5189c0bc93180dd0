// Recognises "the browser's storage for this site is full", however it reaches the app. IndexedDB
// reports it as a DOMException named QuotaExceededError (on the request, or — as Chromium does when
// the commit does not fit — on the aborted transaction); Dexie passes that on as its own
// Dexie.QuotaExceededError, as an AbortError whose `inner` is the DOMException, or inside the
// failures of a BulkError/ModifyError. Pure: no Dexie import, so the import worker can use it too.

const QUOTA_NAMES = new Set([
  'QuotaExceededError',
  // Firefox before the standard name (localStorage and old IndexedDB builds).
  'NS_ERROR_DOM_QUOTA_REACHED',
]);
/** DOMException.QUOTA_EXCEEDED_ERR, the legacy code some engines still set without the name. */
const QUOTA_CODE = 22;
/** Wrappers are unwrapped this deep at most (a cycle of `cause`s must not hang the screen). */
const MAX_DEPTH = 6;

export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (e.code === QUOTA_CODE && typeof DOMException !== 'undefined' && error instanceof DOMException)
    return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  // BulkError and ModifyError: an array (Dexie 4) or a map by position (older builds).
  const failures = e.failures;
  if (failures && typeof failures === 'object') {
    return Object.values(failures).some((f) => isQuotaExceeded(f, depth + 1));
  }
  return false;
}
