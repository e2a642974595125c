// `npm run bench:store`: how fast the background's fact store is ready.
//  1. In Node: JSON.parse + loadCompiledStore of the compiled artifact (the
//     work the service worker does at start), against building the store from
//     the raw packs (what it would do without the compile step).
//  2. In Chromium: cold starts of the built extension's service worker, as the
//     worker itself measures them (performance.now() when the store is ready).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledPacks, ROOT } from '../build/packs';
import { compileStore, createFactStore, loadCompiledStore } from '../lib/factstore/store';
import { aliasCount } from '../lib/match/alias-index';
import { findChromium, launchWithExtension } from '../scripts/chromium.mjs';
import { run } from '../scripts/run.mjs';
import { machine, ms, summarize } from './stats';

const RUNS = 21;
const COLD_STARTS = 15;

console.log(`Backstory store-load benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(await machine());

const packs = loadBundledPacks();
const t0 = performance.now();
const compiled = compileStore(packs);
const compileMs = performance.now() - t0;
const artifact = JSON.stringify(compiled.meta);
const store = loadCompiledStore(JSON.parse(artifact), compiled.index);
console.log(
  `\nBundled packs: ${packs.map((p) => p.id).join(', ')}; ${store.entities.size} entities, ${aliasCount(store.index)} names and aliases`,
);
console.log(
  `Artifact: ${(artifact.length / 1024).toFixed(0)} KiB of JSON + ${(compiled.index.byteLength / 1024).toFixed(0)} KiB index; compiled at build time in ${ms(compileMs)}`,
);

const load: number[] = [];
const raw: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let a = performance.now();
  loadCompiledStore(JSON.parse(artifact), compiled.index);
  load.push(performance.now() - a);
  a = performance.now();
  createFactStore(packs);
  raw.push(performance.now() - a);
}
const l = summarize(load);
const r = summarize(raw);
console.log(`\nNode, ${RUNS} runs, side by side:`);
console.log(`  compiled artifact: JSON.parse + load   median ${ms(l.median)}  p95 ${ms(l.p95)}  max ${ms(l.max)}`);
console.log(`  raw packs: merge + build index         median ${ms(r.median)}  p95 ${ms(r.p95)}  max ${ms(r.max)}`);
console.log(`  ratio raw / compiled (median)          ${(r.median / l.median).toFixed(1)}×`);

const chromium = findChromium();
if ('error' in chromium) {
  console.log(`\nChromium: skipped (${chromium.error})`);
} else {
  const dir = join(ROOT, '.output/chrome-mv3-e2e');
  if (!existsSync(join(dir, 'manifest.json'))) await run('wxt', ['build', '--mode', 'e2e'], { quiet: true });
  const launched = await launchWithExtension({ extensionDir: dir, executablePath: chromium.path });
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
  const cdp = await launched.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stats = () =>
    page.evaluate(() => {
      const ext = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return ext.chrome.runtime.sendMessage({ type: 'stats' });
    }) as Promise<{ bundledReadyMs: number; readyMs: number }>;
  const first = await stats();
  const bundled: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    // Stop the worker as the browser does when it is idle; the next message starts it cold.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 200));
    const s = await stats();
    bundled.push(s.bundledReadyMs);
    ready.push(s.readyMs);
  }
  await launched.context.close();
  const b = summarize(bundled);
  const rd = summarize(ready);
  console.log(`\nChromium (${chromium.path}), service worker stopped and woken by a message ${COLD_STARTS} times;`);
  console.log("milliseconds from the worker's start (its own performance.now()):");
  console.log(`  bundled store ready                    median ${ms(b.median)}  p95 ${ms(b.p95)}  max ${ms(b.max)}`);
  console.log(`  + reader packs checked (none stored)   median ${ms(rd.median)}  p95 ${ms(rd.p95)}  max ${ms(rd.max)}`);
  console.log(`  first start after the browser launched: ${ms(first.bundledReadyMs)} (browser start-up included)`);
}
