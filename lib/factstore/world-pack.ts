import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';
import { iso6393To2B } from 'iso-639-3/iso6393-to-2b.js';
import type { Alias, Entity, Pack } from './schema';

/** The fields of a `world-countries` record that the world pack uses. */
export interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  cca3: string;
  independent?: boolean | null;
  unMember?: boolean;
  capital?: string[];
  subregion?: string;
  region?: string;
  altSpellings?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  translations?: Record<string, { official: string; common: string }>;
}

// world-countries keys languages by ISO 639-3 (and Persian once by its ISO 639-2/B code, "per");
// pages declare BCP 47, which uses ISO 639-1 where one exists.
const fromBibliographic = new Map(Object.entries(iso6393To2B).map(([three, b]) => [b, three]));

/** A language tag for a world-countries language key. */
export function languageTag(iso639_3: string): string {
  return iso6393To1[iso639_3] ?? iso6393To1[fromBibliographic.get(iso639_3) ?? ''] ?? iso639_3;
}

/** The plural of an English or French demonym, or undefined when it is its own plural. */
export function pluralOf(demonym: string | undefined): string | undefined {
  if (!demonym || /(s|x|z|sh|ch|ese)$/i.test(demonym)) return undefined;
  return `${demonym}s`;
}

/** A stable id from a name: "United States" → "united-states", "Côte d'Ivoire" → "cote-d-ivoire". */
export function slugId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const WORLD_SOURCE_ID = 'world-countries';

/**
 * Countries (ISO 3166 alpha-3) whose capital the CIA World Factbook writes
 * with a note, with kinds of capital ("Porto-Novo (constitutional capital);
 * Cotonou (seat of government)"), or not at all: the world pack names no
 * capital for them, and the generated countries pack gives the Factbook's, in
 * its words, with its note (issue #17). The pack builder fails if the
 * Factbook qualifies a capital of a country missing here.
 */
export const CAPITAL_FROM_FACTBOOK: ReadonlySet<string> = new Set([
  // a note on the capital
  'ASM',
  'AZE',
  'BDI',
  'BOL',
  'FSM',
  'HND',
  'IDN',
  'ISR',
  'KAZ',
  'KOR',
  'MDA',
  'MHL',
  'MNE',
  'MSR',
  'MYS',
  'NLD',
  'TKL',
  'TUV',
  // kinds of capital, or a note in the capital's name
  'BEN',
  'CHL',
  'CIV',
  'GNQ',
  'LKA',
  'MMR',
  'NRU',
  'SWZ',
  'ZAF',
  // no capital in the Factbook, or statehood in dispute (below)
  'ESH',
  'PSE',
  'TWN',
  'UNK',
]);

/**
 * Places whose statehood is in dispute (the Factbook: "Serbia continues to
 * reject Kosovo's independence", "China considers Taiwan its 23rd province",
 * the West Bank and Gaza Strip, Western Sahara): the world pack calls them
 * neither country nor territory, and names no capital.
 */
export const STATEHOOD_IN_DISPUTE: ReadonlySet<string> = new Set(['ESH', 'PSE', 'TWN', 'UNK']);

/**
 * Official names the Factbook disputes or does not give (Afghanistan's
 * "current country name disputed"; Western Sahara's "Sahrawi Arab Democratic
 * Republic" is the name of the state some recognize, not of the territory):
 * left to the generated countries pack.
 */
export const OFFICIAL_NAME_IN_DISPUTE: ReadonlySet<string> = new Set(['AFG', 'ESH']);

/**
 * The world pack: every country and territory in `world-countries`, with its
 * common and official names (in English, in its own languages, and in the
 * package's translations, each tagged with its language), English demonyms,
 * region and capital (except where the Factbook qualifies or disputes it:
 * `CAPITAL_FROM_FACTBOOK`). Ids are slugs of the common name ("iran"), so hand-written
 * packs that use the same id enrich the generated entry (see `merge.ts`).
 */
