// `npm run bench:store`: how fast the background's fact store is ready, and a card's data.
//  1. In Node: the compiled artifact of the full store (sizes), loading it from
//     its bytes (what the service worker does at start), and a card read from
//     a shard not yet loaded.
//  2. In Chromium, the built extension (and, side by side in the same run, an
//     older build given as BACKSTORY_BASELINE=DIR, the two browsers open at
//     once and taking turns, cold start by cold start): the service worker stopped
//     and woken by a scan of a seed article (as a page sends it, every other
//     time with the page's language, as most news pages declare it): the store
//     ready, as the worker itself measures it, and the scan answered, as the
//     page measures it (costs left for the first scan that needs them, the
//     agreements' clues and, on a page with no language, the language
//     detector's tables, are in it); a card asked for right after, its shard
//     not loaded; the worker's heap after a GC.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { loadBundledPacks, ROOT } from '../build/packs';
import { entityCard } from '../lib/factstore/card';
import { compileStore } from '../lib/factstore/compile';
import type { Shard } from '../lib/factstore/shards';
import { loadStoreFile, packStoreFile } from '../lib/factstore/store-file';
import { aliasCount } from '../lib/match/alias-index';
import { findChromium, launchWithExtension } from '../scripts/chromium.mjs';
import { run } from '../scripts/run.mjs';
import { machine, ms, summarize } from './stats';

const RUNS = 21;
const COLD_STARTS = 15;

