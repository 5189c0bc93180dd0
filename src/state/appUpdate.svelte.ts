/// <reference types="vite-plugin-pwa/vanillajs" />
// The service worker's side of the app (issue 8): registration, and a new version that waits for
// the user's go-ahead. Under `npm run dev` and in the single file `virtual:pwa-register` is a no-op.
import { registerSW, type RegisterSWOptions } from 'virtual:pwa-register';
import { IMPORT_LOCK_PREFIX } from '../io/importLocks';

/**
 * - `none`: nothing to say.
 * - `ready`: a new version is installed and waits; Reload switches to it.
 * - `waitingForImport`: the user said reload, and it happens once the running import is done.
 * - `activeElsewhere`: another tab switched to the new version; this tab still runs the old code.
 */
export type UpdateState = 'none' | 'ready' | 'waitingForImport' | 'activeElsewhere';

/** The part of `navigator.locks` used here. */
export interface ImportLocks {
  query(): Promise<{ held?: { name?: string }[] }>;
  request(name: string, callback: () => unknown): Promise<unknown>;
}

export interface AppUpdateDeps {
  register: (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;
  reload: () => void;
  locks: () => ImportLocks | undefined;
  /** Subscribes to the page's service worker controller changing. */
  onControllerChange: (listener: () => void) => void;
}

export class AppUpdate {
  state = $state<UpdateState>('none');
  private update: (() => Promise<void>) | null = null;
  /** Set when this tab's user asked for the new version: only then does this tab reload itself. */
  private asked = false;
  /** A new version was announced, so the next controller change is that version taking over. */
  private pending = false;
  private switched = false;

  constructor(private readonly deps: AppUpdateDeps) {}

  /** Registers the service worker; calling it again does nothing. */
  start(): void {
    if (this.update) return;
    const update = this.deps.register({
      immediate: true,
      onNeedRefresh: () => {
        this.pending = true;
        if (this.state === 'none') this.state = 'ready';
      },
      onNeedReload: () => this.newVersionActive(),
      onRegisterError: (error: unknown) => console.warn('Service worker not registered:', error),
    });
    this.update = () => update(true);
    // Workbox's own signal (onNeedReload) never comes to a tab that was opened before any
    // service worker controlled it (the first visit), so the controller change is watched too.
    this.deps.onControllerChange(() => {
      if (this.pending) this.newVersionActive();
    });
  }

  /**
   * The new version took control. Never reload behind the user's back (an import may be running
   * in this tab): only the tab where Reload was pressed reloads by itself.
   */
  private newVersionActive(): void {
    if (this.switched) return;
    this.switched = true;
    if (this.asked) this.deps.reload();
    else this.state = 'activeElsewhere';
  }

  /** Reload: waits for running imports, then switches to the new version (or just reloads). */
  async apply(): Promise<void> {
    const alreadyActive = this.state === 'activeElsewhere' || !this.update;
    await this.importsDone();
    // (Another tab may have switched to the new version while this one waited.)
    if (alreadyActive || this.state === 'activeElsewhere' || !this.update) {
      this.deps.reload();
      return;
    }
    this.asked = true;
    // Tells the waiting worker to take over; onNeedReload then reloads this tab.
    await this.update();
  }

  dismiss(): void {
    if (this.state !== 'waitingForImport') this.state = 'none';
  }

  /** Resolves when no import holds its lock (in any tab of this origin). */
  private async importsDone(): Promise<void> {
    const locks = this.deps.locks();
    if (!locks) return;
    // Looks again after each wait: an import may have started meanwhile (in any tab).
    for (;;) {
      const held = ((await locks.query()).held ?? [])
        .map((lock) => lock.name ?? '')
        .filter((name) => name.startsWith(IMPORT_LOCK_PREFIX));
      if (held.length === 0) return;
      this.state = 'waitingForImport';
      // Granted only once the import has let go of it (finished, cancelled or rolled back).
      await Promise.all(held.map((name) => locks.request(name, () => undefined)));
    }
  }
}

export const appUpdate = new AppUpdate({
  register: registerSW,
  reload: () => location.reload(),
  locks: () => (globalThis.navigator as { locks?: ImportLocks } | undefined)?.locks,
  onControllerChange: (listener) =>
    globalThis.navigator?.serviceWorker?.addEventListener('controllerchange', listener),
});