export function worldPack(countries: readonly WorldCountry[], packageVersion: string): Pack {
  const entities: Entity[] = countries.map((c) => {
    const aliases: Alias[] = [];
    // The same spelling can be a name in several languages ("Island" in
    // Czech, German and Swedish): keep one alias per language.
    const seen = new Set<string>([`${c.name.common}|`]);
    const add = (text: string | undefined, extra: Omit<Alias, 'text'> = {}) => {
      const t = text?.trim();
      const key = `${t}|${extra.lang ?? ''}`;
      // (A spelling kept for every language needs no copy for one.)
      if (!t || t === c.name.common || seen.has(key) || seen.has(`${t}|`)) return;
      seen.add(key);
      aliases.push({ text: t, ...extra });
    };
    add(c.name.official);
    // Alternative spellings carry no language: keep only the multi-word ones
    // ("Republic of Iceland"); the single words are codes ("IS") or foreign
    // names ("Island") that would be read as English words, except the
    // country's own name in its own language, which English writes too
    // ("Aotearoa", "Éire", "Suomi"; not Iceland's "Island", which is German).
    const ownNames = new Set(Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]));
    for (const spelling of c.altSpellings ?? [])
      if (/\s/.test(spelling.trim()) || ownNames.has(spelling.trim())) add(spelling);
    for (const [code, d] of Object.entries(c.demonyms ?? {})) {
      const lang = languageTag(code);
      const tag = lang === 'en' ? {} : { lang };
      for (const form of new Set([d.m, d.f])) {
        add(form, { kind: 'demonym', ...tag });
        // Plurals: "Americans", "Israelis", "New Zealanders"; French "Allemands", "Françaises".
        // Forms that do not take an -s ("British", "Chinese", "Français") stay as they are.
        const plural = lang === 'en' || lang === 'fr' ? pluralOf(form) : undefined;
        if (plural) add(plural, { kind: 'demonym', ...tag });
        // French writes the adjective in lower case: "les ressortissants français", "allemands".
        if (lang === 'fr') {
          add(form.toLowerCase(), { kind: 'demonym', ...tag });
          if (plural) add(plural.toLowerCase(), { kind: 'demonym', ...tag });
        }
      }
    }
    for (const [code, n] of Object.entries(c.name.native ?? {})) {
      const lang = languageTag(code);
      add(n.official, { lang });
      // Some records give the first word of the official name as the common
      // name ("Republic" for Iraq in Sorani): not a name on its own.
      if (n.common !== n.official.split(/\s+/)[0]) add(n.common, { lang });
    }
    for (const [code, n] of Object.entries(c.translations ?? {})) {
      const lang = languageTag(code);
      add(n.common, { lang });
      add(n.official, { lang });
    }
    const capitals = CAPITAL_FROM_FACTBOOK.has(c.cca3) ? [] : (c.capital?.filter(Boolean) ?? []);
    const where = c.subregion || c.region || 'the world';
    const what = c.independent === false ? 'Territory' : 'Country';
    const lead = STATEHOOD_IN_DISPUTE.has(c.cca3) ? where : `${what} in ${where}`;
    const description = capitals.length > 0 ? `${lead}; capital ${capitals.join(', ')}.` : `${lead}.`;
    const facts: Entity['facts'] = [];
    if (!OFFICIAL_NAME_IN_DISPUTE.has(c.cca3))
      facts.push({ label: 'Official name', value: c.name.official, source: WORLD_SOURCE_ID });
    // The region the description names ("Country in Western Asia").
    facts.push({ label: 'Region', value: where, source: WORLD_SOURCE_ID });
    if (capitals.length > 0) {
      facts.push({
        label: capitals.length > 1 ? 'Capitals' : 'Capital',
        value: capitals.join(', '),
        source: WORLD_SOURCE_ID,
      });
    }
    if (c.unMember) facts.push({ label: 'United Nations', value: 'Member state', source: WORLD_SOURCE_ID });
    return { id: slugId(c.name.common), type: 'place', name: c.name.common, aliases, description, facts };
  });
  return {
    id: 'world',
    name: 'Countries of the world',
    version: packageVersion,
    license: 'ODbL-1.0 (world-countries data)',
    sources: [
      {
        id: WORLD_SOURCE_ID,
        outlet: 'world-countries',
        title: `world-countries ${packageVersion}`,
        url: 'https://github.com/mledoze/countries',
        note: 'Generated at build time from the world-countries npm package.',
      },
    ],
    entities,
    coverage: [],
  };
}
