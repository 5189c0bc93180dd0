/**
 * Persistent storage and the space used (issue 8). Browsers may evict IndexedDB of a "best effort"
 * origin under storage pressure; a persisted origin is only cleared by the user.
 */

/** The part of `navigator.storage` used here; every member may be missing in older browsers. */
export interface StorageApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "12.3 MB" in the UI locale (decimal units, as browsers report quotas). */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export class StorageState {
  /** null = not known (yet, or the browser cannot tell). */
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  error = $state<string | null>(null);
  private asked = false;

  constructor(private readonly api: () => StorageApi | undefined) {}

  get canTellPersisted(): boolean {
    return typeof this.api()?.persisted === 'function';
  }
  get canPersist(): boolean {
    return typeof this.api()?.persist === 'function';
  }
  get canEstimate(): boolean {
    return typeof this.api()?.estimate === 'function';
  }

  /** Reads persistence and usage again (the Settings card calls it when it opens). */
  async refresh(): Promise<void> {
    const api = this.api();
    this.error = null;
    try {
      this.persisted = api?.persisted ? await api.persisted() : null;
      if (api?.estimate) {
        const estimate = await api.estimate();
        this.usage = estimate.usage ?? null;
        this.quota = estimate.quota ?? null;
      }
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Asks the browser to keep the data; returns whether storage is persistent now. */
  async requestPersist(): Promise<boolean> {
    const api = this.api();
    if (!api?.persist) return false;
    this.error = null;
    try {
      this.persisted = await api.persist();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    return this.persisted === true;
  }

  /** At start, once per page: asks only when the browser says storage is not persistent yet. */
  async persistOnStart(): Promise<void> {
    if (this.asked) return;
    this.asked = true;
    const api = this.api();
    if (!api?.persisted || !api.persist) return;
    try {
      if (await api.persisted()) {
        this.persisted = true;
        return;
      }
      this.persisted = await api.persist();
    } catch {
      // Not fatal: the data still lives in best-effort storage.
    }
  }
}

export const storage = new StorageState(
  () => globalThis.navigator?.storage as StorageApi | undefined,
);
