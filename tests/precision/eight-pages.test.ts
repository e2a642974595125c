// Precision and recall of the full store (generated packs included) on eight
// real saved news pages, against a hand-checked table of every person,
// organisation, place and agreement named in their article text
// (tests/fixtures/eight-pages-gold.json: each surface form, the entity it
// names, and whether the datasets hold it). The pages are read at run time
// from the shared corpus, the way the content script reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAll, scanText } from '../../lib/factstore/scan';
import type { FactStore } from '../../lib/factstore/store';
import { article } from '../fixtures/corpus-article';
import { fullStore, ROOT } from '../fixtures/store';

interface GoldRow {
  surface: string;
  entity: string | string[];
  type: 'person' | 'organization' | 'place' | 'agreement';
  inData: boolean;
}

const gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/eight-pages-gold.json'), 'utf8')) as {
  pages: Record<string, GoldRow[]>;
};

interface Occurrence {
  start: number;
  end: number;
  row: GoldRow;
}

/** Every whole-word occurrence of each gold surface; one inside a longer one belongs to the longer. */
function occurrences(text: string, rows: readonly GoldRow[]): Occurrence[] {
  const all: Occurrence[] = [];
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const row of rows) {
    for (let i = text.indexOf(row.surface); i >= 0; i = text.indexOf(row.surface, i + 1)) {
      const end = i + row.surface.length;
      if (!isWord(text[i - 1]) && !isWord(text[end])) all.push({ start: i, end, row });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Occurrence[] = [];
  for (const o of all) {
    const last = out[out.length - 1];
    if (last && o.start < last.end) continue;
    out.push(o);
  }
  return out;
}

/** Whether entity `id` is one of the names a row accepts: one of its names or aliases is that name. */
function names(store: FactStore, id: string, row: GoldRow): boolean {
  // A name the data does not hold (a photographer who shares a mayor's name) is never linked right.
  if (!row.inData) return false;
  const wanted = Array.isArray(row.entity) ? row.entity : [row.entity];
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const name = store.info(id)?.name ?? '';
  return wanted.some(
    (w) => fold(w) === fold(name) || findAll(store, w).some((c) => c.aliases.some((a) => a.entityId === id)),
  );
}

interface Tally {
  linked: number;
  right: number;
  known: number;
  found: number;
}

function evaluate(store: FactStore) {
  const byType = new Map<string, Tally>();
  const tally = (type: string) => {
    const t = byType.get(type) ?? { linked: 0, right: 0, known: 0, found: 0 };
    byType.set(type, t);
    return t;
  };
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const [page, rows] of Object.entries(gold.pages)) {
    const { text, lang, date } = article(page);
    const mentions = scanText(store, text, { lang, date });
    const occ = occurrences(text, rows);
    const overlapping = (s: number, e: number) => occ.find((o) => o.start < e && s < o.end);
    for (const m of mentions) {
      const o = overlapping(m.start, m.end);
      const type = o?.row.type ?? store.info(m.entityId)?.type ?? 'other';
      const t = tally(type);
      t.linked++;
      if (o && names(store, m.entityId, o.row)) t.right++;
      else {
        const context = text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ');
        wrong.push(
          `${page}: “${m.text}” → ${store.info(m.entityId)?.name} (${m.entityId})${o ? `, should be ${JSON.stringify(o.row.entity)}` : ', not a name in the table'} — …${context}…`,
        );
      }
    }
    for (const o of occ) {
      if (!o.row.inData) continue;
      const t = tally(o.row.type);
      t.known++;
      const hit = mentions.find((m) => m.start < o.end && o.start < m.end && names(store, m.entityId, o.row));
      if (hit) t.found++;
      else missed.push(`${page}: “${o.row.surface}” (${JSON.stringify(o.row.entity)}, ${o.row.type})`);
    }
  }
  const total = [...byType.values()].reduce(
    (s, t) => ({
      linked: s.linked + t.linked,
      right: s.right + t.right,
      known: s.known + t.known,
      found: s.found + t.found,
    }),
    { linked: 0, right: 0, known: 0, found: 0 },
  );
  return { byType, total, wrong, missed };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

// The targets: a precision of at least 0.97 (issue #12) and 0.98 (issue #13), a recall of
// at least 0.90 (#12). Reached on 2026-11-29: precision 0.990, recall 0.912. (A link to an
// entity the data does not hold, such as a photographer who shares a mayor's name, counts as
// false: until then such a link counted as right when the names matched, and precision read
// 1.000.) Most misses left are names the data does not give in that form ("Facebook" for
// Meta Platforms, "Tuva" for the Tyva Republic, "Katmandou", "the Fed", "SpaceX"); issue
// #13's recall of 0.95 is not reached (see the note on the issue).
const PRECISION = 0.98;
const RECALL_FLOOR = 0.9;

// Building the full store (126,000 entities) takes seconds, more on a busy machine.
describe('the full store on eight real news pages, against the hand-checked table', { timeout: 120_000 }, () => {
  it(`links at a precision of at least ${PRECISION} and finds at least ${RECALL_FLOOR} of the mentions the data holds`, () => {
    const store = fullStore();
    const { byType, total, wrong, missed } = evaluate(store);
    const lines = [...byType].map(
      ([type, t]) =>
        `  ${type.padEnd(13)} precision ${ratio(t.right, t.linked).toFixed(3)} (${t.right}/${t.linked})  recall ${ratio(t.found, t.known).toFixed(3)} (${t.found}/${t.known})`,
    );
    console.log(
      [
        `eight pages, ${store.size.toLocaleString('en')} entities:`,
        ...lines,
        `  all           precision ${ratio(total.right, total.linked).toFixed(3)} (${total.right}/${total.linked})  recall ${ratio(total.found, total.known).toFixed(3)} (${total.found}/${total.known})`,
        `false links (${wrong.length}):`,
        ...wrong.map((w) => `  ${w}`),
        `misses (${missed.length}):`,
        ...missed.map((m) => `  ${m}`),
      ].join('\n'),
    );
    expect(ratio(total.right, total.linked)).toBeGreaterThanOrEqual(PRECISION);
    expect(ratio(total.found, total.known)).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});
