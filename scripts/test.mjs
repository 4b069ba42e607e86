#!/usr/bin/env node
// Runs every suite (type-check, lint, format, import rules, unit, e2e) and ends with one line: "N passed, N failed".
// Installs Debian's chromium (and a CJK font for the Chinese UI) and python3-torch (the PyTorch
// export tests) when missing and running as root.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.test-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const tally = { passed: 0, failed: 0 };
const failures = [];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

function count(name, ok) {
  tally[ok ? 'passed' : 'failed']++;
  if (!ok) failures.push(name);
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const fontMissing = spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .']).status !== 0;
  if (existsSync(path) && !fontMissing) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    if (existsSync(path)) return true;
    console.error(
      `\nChromium is missing at ${path}. Install Debian's package with\n  sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium binary. No test downloads a browser.`,
    );
    return false;
  }
  const packages = ['chromium', 'fonts-wqy-zenhei'];
  console.log(`\nInstalling ${packages.join(', ')} with apt-get ...`);
  const ok = run('sh', [
    '-c',
    `(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
  ]);
  if (!existsSync(path)) {
    console.error(
      `\napt-get could not install chromium (${ok ? 'no binary at ' + path : 'apt-get failed'}). Install the Debian package "chromium" or set CHROMIUM_PATH.`,
    );
    return false;
  }
  return true;
}

/** Counts from Vitest's JSON report; a crashed run counts as one failure. */
function unitTests() {
  const report = join(out, 'vitest.json');
  const ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) return count('unit tests (no report)', false);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  tally.passed += json.numPassedTests;
  tally.failed += json.numFailedTests;
  for (const file of json.testResults ?? []) {
    for (const t of file.assertionResults ?? []) if (t.status === 'failed') failures.push(`unit: ${t.fullName}`);
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) count(`unit file ${file.name}`, false);
  }
  if (!ok && json.numFailedTests === 0) count('unit run', false);
}

/** Counts from Playwright's JSON report. */
function e2eTests(browserReady) {
  if (!browserReady) return count('e2e (no browser)', false);
  if (!run('npm', ['run', 'build'])) return count('e2e (next build failed)', false);
  const report = join(out, 'playwright.json');
  const ok = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON: report, CI: process.env.CI ?? '1' });
  if (!existsSync(report)) return count('e2e (no report)', false);
  const stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
  tally.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  tally.failed += stats.unexpected ?? 0;
  if (stats.unexpected) failures.push(`e2e: ${stats.unexpected} failed`);
  if (!ok && !stats.unexpected) count('e2e run', false);
}

/**
 * Debian's PyTorch, matplotlib and nbformat for the export tests (GANVAS_PYTHON points them at it). Without
 * root or apt they skip with a printed reason instead of failing.
 */
function ensureTorch() {
  const python = process.env.GANVAS_PYTHON ?? '/usr/bin/python3';
  const imports = (modules) => spawnSync(python, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
  if (imports('torch, matplotlib, nbformat')) return python;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.log(
      '\nInstalling python3-torch, python3-matplotlib and python3-nbformat with apt-get (the PyTorch and notebook export tests need them) ...',
    );
    run('sh', [
      '-c',
      '(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-matplotlib python3-nbformat',
    ]);
  }
  // Without matplotlib the notebook runs skip, without nbformat the schema check.
  if (imports('torch')) return python;
  console.warn('\npython3-torch is not installed and could not be (needs root and apt); the PyTorch export tests will be skipped.');
  return undefined;
}

const browserReady = ensureChromium();
const torchPython = ensureTorch();
if (torchPython) env.GANVAS_PYTHON = torchPython;
count('typecheck (tsc --noEmit)', run('npx', ['tsc', '--noEmit']));
count('lint (eslint)', run('npx', ['eslint', '.', '--max-warnings=0']));
count('format (prettier --check)', run('npx', ['prettier', '--check', '.']));
count('export templates (lib/export/templates.generated.ts up to date)', run('node', ['scripts/export-templates.mjs', '--check']));
count(
  'import rules (depcruise, .dependency-cruiser.cjs)',
  run('npx', ['depcruise', 'lib', 'components', 'app', '--config', '.dependency-cruiser.cjs']),
);
unitTests();
e2eTests(browserReady);

if (failures.length) console.log(`\nFailed:\n  ${failures.join('\n  ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed ? 1 : 0);
