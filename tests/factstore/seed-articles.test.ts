import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/scan';
import { listSeeds } from '../../scripts/seed-pages.mjs';
import expected from '../fixtures/seed-mentions.json';
import { fullStore, SEEDS_DIR } from '../fixtures/store';

// The seed articles are read from ../shared/seeds at test time; the fixture
// holds only offsets, names and entity ids: every name a careful reader would
// link, checked by hand, including the traps (surnames, demonyms, "the pact"
// of 2023 against the 2025 memorandum, Washington the city or the government).

type Row = [start: number, end: number, text: string, entityId: string];
const table = expected as unknown as Record<string, Row[]>;
// The store the extension ships: the seed articles stay exact with a hundred thousand more entries.
const store = fullStore();
const seeds = listSeeds(SEEDS_DIR);
const read = (name: string) => {
  const seed = seeds.find((s) => s.name === name);
  if (!seed) throw new Error(`seed ${name} missing from ${SEEDS_DIR}`);
  return readFileSync(seed.path, 'utf8');
};

/** Precision and recall of found mentions against the expected table (span and entity must both match). */
function score(found: Row[], want: Row[]) {
  const key = (r: Row) => `${r[0]}:${r[1]}:${r[3]}`;
  const wanted = new Set(want.map(key));
  const got = new Set(found.map(key));
  const right = [...got].filter((k) => wanted.has(k)).length;
  return { precision: got.size ? right / got.size : 1, recall: wanted.size ? right / wanted.size : 1 };
}

describe('the seed articles against the expected-mention table', () => {
  it('has a table for every seed', () => {
    expect(Object.keys(table).sort()).toEqual(seeds.map((s) => s.name).sort());
  });

  it.each(Object.keys(table))('finds and links every mention in seed %s, and nothing else', (name) => {
    const text = read(name);
    const found = scanText(store, text, { lang: 'en' }).map((m): Row => [m.start, m.end, m.text, m.entityId]);
    const want = table[name] as Row[];
    for (const [start, end, surface] of want) expect(text.slice(start, end)).toBe(surface);
    const { precision, recall } = score(found, want);
    console.info(
      `seed ${name}: ${want.length} expected mentions, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(found).toEqual(want);
  });

  it('gives every mention a reason naming the words on the page', () => {
    for (const s of seeds) {
      for (const m of scanText(store, read(s.name), { lang: 'en' }))
        expect('text' in m.reason && m.reason.text.includes(m.text)).toBe(true);
    }
  });
});

describe('the traps in the seed articles', () => {
  const text = read(seeds.find((s) => s.name.startsWith('000'))?.name ?? '');
  const mentions = scanText(store, text, { lang: 'en' });
  /** The mention covering the `nth` occurrence of `needle` after `anchor`. */
  const at = (needle: string, anchor = '', nth = 0) => {
    let i = text.indexOf(anchor);
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, k === 0 ? i : i + 1);
    return mentions.find((m) => m.start <= i && i < m.end);
  };

  it('links the surname "Larijani" after "Ali Larijani" to him', () => {
    expect(at('Larijani said')).toMatchObject({
      entityId: 'ali-larijani',
      reason: { why: 'after', text: 'Larijani', name: 'Ali Larijani' },
    });
  });

  it('links "Bruce" after "Tammy Bruce" to her', () => {
    expect(at('Bruce stated')).toMatchObject({ entityId: 'tammy-bruce' });
  });

  it('links the demonyms "Iraqi" and "Iranian" to their countries', () => {
    expect(at('Iraqi President')?.entityId).toBe('iraq');
    expect(at('Iranian satellite')?.entityId).toBe('iran');
  });

  it('links "In March 2023 … a security pact" to the 2023 agreement', () => {
    expect(at('security pact')).toMatchObject({ entityId: 'pact-2023', reason: { why: 'agreementYear', year: 2023 } });
  });

  it('links "a newly signed border security agreement" to the 2025 memorandum', () => {
    expect(at('border security agreement')?.entityId).toBe('mou-2025');
  });

  it('links "MoU" and "memorandum of understanding" to the 2025 memorandum', () => {
    expect(at('MoU')?.entityId).toBe('mou-2025');
    expect(at('memorandum of understanding')?.entityId).toBe('mou-2025');
  });

  it('reads "Washington has opposed the agreement" as the US government, and "embassy in Washington" as the city', () => {
    expect(at('Washington has opposed')).toMatchObject({
      entityId: 'united-states',
      reason: { why: 'actsAsGovernment' },
    });
    expect(at('Washington issued')).toMatchObject({
      entityId: 'washington',
      reason: { why: 'place', text: 'in Washington' },
    });
  });

  it('links nothing outside the store: no "Kurdish", "Shiite", "State" or "Comments"', () => {
    const linked = new Set(mentions.map((m) => m.text));
    for (const word of ['Kurdish', 'Shiite', 'Comments', 'Monday', 'Tuesday']) expect(linked.has(word)).toBe(false);
  });
});
