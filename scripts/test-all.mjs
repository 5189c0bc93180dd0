#!/usr/bin/env node
// `npm test`: every check in one run — the check gate (svelte-check, eslint, prettier), unit tests,
// the production and single-file builds and the end-to-end suite in headless Chromium — ending
// with one plain line `N passed, N failed` that counts every check and test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const lines = [];
mkdirSync('test-results', { recursive: true });

/** @param {string} label @param {string} command @param {string[]} args */
function run(label, command, args) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return child.status === 0;
}

/** @param {string} label @param {string} command @param {string[]} args */
function step(label, command, args) {
  const ok = run(label, command, args);
  if (ok) results.passed += 1;
  else results.failed += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  return ok;
}

/** @param {string} path @returns {any} */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Check gate, one count per tool so a reader sees which one failed.
step('svelte-check (types)', 'npx', [
  'svelte-check',
  '--tsconfig',
  './tsconfig.json',
  '--fail-on-warnings',
]);
step('eslint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('prettier', 'npx', ['prettier', '--check', '.']);

// 2. Unit and DB tests (Vitest on fake-indexeddb).
rmSync('test-results/unit.json', { force: true });
const unitOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
  lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
  if (!unitOk && unit.numFailedTests === 0) {
    results.failed += 1; // e.g. a suite that failed to load
    lines.push('FAIL unit suite did not load');
  }
} else {
  results.failed += 1;
  lines.push('FAIL unit tests produced no report');
}

// 3. End to end against the production build and the single-file build (dist-single/keyplan.html,
// removed first so that a failed build cannot leave an old file for the tests to pass on).
const built = step('build', 'npx', ['vite', 'build']);
rmSync('dist-single', { recursive: true, force: true });
step('build single file', 'npx', ['vite', 'build', '--mode', 'single']);
if (built) {
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('end-to-end (Chromium)', 'npx', ['playwright', 'test']);
  const e2e = existsSync('test-results/e2e.json') ? readJson('test-results/e2e.json') : null;
  if (e2e?.stats) {
    const passed = e2e.stats.expected ?? 0;
    const failed = (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    results.passed += passed;
    results.failed += failed;
    lines.push(`e2e: ${passed} passed, ${failed} failed`);
    if (!e2eOk && failed === 0) {
      results.failed += 1;
      lines.push('FAIL e2e run errored');
    }
  } else {
    results.failed += 1;
    lines.push('FAIL e2e produced no report');
  }
}

console.log('\n── summary');
for (const line of lines) console.log(line);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
