#!/usr/bin/env node
// `npm run bench:import`: Keyplan's CSV import against the floor, in headless Chromium.
//
//   node bench/import/run.mjs                 # 1,000,000 rows (≈ 80 MB), 1 timed run per side
//   node bench/import/run.mjs --rows 100000   # a quick run
//   options: --rows N  --runs N (timed runs per side, interleaved)  --warmup N (rows, 0 = none)
//
// 1. Builds bench/import/index.html + main.ts with Vite's build API and the app's own
//    vite.config.ts (production mode, so the import worker is bundled exactly as users get it)
//    into bench/.out/import/ (gitignored; removed again at the end).
// 2. Serves that folder on 127.0.0.1 (IndexedDB needs a real origin) with a tiny static server.
// 3. Opens it in Debian's Chromium through Playwright (never a downloaded browser) and calls
//    window.keyplanBench.run(): the page generates the CSV, times the floor and Keyplan on the
//    same File, and checks what Keyplan stored (see main.ts).
// 4. Meanwhile samples every 250 ms: the page's JS heap (in the page), the JS heap of each
//    worker (Runtime.getHeapUsage over a browser CDP session: workers have no
//    performance.memory), and the resident memory of Chromium's renderer processes (/proc).
// 5. Prints the report; exits 1 when the gated ratio misses its target, a check fails, the tab
//    crashes or anything throws.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveDir } from '../serveDir.mjs';

/** @typedef {import('./protocol').BenchOptions} BenchOptions */
/** @typedef {import('./protocol').PageReport} PageReport */
/** @typedef {import('./protocol').Phase} Phase */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */

/** The target: Keyplan's import ≤ 1.3 × the floor, at 1M rows. */
const MAX_RATIO = 1.3;
/**
 * The ratio is gated from this many rows on. Smaller files are quick smoke runs: there the
 * accounts Keyplan creates (one per customer, ≈ 40,000 for 100,000 rows, 50,000 for 1M) are a
 * much larger share of what it writes, so the ratio is higher and not what the target is about.
 */
const GATED_FROM_ROWS = 1_000_000;
/**
 * Which ratio decides the exit code: 'total' = (analyze + commit) / floor, 'write' = commit /
 * floor. See bench/README.md for why it is the one it is.
 * @type {'total' | 'write'}
 */
const GATE = 'total';
const SAMPLE_MS = 250;
const TIMEOUT_MS = 45 * 60_000;
const MB = 1024 * 1024;

const pageDir = dirname(fileURLToPath(import.meta.url));
const benchDir = dirname(pageDir);
const root = dirname(benchDir);
const outRoot = join(benchDir, '.out');
const outDir = join(outRoot, 'import');

// ── Options ──────────────────────────────────────────────────────────────────────────────────

/**
 * @param {string[]} argv
 * @returns {BenchOptions}
 */
function parseArgs(argv) {
  /** @type {Record<string, number>} */
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--(rows|runs|warmup)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}; use --rows N, --runs N, --warmup N`);
    const raw = match[2] ?? argv[++i] ?? '';
    const n = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${match[1]} needs a whole number`);
    values[match[1] ?? ''] = n;
  }
  const rows = values.rows ?? 1_000_000;
  const runs = values.runs ?? 1;
  if (rows < 1 || runs < 1) throw new Error('--rows and --runs must be at least 1');
  return { rows, runs, warmupRows: values.warmup ?? Math.min(20_000, rows) };
}

// ── Build and serve the page ─────────────────────────────────────────────────────────────────

function cleanup() {
  rmSync(outDir, { recursive: true, force: true });
  // bench/.out may also hold bench/run.mjs's bundles: remove it only when it is empty.
  if (existsSync(outRoot) && readdirSync(outRoot).length === 0) rmdirSync(outRoot);
}

