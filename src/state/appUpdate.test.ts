import { describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { AppUpdate, type ImportLocks } from './appUpdate.svelte';

/** A fake service worker registration, with Web Locks holding the given import locks. */
function setup(heldImports: string[] = []) {
  let options: RegisterSWOptions = {};
  const update = vi.fn(async () => undefined);
  const register = vi.fn((o: RegisterSWOptions) => {
    options = o;
    return update;
  });
  const reload = vi.fn();
  const held = new Set(heldImports);
  const waiters = new Map<string, () => void>();
  const locks: ImportLocks = {
    query: async () => ({ held: [...held].map((name) => ({ name })) }),
    request: (name) =>
      held.has(name)
        ? new Promise<void>((resolve) => waiters.set(name, resolve))
        : Promise.resolve(),
  };
  const release = (name: string) => {
    held.delete(name);
    waiters.get(name)?.();
  };
  const controllerListeners: (() => void)[] = [];
  const app = new AppUpdate({
    register,
    reload,
    locks: () => locks,
    onControllerChange: (listener) => controllerListeners.push(listener),
  });
  app.start();
  const controllerChange = () => controllerListeners.forEach((listener) => listener());
  return { app, update, register, reload, release, controllerChange, sw: () => options };
}

describe('AppUpdate', () => {
  it('registers the service worker once', () => {
    const { app, register } = setup();
    app.start();
    expect(register).toHaveBeenCalledTimes(1);
    expect(register.mock.calls[0]![0].immediate).toBe(true);
  });

  it('a waiting version shows; Reload lets it take over, then this tab reloads', async () => {
    const { app, update, reload, sw } = setup();
    expect(app.state).toBe('none');
    sw().onNeedRefresh!();
    expect(app.state).toBe('ready');
    await app.apply();
    expect(update).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    sw().onNeedReload!(); // the new worker took control
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a new version taken up in another tab never reloads this one by itself', async () => {
    const { app, update, reload, sw } = setup();
    sw().onNeedRefresh!();
    sw().onNeedReload!();
    expect(app.state).toBe('activeElsewhere');
    expect(reload).not.toHaveBeenCalled();
    await app.apply();
    expect(update).not.toHaveBeenCalled(); // nothing waits any more: a plain reload
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('Reload during an import waits until the import lets go of its lock', async () => {
    const { app, update, release, sw } = setup(['keyplan-import-7', 'another-lock']);
    sw().onNeedRefresh!();
    const applying = app.apply();
    await vi.waitFor(() => expect(app.state).toBe('waitingForImport'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(update).not.toHaveBeenCalled();
    app.dismiss(); // cannot be dismissed while waiting
    expect(app.state).toBe('waitingForImport');
    release('keyplan-import-7');
    await applying;
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('a tab opened before any service worker reloads on the controller change alone', async () => {
    const { app, update, reload, sw, controllerChange } = setup();
    sw().onNeedRefresh!();
    await app.apply();
    expect(update).toHaveBeenCalledTimes(1);
    controllerChange(); // Workbox sends no onNeedReload to such a tab
    sw().onNeedReload!(); // and if both come, one reload
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('the first service worker taking control (nothing announced) changes nothing', () => {
    const { app, reload, controllerChange } = setup();
    controllerChange();
    expect(app.state).toBe('none');
    expect(reload).not.toHaveBeenCalled();
  });

  it('another tab switching while this one waits for an import: a plain reload after it', async () => {
    const { app, update, reload, release, sw, controllerChange } = setup(['keyplan-import-3']);
    sw().onNeedRefresh!();
    const applying = app.apply();
    await vi.waitFor(() => expect(app.state).toBe('waitingForImport'));
    controllerChange();
    expect(reload).not.toHaveBeenCalled();
    release('keyplan-import-3');
    await applying;
    expect(update).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('Later hides the banner', () => {
    const { app, sw } = setup();
    sw().onNeedRefresh!();
    app.dismiss();
    expect(app.state).toBe('none');
  });
});
