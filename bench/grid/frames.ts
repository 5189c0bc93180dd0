// The grid benchmark's frame recorder. run.mjs bundles it into a self-contained script and adds
// it to every page it opens (Playwright addInitScript), so the app and the baseline are measured
// by the same code, installed before either page's own modules run.
//
// While a measurement is open (`__gridBench.start(label)` … `__gridBench.stop()`) it keeps:
//  • every long animation frame (PerformanceObserver 'long-animation-frame', Chromium ≥ 123): a
//    frame whose work — tasks, rAF callbacks, style, layout, paint — took ≥ 50 ms, with the
//    scripts that ran in it (invoker, source URL, function, duration);
//  • the gaps between consecutive requestAnimationFrame callbacks (16.7 ms at 60 Hz when nothing
//    is in the way; a frame the page could not produce shows as a longer gap);
//  • Event Timing entries ≥ 16 ms (click, keydown, input…: from the input to the next paint);
//  • 'longtask' entries (tasks ≥ 50 ms), as a fall-back where LoAF is missing.
// Recording starts at once with the label 'load', so a page's first render is covered too.
import type { FrameRecording, LoafScript } from './protocol';

interface Open extends FrameRecording {
  t0: number;
  last: number;
  raf: number;
}

/** The parts of PerformanceLongAnimationFrameTiming used here (not in TypeScript's DOM lib yet). */
interface LoafEntry extends PerformanceEntry {
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: (PerformanceEntry & {
    invoker: string;
    invokerType: string;
    sourceURL: string;
    sourceFunctionName: string;
    sourceCharPosition: number;
    forcedStyleAndLayoutDuration: number;
  })[];
}

export interface GridBenchRecorder {
  loafSupported: boolean;
  start(label: string): void;
  stop(): Promise<FrameRecording>;
  frames(n?: number): Promise<number>;
  viewport(): HTMLElement | null;
}

declare global {
  interface Window {
    __gridBench?: GridBenchRecorder;
  }
}

function install(): void {
  if (window.__gridBench) return;
  let open: Open | null = null;
  const supported = PerformanceObserver.supportedEntryTypes ?? [];

  function observe<E extends PerformanceEntry>(
    type: string,
    onEntry: (rec: Open, entry: E) => void,
    extra: Record<string, unknown> = {},
  ): void {
    if (!supported.includes(type)) return;
    new PerformanceObserver((list) => {
      const rec = open;
      if (!rec) return;
      for (const e of list.getEntries()) if (e.startTime >= rec.t0) onEntry(rec, e as E);
    }).observe({ type, ...extra } as PerformanceObserverInit);
  }

  observe<LoafEntry>('long-animation-frame', (rec, e) =>
    rec.loafs.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: e.scripts.map((s): LoafScript => ({
        invoker: s.invoker,
        invokerType: s.invokerType,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        duration: s.duration,
        forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  observe('longtask', (rec, e) => rec.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe<PerformanceEventTiming>(
    'event',
    (rec, e) =>
      rec.events.push({
        name: e.name,
        start: e.startTime,
        duration: e.duration,
        processing: e.processingEnd - e.processingStart,
      }),
    { durationThreshold: 16 },
  );

  const tick = (now: number) => {
    const rec = open;
    if (!rec) return;
    if (rec.last > 0) rec.gaps.push(now - rec.last);
    rec.last = now;
    rec.raf = requestAnimationFrame(tick);
  };

  window.__gridBench = {
    loafSupported: supported.includes('long-animation-frame'),
    start(label) {
      const rec: Open = {
        label,
        ms: 0,
        loafs: [],
        longtasks: [],
        events: [],
        gaps: [],
        t0: performance.now(),
        last: 0,
        raf: 0,
      };
      rec.raf = requestAnimationFrame(tick);
      open = rec;
    },
    async stop() {
      // LoAF and event entries are queued after the frame they describe: give them two frames.
      await new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      );
      const rec = open;
      if (!rec) throw new Error('__gridBench.stop() without start()');
      open = null;
      cancelAnimationFrame(rec.raf);
      const { label, loafs, longtasks, events, gaps } = rec;
      return { label, ms: performance.now() - rec.t0, loafs, longtasks, events, gaps };
    },
    /** The grid's scrolling element: .ag-body-viewport up to AG Grid 35, .ag-grid-viewport in 36. */
    viewport() {
      for (const el of document.querySelectorAll<HTMLElement>(
        '.ag-body-viewport, .ag-grid-viewport',
      )) {
        if (el.scrollHeight > el.clientHeight) return el;
      }
      return null;
    },
    frames(n = 2) {
      return new Promise((resolve) => {
        const step = () => (--n <= 0 ? resolve(performance.now()) : requestAnimationFrame(step));
        requestAnimationFrame(step);
      });
    },
  };
  // The page's load is recorded from the very start; the driver stops it at first render.
  window.__gridBench.start('load');
}

install();