async function buildPage() {
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: pageDir,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

// ── Memory sampling ──────────────────────────────────────────────────────────────────────────

/** Peaks by key (`what@phase`), and the samples of the latest occurrence of each phase. */
class Peaks {
  /** @type {Map<string, number>} */
  values = new Map();
  /** @type {Map<string, number[][]>} key → [ms since the phase began, value][] */
  series = new Map();
  /** @type {Map<string, number>} phase → when it last began */
  began = new Map();
  /** @param {string} phase */
  begin(phase) {
    this.began.set(phase, performance.now());
    for (const key of this.series.keys()) if (key.endsWith(`@${phase}`)) this.series.delete(key);
  }
  /**
   * @param {string} what
   * @param {string} phase
   * @param {number} value
   */
  note(what, phase, value) {
    const key = `${what}@${phase}`;
    this.values.set(key, Math.max(this.values.get(key) ?? 0, value));
    const t = performance.now() - (this.began.get(phase) ?? 0);
    const list = this.series.get(key) ?? [];
    list.push([t, value]);
    this.series.set(key, list);
  }
  /**
   * Peak of each tenth of the phase's latest occurrence: shows whether memory grows with the
   * rows read or stays flat.
   * @param {string} what
   * @param {string} phase
   * @returns {string}
   */
  tenths(what, phase) {
    const list = this.series.get(`${what}@${phase}`) ?? [];
    const end = Math.max(1, ...list.map(([t]) => t ?? 0));
    /** @type {(number | null)[]} */
    const peak = Array.from({ length: 10 }, () => null);
    for (const [t = 0, v = 0] of list) {
      const i = Math.min(9, Math.floor((t / end) * 10));
      peak[i] = Math.max(peak[i] ?? 0, v);
    }
    // '-': no answer in that tenth (a worker answers between tasks, not during a long one).
    return peak.map((v) => (v === null ? '-' : (v / MB).toFixed(0))).join(' ');
  }
  /**
   * Largest value of `what` over the given phases.
   * @param {string} what
   * @param {readonly string[]} phases
   */
  max(what, phases) {
    return Math.max(0, ...phases.map((p) => this.values.get(`${what}@${p}`) ?? 0));
  }
}

/**
 * Follows every worker of the browser over one browser-level CDP session (attach without
 * flatten, then Target.sendMessageToTarget: Playwright's CDPSession cannot address child
 * sessions) and asks each for Runtime.getHeapUsage.
 */
class WorkerHeaps {
  /** @type {Map<string, string>} sessionId → worker kind */
  sessions = new Map();
  /** @type {Set<string>} targets attached once (Playwright's own attachment shows as attached) */
  seen = new Set();
  nextId = 1;

  /**
   * @param {CDPSession} cdp
   * @param {(kind: string, usedBytes: number) => void} onHeap
   */
  constructor(cdp, onHeap) {
    this.cdp = cdp;
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const kind = this.sessions.get(event.sessionId);
      if (kind === undefined) return;
      const message = JSON.parse(event.message);
      const used = message?.result?.usedSize;
      if (typeof used === 'number') onHeap(kind, used);
    });
    cdp.on('Target.detachedFromTarget', (event) => this.sessions.delete(event.sessionId));
  }

  /** @param {string} url */
  static kind(url) {
    if (url.includes('floorWorker')) return 'papaparse worker';
    if (url.includes('importWorker')) return 'import worker';
    return 'other worker';
  }

  async attachNew() {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    for (const t of targetInfos) {
      if (t.type !== 'worker' || this.seen.has(t.targetId)) continue;
      this.seen.add(t.targetId);
      try {
        const { sessionId } = await this.cdp.send('Target.attachToTarget', {
          targetId: t.targetId,
          flatten: false,
        });
        this.sessions.set(sessionId, WorkerHeaps.kind(t.url));
      } catch {
        // The worker ended in the meantime.
      }
    }
  }

  async sample() {
    await this.attachNew();
    for (const sessionId of this.sessions.keys()) {
      const message = JSON.stringify({ id: this.nextId++, method: 'Runtime.getHeapUsage' });
      await this.cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => {
        this.sessions.delete(sessionId);
      });
    }
  }
}

