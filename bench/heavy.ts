// `npm run bench:heavy`: the heavy pages of issue #8, side by side in one run:
// the same Chromium with Backstory (the e2e build) and without any extension,
// runs alternating, on the pages of tests/fixtures/heavy-pages.ts:
// - a 5 MB article and a page of 50,000 nodes: Backstory's time from its start
//   to the whole page read and painted (its own User Timing measure), and the
//   long tasks (Long Tasks API) in the window from its start to a second after
//   it finished; the browser without Backstory is measured over the same window
//   (same offsets from navigation), so what Backstory adds is the difference;
// - a page adding 1,000 nodes a second for ten seconds: long tasks over the
//   whole ten seconds, and the page's JavaScript heap before and after;
// - total blocking time (the sum of each long task's time over 50 ms) over the
//   whole load, and the JS heap at the end, after a garbage collection (CDP
//   Performance.getMetrics, which counts the isolated world of Backstory's
//   content script too).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium as playwright } from 'playwright-core';
import { ROOT } from '../build/packs';
import { findChromium, launchWithExtension, QUIET_FLAGS } from '../scripts/chromium.mjs';
import { longTasks, paintedCount, recordLongTasks } from '../scripts/page-probes.mjs';
import { run } from '../scripts/run.mjs';
import { startServer } from '../scripts/server.mjs';
import { fiveMbArticle, growingPage, manyNodesPage } from '../tests/fixtures/heavy-pages';
import { machine, summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e');

const chrome = findChromium();
if ('error' in chrome) {
  console.error(chrome.error);
  process.exit(1);
}
console.log(`Backstory heavy-page benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(`${await machine()}, ${chrome.path}; ${RUNS} runs of each page in each browser, alternating`);
const build = await run('wxt', ['build', '--mode', 'e2e'], { quiet: true });
if (build.code !== 0) {
  console.error(build.output);
  process.exit(1);
}

const server = await startServer({
  demoDir: join(ROOT, 'assets/demo'),
  routes: { '/five-mb.html': fiveMbArticle(), '/many-nodes.html': manyNodesPage(), '/growing.html': growingPage() },
});
const withExt = (await launchWithExtension({ extensionDir: EXTENSION_DIR, executablePath: chrome.path })).context;
// The same launch (persistent profile, flags, viewport) without the extension: the only difference.
const plain = await playwright.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-plain-')), {
  executablePath: chrome.path,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [...QUIET_FLAGS, '--remote-debugging-port=0'],
});

interface Load {
  /** [start, duration] of every long task, ms from navigation start. */
  tasks: [number, number][];
  /** Backstory's `backstory-first-paint` measure: [start, duration], when it ran. */
  backstory?: [number, number];
  /** Highlights painted. */
  painted: number;
  heapMB: number;
  /** For the growing page: the heap before it grew, and when it finished growing. */
  heapBeforeMB?: number;
  doneAt?: number;
}

async function heapMB(context: BrowserContext, page: import('playwright-core').Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  // What is still held, not garbage waiting for a collection.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

async function load(context: BrowserContext, path: string, backstory: boolean): Promise<Load> {
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(server.origin + path, { timeout: 120_000 });
  let heapBeforeMB: number | undefined;
  let doneAt: number | undefined;
  if (path === '/growing.html') {
    await page.waitForTimeout(300);
    heapBeforeMB = await heapMB(context, page);
    await page.waitForFunction(() => document.body.dataset.done === '1', null, { timeout: 60_000 });
    doneAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1500);
  } else if (backstory) {
    await page.waitForFunction(() => performance.getEntriesByName('backstory-first-paint').length > 0, null, {
      timeout: 120_000,
    });
    await page.waitForTimeout(1000);
  } else {
    await page.waitForLoadState('load');
    await page.waitForTimeout(3000);
  }
  const seen = {
    tasks: await longTasks(page),
    backstory: await page.evaluate(() => {
      const [m] = performance.getEntriesByName('backstory-first-paint');
      return m ? ([m.startTime, m.duration] as [number, number]) : undefined;
    }),
    painted: await paintedCount(page),
  };
  const heap = await heapMB(context, page);
  await page.close();
  return {
    tasks: seen.tasks,
    painted: seen.painted,
    heapMB: heap,
    ...(seen.backstory ? { backstory: seen.backstory } : {}),
    ...(heapBeforeMB !== undefined ? { heapBeforeMB } : {}),
    ...(doneAt !== undefined ? { doneAt } : {}),
  };
}

const within = (tasks: [number, number][], from: number, to: number) =>
  tasks.filter(([s, d]) => s + d > from && s < to).map(([, d]) => d);
const tbt = (tasks: [number, number][]) => tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
const longest = (ds: number[]) => (ds.length ? Math.max(...ds) : 0);
const med = (xs: number[]) => summarize(xs).median;
const f0 = (x: number) => x.toFixed(0);

const PAGES = (process.env.BENCH_PAGES ?? '/five-mb.html,/many-nodes.html,/growing.html').split(',');
for (const path of PAGES) {
  const rows = { ext: [] as Load[], plain: [] as Load[] };
  for (let r = 0; r < RUNS; r++) {
    // Alternate which goes first, so drift on a shared machine falls on both.
    if (r % 2 === 0) {
      rows.ext.push(await load(withExt, path, true));
      rows.plain.push(await load(plain, path, false));
    } else {
      rows.plain.push(await load(plain, path, false));
      rows.ext.push(await load(withExt, path, true));
    }
  }
  console.log(`\n${path}`);
  // The window: Backstory's work, plus a second (the growing page: its ten seconds, plus 1.5 s).
  const windows = rows.ext.map((e): [number, number] => {
    if (e.doneAt !== undefined) return [e.backstory?.[0] ?? 0, e.doneAt + 1500];
    const [start, dur] = e.backstory ?? [0, 0];
    return [start, start + dur + 1000];
  });
  const extIn = rows.ext.map((e, i) => within(e.tasks, ...(windows[i] as [number, number])));
  const plainIn = rows.plain.map((p, i) => {
    const [from, to] = windows[i] as [number, number];
    return within(p.tasks, from, p.doneAt !== undefined ? p.doneAt + 1500 : to);
  });
  if (path !== '/growing.html') {
    const read = rows.ext.map((e) => e.backstory?.[1] ?? Number.NaN);
    const s = summarize(read);
    console.log(`  Backstory, start to whole page read and painted: median ${f0(s.median)} ms (max ${f0(s.max)})`);
  }
  console.log(`  highlights painted: ${rows.ext.map((e) => e.painted).join(', ')}`);
  const all = (xs: number[][]) => xs.flat().map((d) => Math.round(d));
  console.log(
    `  long tasks in the window, every run: with Backstory [${all(extIn).join(', ')}], without [${all(plainIn).join(', ')}]`,
  );
  console.log(
    `  longest task in the window (median of runs): with ${f0(med(extIn.map(longest)))} ms, without ${f0(med(plainIn.map(longest)))} ms`,
  );
  console.log(
    `  runs with a task of 50 ms or more in the window: with ${extIn.filter((t) => t.some((d) => d >= 50)).length}/${RUNS}, without ${plainIn.filter((t) => t.some((d) => d >= 50)).length}/${RUNS}`,
  );
  console.log(
    `  total blocking time over the whole load (median): with ${f0(med(rows.ext.map((e) => tbt(e.tasks))))} ms, without ${f0(med(rows.plain.map((p) => tbt(p.tasks))))} ms`,
  );
  console.log(
    `  JS heap at the end (median): with ${med(rows.ext.map((e) => e.heapMB)).toFixed(1)} MB, without ${med(rows.plain.map((p) => p.heapMB)).toFixed(1)} MB`,
  );
  if (path === '/growing.html') {
    const grew = (l: Load) => l.heapMB - (l.heapBeforeMB ?? 0);
    console.log(
      `  JS heap growth over the ten seconds (median): with ${med(rows.ext.map(grew)).toFixed(1)} MB, without ${med(rows.plain.map(grew)).toFixed(1)} MB`,
    );
  }
}

await withExt.close();
await plain.close();
await server.close();