console.log(`Backstory store-load benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(await machine());

const packs = loadBundledPacks();
let t0 = performance.now();
const compiled = compileStore(packs);
const compileMs = performance.now() - t0;
const metaJson = JSON.stringify(compiled.meta);
const shardJson = compiled.shards.map((s) => JSON.stringify(s));
const shardBytes = shardJson.map((s) => Buffer.byteLength(s));
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
// What the background reads at start: the one store file.
const file = packStoreFile(compiled);
const load = () => {
  const copy = file.slice().buffer;
  return loadStoreFile(copy, async (n) => JSON.parse(shardJson[n] as string) as Shard);
};
const store = load();
console.log(
  `\nBundled packs: ${packs.length}; ${store.size.toLocaleString('en')} entities, ${aliasCount(store.index).toLocaleString('en')} names and aliases`,
);
console.log(
  `Artifact: store.bin ${mb(file.byteLength)} (meta ${mb(metaJson.length)}, index ${mb(compiled.index.byteLength)}, table ${mb(compiled.table.byteLength)}, ids ${mb(Buffer.byteLength(compiled.ids))}, names ${mb(compiled.names.byteLength)}, filters ${mb(compiled.filters.byteLength)}); ${compiled.shards.length} card shards, ${mb(shardBytes.reduce((a, b) => a + b, 0))} (median ${(summarize(shardBytes).median / 1e3).toFixed(0)} kB); compiled at build time in ${(compileMs / 1000).toFixed(1)} s`,
);

const loads: number[] = [];
for (let i = 0; i < RUNS; i++) {
  t0 = performance.now();
  load();
  loads.push(performance.now() - t0);
}
// A card whose shard is not loaded yet: a fresh store each time, a different shard each time.
const cards: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const fresh = load();
  const n = Math.floor(((i + 0.5) / RUNS) * compiled.meta.entities);
  const id = compiled.shards[Math.floor(n / 256)]?.entities[n % 256]?.id as string;
  t0 = performance.now();
  await entityCard(fresh, id);
  cards.push(performance.now() - t0);
}
const l = summarize(loads);
const c = summarize(cards);
console.log(`\nNode, ${RUNS} runs:`);
console.log(
  `  load the store from its file (meta JSON, views, ids)    median ${ms(l.median)}  p95 ${ms(l.p95)}  max ${ms(l.max)}`,
);
console.log(
  `  a card, its shard parsed first                           median ${ms(c.median)}  p95 ${ms(c.p95)}  max ${ms(c.max)}`,
);

/** The article a cold start's waking scan reads (the first seed: an agreement, its signatories, no page language). */
const SEED = readFileSync(join(ROOT, '../shared/seeds/000_924740626898066f.txt'), 'utf8');

interface Measured {
  label: string;
  ready: number[];
  /** The waking scan's round trip: [with the page's language, without]. */
  scan: [number[], number[]];
  mentions: number;
  stages: Record<string, number>[];
  card: number[];
  heapMb: number[];
  entities: number;
}

/**
 * A browser with the build `dir` loaded, ready for cold starts: `coldStart(i)`
 * stops its worker, wakes it with a scan and records what it measures.
 */
async function open(label: string, dir: string, executablePath: string) {
  const launched = await launchWithExtension({ extensionDir: dir, executablePath });
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
  const cdp = await launched.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const send = (message: unknown) =>
    page.evaluate(async (m) => {
      const ext = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      const t = performance.now();
      const answer = await ext.chrome.runtime.sendMessage(m);
      return { answer, ms: performance.now() - t };
    }, message) as Promise<{ answer: unknown; ms: number }>;
  // Entities to ask cards for, spread over the store: from the build's own files.
  const ids = existsSync(join(dir, 'store/store.bin'))
    ? (() => {
        const meta = { shards: readdirSync(join(dir, 'store/cards')).length };
        const shards = Array.from({ length: COLD_STARTS }, (_, i) =>
          Math.floor(((i + 0.5) / COLD_STARTS) * meta.shards),
        );
        return shards.map(
          (s) =>
            (JSON.parse(readFileSync(join(dir, `store/cards/${s}.json`), 'utf8')) as Shard).entities[0]?.id as string,
        );
      })()
    : Array.from({ length: COLD_STARTS }, () => 'ali-larijani');
  const browserCdp: CDPSession = (await launched.context.browser()?.newBrowserCDPSession()) as CDPSession;
  // The worker's heap after a garbage collection, through the DevTools protocol (the worker's own target).
  const heap = async (): Promise<number> => {
    const { targetInfos } = (await browserCdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(launched.extensionId));
    if (!sw) return Number.NaN;
    const { sessionId } = (await browserCdp.send('Target.attachToTarget', {
      targetId: sw.targetId,
      flatten: false,
    })) as {
      sessionId: string;
    };
    let next = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = next++;
        const listener = (event: { sessionId: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId === sessionId && reply.id === id) {
            browserCdp.off('Target.receivedMessageFromTarget' as never, listener as never);
            resolve(reply.result ?? {});
          }
        };
        browserCdp.on('Target.receivedMessageFromTarget' as never, listener as never);
        void browserCdp.send(
          'Target.sendMessageToTarget' as never,
          { sessionId, message: JSON.stringify({ id, method }) } as never,
        );
      });
    await call('HeapProfiler.enable');
    await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize?: number };
    await browserCdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return (usage.usedSize ?? Number.NaN) / 1e6;
  };
  const first = (await send({ type: 'stats' })).answer as { entities: number };
  const out: Measured = {
    label,
    ready: [],
    scan: [[], []],
    mentions: 0,
    stages: [],
    card: [],
    heapMb: [],
    entities: first.entities,
  };
  const coldStart = async (i: number) => {
    // Stop the worker as the browser does when it is idle; the next message starts it cold.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 200));
    const page = { type: 'scan', url: 'https://www.example.com/story', title: 'Story', text: SEED };
    const scan = await send(i % 2 === 0 ? { ...page, lang: 'en' } : page);
    out.scan[i % 2]?.push(scan.ms);
    out.mentions = (scan.answer as { mentions?: unknown[] }).mentions?.length ?? 0;
    const s = (await send({ type: 'stats' })).answer as { bundledReadyMs: number; stages?: Record<string, number> };
    out.ready.push(s.bundledReadyMs);
    if (s.stages) out.stages.push(s.stages);
    const card = await send({ type: 'card', entityId: ids[i] });
    out.card.push(card.ms);
    if (i % 5 === 4) out.heapMb.push(await heap());
  };
  return { out, coldStart, close: () => launched.context.close() };
}

const chromium = findChromium();
if ('error' in chromium) {
  console.log(`\nChromium: skipped (${chromium.error})`);
} else {
  const dir = join(ROOT, '.output/chrome-mv3-e2e');
  if (!existsSync(join(dir, 'manifest.json'))) await run('wxt', ['build', '--mode', 'e2e'], { quiet: true });
  const baseline = process.env.BACKSTORY_BASELINE;
  const builds: [string, string][] = [
    ['this build', dir],
    ...(baseline ? [['baseline', baseline] as [string, string]] : []),
  ];
  // Both browsers stay open and take turns, cold start by cold start, so that both see the
  // same load on a shared machine.
  const opened = [];
  for (const [label, d] of builds) opened.push(await open(label, d, chromium.path));
  // The first start read the extension's file and keeps a copy in IndexedDB: let it finish.
  await new Promise((r) => setTimeout(r, 2000));
  for (let i = 0; i < COLD_STARTS; i++) for (const b of opened) await b.coldStart(i);
  for (const b of opened) await b.close();
  const results: Measured[] = opened.map((b) => b.out);
  console.log(`\nChromium (${chromium.path}), service worker stopped and woken by a scan ${COLD_STARTS} times:`);
  console.log(
    "| build | entities | store ready (worker's own clock) median / p95 | waking scan answered (page's clock; mentions), median: page with lang / without | card round trip, shard not loaded, median / p95 | worker heap after GC, median |",
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const a = summarize(r.ready);
    const b = summarize(r.card);
    const [withLang, without] = r.scan.map((x) => summarize(x).median);
    const h = summarize(r.heapMb.filter((x) => !Number.isNaN(x)));
    console.log(
      `| ${r.label} | ${r.entities.toLocaleString('en')} | ${ms(a.median)} / ${ms(a.p95)} | ${ms(withLang ?? Number.NaN)} / ${ms(without ?? Number.NaN)} (${r.mentions}) | ${ms(b.median)} / ${ms(b.p95)} | ${Number.isNaN(h.median) ? 'n/a' : `${h.median.toFixed(1)} MB`} |`,
    );
  }
  for (const r of results) {
    if (r.stages.length === 0) continue;
    const step = (from: string, to: string) => summarize(r.stages.map((s) => (s[to] ?? 0) - (s[from] ?? 0))).median;
    console.log(
      `${r.label}, median of each step: worker start → background runs ${ms(summarize(r.stages.map((s) => s.begin ?? 0)).median)}, ${
        r.stages.every((s) => s.found !== undefined)
          ? `find the copy (build id, IndexedDB) ${ms(step('begin', 'found'))}, read it ${ms(step('found', 'fetched'))}`
          : `fetch the files ${ms(step('begin', 'fetched'))}`
      }, load ${ms(step('fetched', 'loaded'))}, prepare the matcher ${ms(step('loaded', 'prepared'))}`,
    );
  }
}