/** Resident memory (bytes) of each Chromium renderer process started by this Node process. */
function rendererRss() {
  if (!existsSync('/proc/self/stat')) return [];
  /** @type {Map<number, number>} pid → parent pid */
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may contain spaces, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  /** @param {number} pid */
  const ours = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; hops++) {
      if (p === process.pid) return true;
      p = parents.get(p) ?? 0;
    }
    return false;
  };
  /** @type {number[]} */
  const rss = [];
  for (const pid of parents.keys()) {
    if (!ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb) rss.push(Number(kb) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  return rss;
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────

/** @param {readonly number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const int = (/** @type {number} */ n) => Math.round(n).toLocaleString('en-US');
const mb = (/** @type {number} */ bytes) => `${(bytes / MB).toFixed(0)} MB`;
const runsOf = (/** @type {readonly number[]} */ values) =>
  values.length > 1 ? `  (runs: ${values.map(int).join(', ')})` : '';

const FLOOR_PHASES = ['floor-parse', 'floor-write'];
const KEYPLAN_PHASES = ['keyplan-sniff', 'keyplan-analyze', 'keyplan-commit'];

/**
 * @param {PageReport} r
 * @param {Peaks} peaks
 * @returns {boolean} every target met
 */
function report(r, peaks) {
  const parse = median(r.floor.map((f) => f.parseMs));
  const write = median(r.floor.map((f) => f.writeMs));
  const floor = median(r.floor.map((f) => f.totalMs));
  const sniff = median(r.keyplan.map((k) => k.sniffMs));
  const analyze = median(r.keyplan.map((k) => k.analyzeMs));
  const commit = median(r.keyplan.map((k) => k.commitMs));
  const total = median(r.keyplan.map((k) => k.analyzeMs + k.commitMs));
  const ratioWrite = commit / floor;
  const ratioTotal = total / floor;
  const last = r.keyplan[r.keyplan.length - 1];
  const peakOf = (/** @type {string} */ what, /** @type {string[]} */ phases) =>
    mb(peaks.max(what, phases));

  console.log(
    `\nbench:import — ${int(r.rows)} rows, ${(r.fileBytes / 1e6).toFixed(1)} MB ` +
      `(${(r.fileBytes / r.rows).toFixed(1)} bytes/row, ${int(r.customers)} customers; ` +
      `generated in the page in ${int(r.generateMs)} ms)`,
  );
  const n = r.floor.length;
  console.log(`  timed runs      : ${n} per side${n > 1 ? ', medians shown' : ''}`);
  console.log(
    `  floor           : ${int(floor)} ms = PapaParse worker parse ${int(parse)} ms + ` +
      `Dexie bulkAdd ${int(write)} ms${runsOf(r.floor.map((f) => f.totalMs))}`,
  );
  console.log(`  keyplan sniff   : ${int(sniff)} ms (not in the ratios)`);
  console.log(
    `  keyplan analyze : ${int(analyze)} ms (check pass)${runsOf(r.keyplan.map((k) => k.analyzeMs))}`,
  );
  console.log(
    `  keyplan commit  : ${int(commit)} ms (writing pass)${runsOf(r.keyplan.map((k) => k.commitMs))}`,
  );
  console.log(
    `  rows/s          : ${int(r.rows / (commit / 1000))} commit, ` +
      `${int(r.rows / (total / 1000))} analyze + commit, ${int(r.rows / (floor / 1000))} floor`,
  );
  console.log(`  ratio_write     : ${ratioWrite.toFixed(2)} (commit / floor)`);
  console.log(`  ratio_total     : ${ratioTotal.toFixed(2)} ((analyze + commit) / floor)`);
  console.log(
    `  stored          : ${int(last?.ordersInDb ?? 0)} orders, ${int(last?.accountsCreated ?? 0)} ` +
      `accounts, import status '${last?.importStatus ?? '-'}'`,
  );
  console.log(
    `  peak JS heap    : Keyplan: page ${peakOf('page', KEYPLAN_PHASES)}, ` +
      `import worker ${peakOf('import worker', KEYPLAN_PHASES)} ` +
      `(analyze ${peakOf('import worker', ['keyplan-analyze'])}, ` +
      `commit ${peakOf('import worker', ['keyplan-commit'])})`,
  );
  console.log(
    `                    floor: page ${peakOf('page', FLOOR_PHASES)}, ` +
      `papaparse worker ${peakOf('papaparse worker', FLOOR_PHASES)}`,
  );
  console.log(
    `  import worker heap by tenth of the last run (MB): analyze ` +
      `${peaks.tenths('import worker', 'keyplan-analyze')} | commit ` +
      `${peaks.tenths('import worker', 'keyplan-commit')}`,
  );
  console.log(
    `  peak renderer RSS: Keyplan ${peakOf('renderer rss', KEYPLAN_PHASES)}, ` +
      `floor ${peakOf('renderer rss', FLOOR_PHASES)} (page + workers, all memory)`,
  );

  const gated = GATE === 'write' ? ratioWrite : ratioTotal;
  const other = GATE === 'write' ? ratioTotal : ratioWrite;
  const gatedName = GATE === 'write' ? 'ratio_write' : 'ratio_total';
  const otherName = GATE === 'write' ? 'ratio_total' : 'ratio_write';
  const applies = r.rows >= GATED_FROM_ROWS;
  const ratioOk = !applies || gated <= MAX_RATIO;
  const mark = (/** @type {boolean} */ ok) => (ok ? 'ok  ' : applies ? 'MISS' : 'note');
  console.log(
    `  ${mark(gated <= MAX_RATIO)} ${gatedName} ≤ ${MAX_RATIO} (measured ${gated.toFixed(2)}) — ` +
      (applies
        ? 'this ratio decides the exit code'
        : `not gated below ${int(GATED_FROM_ROWS)} rows (quick run)`),
  );
  console.log(
    `  ${other <= MAX_RATIO ? 'ok  ' : 'note'} ${otherName} ≤ ${MAX_RATIO} (measured ` +
      `${other.toFixed(2)}) — reported only, not gated`,
  );
  for (const error of r.errors) console.log(`  FAILED check: ${error}`);
  if (!ratioOk) {
    console.log(
      `  FAILED: target missed: ${gatedName} ≤ ${MAX_RATIO} (measured ${gated.toFixed(2)})`,
    );
  }
  return ratioOk && r.errors.length === 0;
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const options = parseArgs(process.argv.slice(2));
  console.log(`Building the import benchmark page with Vite into ${relative(root, outDir)}/ …`);
  await buildPage();
  const { server, url } = await serveDir(outDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  /** @type {ReturnType<typeof setInterval> | null} */
  let timer = null;
  try {
    const page = await browser.newPage();
    /** @type {Phase} */
    let phase = 'idle';
    const peaks = new Peaks();
    let crashed = false;
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith('[page] ')) console.log(`  ${text.slice(7)}`);
      // Dexie warns when deleting a database waits for a just-closed connection (a terminated
      // worker's): expected here, every run starts from a deleted database.
      else if (/^Dexie\.delete\('.*'\) was blocked$/.test(text)) return;
      else if (msg.type() === 'error' || msg.type() === 'warning') {
        console.log(`  [console.${msg.type()}] ${text}`);
      }
    });
    page.on('pageerror', (error) => console.log(`  [pageerror] ${error.message}`));
    page.on('crash', () => {
      crashed = true;
      console.log('  [crash] the page crashed');
    });
    await page.exposeFunction('benchPhase', (/** @type {Phase} */ next) => {
      phase = next;
      peaks.begin(next);
    });

    const cdp = await browser.newBrowserCDPSession();
    const workers = new WorkerHeaps(cdp, (kind, used) => peaks.note(kind, phase, used));
    let sampling = false;
    timer = setInterval(() => {
      if (sampling) return;
      sampling = true;
      for (const rss of rendererRss()) peaks.note('renderer rss', phase, rss);
      workers
        .sample()
        .catch(() => {})
        .finally(() => (sampling = false));
    }, SAMPLE_MS);

    await page.goto(url);
    await page.waitForFunction(() => 'keyplanBench' in window);
    console.log(
      `Running in ${await browser.version()}: ${int(options.rows)} rows, ${options.runs} timed ` +
        `run(s) per side, warm-up ${int(options.warmupRows)} rows`,
    );
    /** @type {Promise<never>} */
    const timeout = new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`no result after ${TIMEOUT_MS / 60_000} min`)),
        TIMEOUT_MS,
      ).unref(),
    );
    const result = await Promise.race([
      page.evaluate((o) => window.keyplanBench.run(o), options),
      timeout,
    ]);
    for (const [p, bytes] of Object.entries(result.pageHeapPeak)) peaks.note('page', p, bytes);
    if (crashed) throw new Error('the page crashed');
    return report(result, peaks);
  } finally {
    if (timer) clearInterval(timer);
    await browser.close();
    server.close();
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(
    `bench:import crashed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
  );
} finally {
  cleanup();
}
console.log(`\nbench:import ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
