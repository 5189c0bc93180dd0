#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts, prints its output and a summary table, and exits 1
// when any benchmark misses a target (or crashes). `npm run bench -- analytics` runs only the
// benchmarks whose name contains one of the given words.
//
// How the TypeScript runs: Node 20 cannot execute .ts, so this script first bundles the
// benchmarks with Vite's build API (SSR mode, so Node built-ins stay imports) into bench/.out and
// then runs each bundle with plain `node`. Chosen over `tsx` because Vite is already the app's
// toolchain — no new dependency, no loader hooks in the measured process, and the code timed is
// the same TypeScript transform the app ships through. bench/.out is removed after the run:
// it is gitignored, but ESLint does not read .gitignore and would lint the bundles.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Must match RESULT_PREFIX in bench/harness.ts. */
const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * @typedef {{ label: string, actual: string, ok: boolean }} Target
 * @typedef {{
 *   name: string, rows: number, baselineMs: number, oursMs: number, ratio: number,
 *   rowsPerSec: number, targets: Target[], ok: boolean
 * }} BenchResult
 * @typedef {{ name: string, code: number | null, signal: string | null, result: BenchResult | null }} Outcome
 */

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const outDir = join(benchDir, '.out');

function cleanup() {
  rmSync(outDir, { recursive: true, force: true });
}

process.once('SIGINT', () => {
  cleanup();
  process.exit(130);
});

const filters = process.argv.slice(2);
const names = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .filter((name) => filters.length === 0 || filters.some((w) => name.includes(w)))
  .sort();

if (names.length === 0) {
  console.error(`No benchmarks in ${relative(root, benchDir)}/ match: ${filters.join(' ')}`);
  process.exit(1);
}

/** Bundles every selected benchmark into bench/.out/<name>.mjs. */
async function bundle() {
  await build({
    configFile: false,
    root,
    publicDir: false, // do not copy public/ next to the bundles
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        input: Object.fromEntries(names.map((n) => [n, join(benchDir, `${n}.bench.ts`)])),
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
}

/**
 * Runs one bundle, echoing its output and picking out its result line.
 * @param {string} name
 * @returns {Promise<Outcome>}
 */
function runOne(name) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--enable-source-maps', join(outDir, `${name}.mjs`)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    /** @type {BenchResult | null} */
    let result = null;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(RESULT_PREFIX)) {
        result = /** @type {BenchResult} */ (JSON.parse(line.slice(RESULT_PREFIX.length)));
      } else {
        console.log(line);
      }
    });
    child.on('close', (code, signal) => resolve({ name, code, signal, result }));
  });
}

/**
 * @param {string[][]} rows first row is the header
 * @returns {string}
 */
function table(rows) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  /** @param {string[]} r */
  const line = (r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(rows[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

/**
 * @param {Outcome} o
 * @returns {boolean}
 */
const passed = (o) => o.code === 0 && o.result !== null && o.result.ok;

/**
 * @param {Outcome} o
 * @returns {string}
 */
function verdict(o) {
  if (passed(o)) return 'ok';
  const missed = o.result?.targets.filter((t) => !t.ok).map((t) => `${t.label}: ${t.actual}`);
  if (missed && missed.length > 0) return `FAIL (${missed.join('; ')})`;
  if (o.result === null) return `FAIL (crashed: ${o.signal ?? `exit ${o.code}`}, no result)`;
  return `FAIL (exit ${o.code})`;
}

async function main() {
  console.log(`Bundling ${names.length} benchmark(s) with Vite…`);
  await bundle();
  /** @type {Outcome[]} */
  const outcomes = [];
  for (const name of names) {
    console.log(`\n── ${name}`);
    outcomes.push(await runOne(name));
  }

  const fmt = (/** @type {number} */ n, /** @type {number} */ digits) => n.toFixed(digits);
  const rows = [
    ['benchmark', 'rows', 'baseline ms', 'ours ms', 'ratio', 'rows/s', 'result'],
    ...outcomes.map((o) => {
      const r = o.result;
      return [
        o.name,
        r ? r.rows.toLocaleString('en-US') : '-',
        r ? fmt(r.baselineMs, 1) : '-',
        r ? fmt(r.oursMs, 1) : '-',
        r ? fmt(r.ratio, 2) : '-',
        r ? Math.round(r.rowsPerSec).toLocaleString('en-US') : '-',
        verdict(o),
      ];
    }),
  ];
  console.log(`\nSummary\n${table(rows)}`);
  const failed = outcomes.filter((o) => !passed(o)).length;
  console.log(`\n${outcomes.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

let ok = false;
try {
  ok = await main();
} catch (err) {
  console.error(err);
} finally {
  cleanup();
}
process.exit(ok ? 0 : 1);
