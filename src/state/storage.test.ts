import { describe, expect, it, vi } from 'vitest';
import { formatBytes, StorageState, type StorageApi } from './storage.svelte';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 byte'],
    [12_300_000, 'en', '12.3 MB'],
    [1_234_567_890, 'en', '1.2 GB'],
    [999, 'en', '999 byte'],
    [2_500, 'zh-CN', '2.5'],
  ])('%d in %s → %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toContain(expected);
  });
});

function fakeApi(persisted: boolean, grant: boolean): Required<StorageApi> {
  let state = persisted;
  return {
    persisted: vi.fn(async () => state),
    persist: vi.fn(async () => (state = grant)),
    estimate: vi.fn(async () => ({ usage: 12_300_000, quota: 1_200_000_000 })),
  };
}

describe('StorageState', () => {
  it('asks for persistence at start only when not persisted yet, and only once', async () => {
    const api = fakeApi(false, true);
    const s = new StorageState(() => api);
    await s.persistOnStart();
    await s.persistOnStart();
    expect(api.persist).toHaveBeenCalledTimes(1);
    expect(s.persisted).toBe(true);

    const already = fakeApi(true, true);
    const t = new StorageState(() => already);
    await t.persistOnStart();
    expect(already.persist).not.toHaveBeenCalled();
    expect(t.persisted).toBe(true);
  });

  it('reads usage and quota, and reports a refusal', async () => {
    const api = fakeApi(false, false);
    const s = new StorageState(() => api);
    await s.refresh();
    expect([s.persisted, s.usage, s.quota]).toEqual([false, 12_300_000, 1_200_000_000]);
    expect(await s.requestPersist()).toBe(false);
  });

  it('copes with browsers without the storage manager', async () => {
    const s = new StorageState(() => undefined);
    await s.persistOnStart();
    await s.refresh();
    expect(await s.requestPersist()).toBe(false);
    expect([s.canTellPersisted, s.canPersist, s.canEstimate]).toEqual([false, false, false]);
    expect([s.persisted, s.usage, s.quota, s.error]).toEqual([null, null, null, null]);
  });

  it('keeps a failing estimate as a message', async () => {
    const api = fakeApi(true, true);
    api.estimate = vi.fn(async () => Promise.reject(new Error('nope')));
    const s = new StorageState(() => api);
    await s.refresh();
    expect(s.error).toBe('nope');
  });
});
