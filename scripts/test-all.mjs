// `npm test`: everything, in order: format, lint, typecheck, unit tests, both
// browser builds zipped for the stores, the e2e builds, and the end-to-end tests in Chromium, then in
// Firefox.
// Stops at the first failure and prints a summary with the runners' counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './run.mjs';

const OUT = join(ROOT, 'test-output');
const steps = [
  ['format', 'biome', ['format', '.']],
  ['lint', 'biome', ['check', '.']],
  // The types of the interface's messages come from locales/en.yml (@wxt-dev/i18n writes them into .wxt/).
  ['prepare', 'wxt', ['prepare']],
  ['typecheck', 'tsc', ['--noEmit']],
  // The generated packs, from ../shared/data (or BACKSTORY_DATA), unless they are up to date.
  ['packs', 'vite-node', ['scripts/packs-build.ts', '--if-needed']],
  [
    'unit tests',
    'vitest',
    [
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(OUT, 'unit.json')}`,
    ],
  ],
  // The shipped builds, zipped as the stores take them (the Firefox one with the sources zip AMO asks for).
  ['zip chrome', 'wxt', ['zip']],
  ['zip firefox', 'wxt', ['zip', '-b', 'firefox']],
  // Zero errors and zero warnings (unsafe assignments, eval, remote scripts among them).
  ['lint firefox', 'addons-linter', ['--warnings-as-errors', '.output/firefox-mv3']],
  ['build e2e', 'wxt', ['build', '--mode', 'e2e']],
  [
    'e2e tests',
    'vitest',
    ['run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${join(OUT, 'e2e.json')}`],
  ],
  // The reader's core journeys in Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH).
  ['build e2e firefox', 'wxt', ['build', '-b', 'firefox', '--mode', 'e2e']],
  [
    'e2e firefox',
    'vitest',
    [
      'run',
      '--project',
      'e2e-firefox',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(OUT, 'e2e-firefox.json')}`,
    ],
  ],
];

/** The runners' JSON reports, by step. */
const REPORTS = { 'unit tests': 'unit.json', 'e2e tests': 'e2e.json', 'e2e firefox': 'e2e-firefox.json' };

const totals = { passed: 0, failed: 0, skipped: 0 };

function counts(file) {
  try {
    const r = JSON.parse(readFileSync(join(OUT, file), 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += skipped;
    return `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
  } catch {
    return '';
  }
}

const summary = [];
let failed = false;
for (const [name, command, args] of steps) {
  console.log(
    `\n▶ ${name}: ${command} ${args.filter((a) => !a.startsWith('--reporter') && !a.startsWith('--outputFile')).join(' ')}`,
  );
  const started = Date.now();
  const { code } = await run(command, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const detail = REPORTS[name] ? counts(REPORTS[name]) : '';
  summary.push(`${code === 0 ? '✔' : '✘'} ${name.padEnd(17)} ${seconds.padStart(6)} s  ${detail}`);
  if (code !== 0) {
    failed = true;
    break;
  }
}
console.log(`\n${'─'.repeat(60)}\n${summary.join('\n')}\n${'─'.repeat(60)}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
console.log(failed ? 'npm test: FAILED' : 'npm test: all passed');
process.exit(failed ? 1 : 0);
