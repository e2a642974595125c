// Bodies: political parties (Party Facts), organisations (SupraVerden's
// international organisations, joined with the think tanks, NGOs and IGOs of
// the Phoenix / CAMEO actor dictionaries; the state institutions and news
// outlets of those dictionaries; the legislatures, chambers and highest
// courts of the CIA World Factbook) and listed companies (S&P 500 constituents
// with the Nasdaq and NYSE listings). CSVs are loaded, joined and cleaned in
// DuckDB; the YAML list and the Phoenix dictionaries are parsed in JS and
// loaded through NDJSON, then joined in SQL. Every fact cites the record it
// comes from; descriptions say only what the data says.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Alias, Dataset, Entity, Fact, Pack, Source } from '../../lib/factstore/schema';
import { slugId } from '../../lib/factstore/world-pack';
import { LEGAL_SUFFIX } from '../../lib/text/legal-form';
import { shareTranslations } from './body-translations';
import { type BuildContext, recordSource } from './context';
import { countryPhrase, decodeHtml, foldName, isDictionaryWord, longDate } from './names';
import { PEOPLE_DATASETS } from './people';

/** The datasets, as the options page and the card's source line name them. */
export const BODIES_DATASETS = {
  partyfacts: {
    name: 'Party Facts core parties',
    upstream: 'https://github.com/hdigital/partyfactsdata',
    snapshot: '2020-07-11',
    license: 'MIT (partyfactsdata repository)',
    attribution:
      'Party Facts authors, partyfactsdata (MIT License, © 2022 Party Facts authors): core-party table as copied for the Elections Global import. The repository imports tables from other datasets, which keep their own terms.',
    stale: 'Party Facts core table as copied in July 2020: parties founded since are missing',
  },
  partyfactsWiki: {
    name: 'Party Facts Wikipedia and Wikidata links',
    upstream: 'https://github.com/hdigital/partyfactsdata',
    snapshot: '2023-06-05',
    license: 'MIT (partyfactsdata repository); names and years extracted from Wikipedia infoboxes; Wikidata ids CC0',
    attribution:
      'Party Facts authors, partyfactsdata (MIT License): Wikipedia import (January 2022; names and founding/dissolution years extracted from Wikipedia infoboxes, Wikipedia contributors) and Wikidata links (June 2023, CC0). Imported tables keep the terms of the datasets they come from.',
    stale: 'Wikipedia import of January 2022 (Wikidata links June 2023): parties founded since are missing',
  },
  supraverden: {
    name: 'SupraVerden international organisations',
    upstream: 'https://github.com/confirmordeny/supraverden',
    snapshot: '2026-06-24',
    license: 'CC BY-SA 4.0',
    attribution:
      'SupraVerden (confirmordeny/supraverden), licensed CC BY-SA 4.0. Share-alike: packs built from it are adaptations and are shared under CC BY-SA 4.0 as well. Wikidata Q-codes in it are CC0.',
  },
  phoenix: {
    name: 'Phoenix actor dictionaries (PETRARCH2)',
    upstream: 'https://github.com/openeventdata/petrarch2',
    snapshot: '2014-06-08',
    license: 'MIT',
    attribution:
      'Phoenix/CAMEO actor dictionaries from openeventdata/petrarch2, Copyright (c) 2014 Open Event Data, MIT License; compiled by the Computational Event Data System project with funding from the US National Science Foundation.',
    stale: 'Actor dictionaries frozen in 2014',
  },
  factbook: PEOPLE_DATASETS.factbook,
  sp500: {
    name: 'S&P 500 constituents (datahub)',
    upstream: 'https://github.com/datasets/s-and-p-500-companies',
    snapshot: '2026-08-08',
    license: 'ODC-PDDL-1.0',
    attribution:
      'datasets/s-and-p-500-companies (datahub.io core datasets), Open Data Commons Public Domain Dedication and License 1.0; the list is compiled from Wikipedia\u2019s "List of S&P 500 companies".',
  },
  nasdaq: {
    name: 'Nasdaq listed symbols (datahub)',
    upstream: 'https://github.com/datasets/nasdaq-listings',
    snapshot: '2026-07-31',
    license: 'ODC-PDDL-1.0',
    attribution:
      'datasets/nasdaq-listings (datahub.io core datasets), ODC-PDDL-1.0; from the NASDAQ Trader symbol directory (see its copyright notice).',
  },
  otherListed: {
    name: 'NYSE and other listed symbols (datahub)',
    upstream: 'https://github.com/datasets/nyse-other-listings',
    snapshot: '2026-08-22',
    license: 'ODC-PDDL-1.0',
    attribution:
      'datasets/nyse-other-listings (datahub.io core datasets), ODC-PDDL-1.0; from the NASDAQ Trader symbol directory (see its copyright notice).',
  },
} satisfies Record<string, Dataset>;

const FILES = {
  partyCore: 'partyfacts/import/elecglob/partyfacts-core-parties.csv',
  partyWikipedia: 'partyfacts/import/wikipedia/wikipedia.csv',
  partyWikidata: 'partyfacts/import/wikipedia/wikidata.csv',
  supraverden: 'supraverden/data/general_list.yaml',
  phoenixInternational: 'phoenix-dictionaries/petrarch2/data/dictionaries/Phoenix.International.actors.txt',
  phoenixCountries: 'phoenix-dictionaries/petrarch2/data/dictionaries/Phoenix.Countries.actors.txt',
  sp500: 'companies/s-and-p-500-companies/data/constituents.csv',
  nasdaq: 'companies/nasdaq-listings/data/nasdaq-listed-symbols.csv',
  otherListed: 'companies/nyse-other-listings/data/other-listed.csv',
};

export async function buildBodies(ctx: BuildContext): Promise<Pack[]> {
  await defineMacros(ctx);
  const parties = await buildParties(ctx);
  const organizations = await buildOrganizations(ctx);
  // French names the Factbook gives some countries' bodies, for the same bodies of other French-speaking countries.
  const translated = shareTranslations(organizations.entities, ctx.countries.languages);
  ctx.log(`    bodies named in their country's language as other countries' same bodies are: ${translated}`);
  const companies = await buildCompanies(ctx);
  // Party Facts' abbreviations are often short codes ("UN" for a Unión
  // Nacional, "EU" for Extremadura Unida): where an international
  // organisation or a company is known by the same letters, they keep them,
  // or the UN would never be linked by "UN" again.
  const taken = new Set<string>();
  for (const e of [...organizations.entities, ...companies.entities]) {
    if (isAcronym(e.name)) taken.add(e.name);
    for (const a of e.aliases) if (!a.lang && (a.kind === 'acronym' || isAcronym(a.text))) taken.add(a.text);
  }
  // Abbreviations of one or two letters ("AP", "UP", "MS", "FG", "IP", "Sp") name a hundred things
  // besides a party: left out (a tagged one, linked only on pages of its language, stays).
  const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '').length;
  let dropped = 0;
  let tiny = 0;
  for (const e of parties.entities) {
    const before = e.aliases.length;
    e.aliases = e.aliases.filter((a) => !(a.kind === 'acronym' && taken.has(a.text)));
    dropped += before - e.aliases.length;
    const kept = e.aliases.length;
    e.aliases = e.aliases.filter(
      (a) => a.lang || !((a.kind === 'acronym' || a.kind === 'short' || isAcronym(a.text)) && letters(a.text) < 3),
    );
    tiny += kept - e.aliases.length;
  }
  ctx.log(
    `    party abbreviations left to an organisation or company of the same letters: ${dropped}; of fewer than three letters: ${tiny}`,
  );
  // A newspaper's name is the newspaper's, not its publisher's: "New York Times" links the outlet, not
  // "The New York Times Company" (whose full name stays its own).
  const outletNames = new Set(
    organizations.entities
      .filter((e) => e.type === 'outlet')
      .flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldName)),
  );
  let toOutlets = 0;
  for (const e of companies.entities) {
    const before = e.aliases.length;
    e.aliases = e.aliases.filter((a) => !outletNames.has(foldName(a.text)));
    toOutlets += before - e.aliases.length;
  }
  ctx.log(`    company aliases left to the news outlet of that name: ${toOutlets}`);
  return [parties, organizations, companies];
}

// ---------------------------------------------------------------------------
// Shared: SQL helpers, names and aliases.

async function defineMacros(ctx: BuildContext): Promise<void> {
  // The key names are compared by in SQL: lower case, no accents, words of letters and digits.
  await ctx.run(`CREATE OR REPLACE MACRO bodies_fold(s) AS
    nullif(trim(regexp_replace(lower(strip_accents(coalesce(s, ''))), '[^a-z0-9]+', ' ', 'g')), '')`);
  // The key organisation names are joined on: also without "the", spaces and
  // punctuation, with British and American spellings made one.
  await ctx.run(`CREATE OR REPLACE MACRO bodies_orgkey(s) AS
    nullif(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
      regexp_replace(lower(strip_accents(coalesce(s, ''))), '^the[^a-z0-9]+', ''),
      'organisation', 'organization', 'g'), 'labour', 'labor', 'g'), 'programme', 'program', 'g'),
      'centre', 'center', 'g'), 'defence', 'defense', 'g'), '[^a-z0-9]+', '', 'g'), '')`);
}

/** Rows made in JS (YAML, dictionaries) go into DuckDB through NDJSON, like any dump. */
async function loadRows(ctx: BuildContext, table: string, columns: string, rows: object[]): Promise<void> {
  const file = join(tmpdir(), `backstory-${table}-${process.pid}.ndjson`);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  try {
    await ctx.run(
      `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {${columns}})`,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

/** Clean text of an alias: invisible marks out, spaces single, stray punctuation off the ends. */
function cleanText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw)
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .trim();
}

/** "EU", "NATO", "AfD", "KDU-ČSL": one word with two or more capitals and no more small letters than capitals. */
function isAcronym(text: string): boolean {
  if (/\s/.test(text)) return false;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 2 && upper >= lower;
}

/** A word in capitals only ("WHO", "ERA"): an acronym, never an ordinary word. */
function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A name that is only a generic word ("Council", "The Greens", "Party"): a
 * single ordinary English word, with or without "The", that is not an
 * acronym in capitals.
 */
function isGeneric(text: string): boolean {
  const t = text.replace(/^the\s+/i, '').trim();
  if (/\s/.test(t)) return false;
  if (isCapitals(t)) return false;
  const word = t.replace(/[’']s$/i, '');
  return isDictionaryWord(word) || isDictionaryWord(t);
}

/** Enough letters or digits to be a name ("3M" yes, "A" no). */
function longEnough(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;
}

/** Counts of what the builders left out, for the log. */
class Tally {
  private counts = new Map<string, number>();
  add(what: string, n: number | string = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + Number(n));
  }
  toString(): string {
    return [...this.counts].map(([k, v]) => `${k} ${v}`).join(', ');
  }
}

/** An entity's names: the display name and aliases, filtered and deduplicated. */
class NameSet {
  readonly aliases: Alias[] = [];
  private readonly seen = new Set<string>();
  constructor(
    readonly name: string,
    private readonly tally?: Tally,
  ) {
    this.seen.add(`${name}|`);
  }
  /**
   * A full name (or, for `acronym`, an abbreviation that must look like one).
   * The same text without a language tag covers every language, so a tagged
   * copy is left out, unless `preferTag` says the tag is the better knowledge
   * (a native name whose language is learnt later).
   */
  add(raw: unknown, kind: NonNullable<Alias['kind']> = 'name', lang?: string, preferTag = false): void {
    const text = cleanText(raw);
    if (!text) return;
    if (!longEnough(text)) {
      this.tally?.add('alias too short');
      return;
    }
    let k = kind;
    if (k === 'acronym' && !isAcronym(text)) k = 'name';
    if (k !== 'acronym' && isGeneric(text)) {
      this.tally?.add('alias only a generic word');
      return;
    }
    const key = `${text}|${lang ?? ''}`;
    if (this.seen.has(key) || (text === this.name && !lang)) return;
    const untagged = lang ? this.aliases.findIndex((a) => a.text === text && !a.lang) : -1;
    if (lang && (text === this.name || (untagged >= 0 && !preferTag))) return;
    this.seen.add(key);
    const alias: Alias = { text, ...(lang ? { lang } : {}), ...(k !== 'name' ? { kind: k } : {}) };
    if (untagged >= 0) this.aliases[untagged] = alias;
    else this.aliases.push(alias);
  }
  /** A short form: an acronym when it looks like one, else `fallback`. */
  addShort(raw: unknown, fallback: 'short' | 'name', lang?: string, preferTag = false): void {
    const text = cleanText(raw);
    this.add(text, isAcronym(text) ? 'acronym' : fallback, lang, preferTag);
  }
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sources actually cited by the entities, in id order. */
function citedSources(entities: Entity[], sources: Map<string, Source>): Source[] {
  const cited = new Set(entities.flatMap((e) => e.facts.map((f) => f.source)));
  return [...sources.values()].filter((s) => cited.has(s.id)).sort(byId);
}

function yearOf(value: unknown): string | undefined {
  const m = /\b(1[5-9]\d\d|20\d\d)\b/.exec(String(value ?? ''));
  return m ? m[1] : undefined;
}

/** A list or struct column: parsed when the query gave it as JSON text. */
function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined || value === '') return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

// Country names that take "the" in running text ("in the United Kingdom").

// ---------------------------------------------------------------------------
// Political parties: Party Facts.

// Party Facts' own codes for places that are not ISO countries: the name the
// description uses and the world-pack country the party counts for, if any.
const PARTYFACTS_PLACES: Record<string, { name: string; iso3?: string }> = {
  EUN: { name: 'the European Union' },
  XKX: { name: 'Kosovo', iso3: 'UNK' },
  PSG: { name: 'Palestine', iso3: 'PSE' },
  DDR: { name: 'East Germany', iso3: 'DEU' },
  SML: { name: 'Somaliland', iso3: 'SOM' },
  PMR: { name: 'Transnistria', iso3: 'MDA' },
  VNR: { name: 'South Vietnam', iso3: 'VNM' },
  YMD: { name: 'South Yemen', iso3: 'YEM' },
  ZZB: { name: 'Zanzibar', iso3: 'TZA' },
  AUH: { name: 'Austria-Hungary' },
  NFL: { name: 'Newfoundland', iso3: 'CAN' },
  NIR: { name: 'Northern Ireland', iso3: 'GBR' },
};

// Language names as Party Facts' "name_other" writes them ("Arabic: …").
const LANGUAGES: Record<string, string> = {
  albanian: 'sq',
  amharic: 'am',
  arabic: 'ar',
  armenian: 'hy',
  azerbaijani: 'az',
  belarusian: 'be',
  bengali: 'bn',
  bulgarian: 'bg',
  burmese: 'my',
  chinese: 'zh',
  'simplified chinese': 'zh-Hans',
  'traditional chinese': 'zh-Hant',
  czech: 'cs',
  dari: 'prs',
  estonian: 'et',
  french: 'fr',
  georgian: 'ka',
  german: 'de',
  greek: 'el',
  'haitian creole': 'ht',
  hangul: 'ko',
  hebrew: 'he',
  hindi: 'hi',
  japanese: 'ja',
  kazakh: 'kk',
  khmer: 'km',
  korean: 'ko',
  kurdish: 'ku',
  'sorani kurdish': 'ckb',
  kyrgyz: 'ky',
  macedonian: 'mk',
  malayalam: 'ml',
  moldovan: 'ro',
  mongolian: 'mn',
  montenegrin: 'cnr',
  nepali: 'ne',
  'north frisian': 'frr',
  pashto: 'ps',
  persian: 'fa',
  russian: 'ru',
  serbian: 'sr',
  sesotho: 'st',
  sinhalese: 'si',
  slovak: 'sk',
  swedish: 'sv',
  syriac: 'syr',
  tajik: 'tg',
  tamil: 'ta',
  thai: 'th',
  tigrinya: 'ti',
  ukrainian: 'uk',
  urdu: 'ur',
  uzbek: 'uz',
  vietnamese: 'vi',
};

/** Party Facts' "name_other": "Arabic: …", "(simplified Chinese: …; traditional Chinese: …)", or a bare name. */
function otherNames(raw: string | null): { text: string; lang?: string }[] {
  if (!raw) return [];
  const out: { text: string; lang?: string }[] = [];
  const unwrapped = /^\(.*\)$/.test(raw.trim()) ? raw.trim().slice(1, -1) : raw.replace(/^\(/, '');
  for (const piece of unwrapped.split(/;\s*/)) {
    const m = /^([A-Za-z' ]+?)\s*:\s*(.+)$/.exec(piece.trim());
    if (m) {
      const label = (m[1] as string).toLowerCase().trim();
      const lang = LANGUAGES[label];
      // "Cyrillic: …", "Ge'ez: …" name a script; "Alternative translation: …" is English.
      for (const text of (m[2] as string).split(/\s+\/\s+/)) out.push(lang ? { text, lang } : { text });
    } else if (!/[(),]/.test(piece) && piece.trim().split(/\s+/).length <= 8) {
      out.push({ text: piece });
    }
  }
  return out;
}

/** Party Facts' English name: brackets ("[Peronist]", "[East Germany]") and "(1988)" out, "--" as a dash. */
function cleanPartyName(raw: string | null): string[] {
  if (!raw) return [];
  return raw
    .split(/\s+\/\/\s+/)
    .map((n) =>
      cleanText(
        n
          .replace(/\[[^\]]*\]/g, ' ')
          .replace(/\((?:\d{4}|[^)]*\d{4}[^)]*)\)/g, ' ')
          .replace(/\s+--\s+/g, ' – '),
      ),
    )
    .filter((n) => n.length > 0);
}

interface PartyRow {
  pfid: number;
  country: string | null;
  english: string | null;
  native: string | null;
  short: string | null;
  other: string | null;
  first: number | null;
  last: number | null;
  /** The party's best share of the vote (percent) in Party Facts' core table. */
  share: number | null;
  wp_name: string | null;
  wp_short: string | null;
  wp_native: string | null;
  founded: number | null;
  dissolved: number | null;
  qid: string | null;
  wd_short: string | null;
  wd_native: string | null;
  /** JSON: the records of the same party under other Party Facts ids (listed in several countries). */
  dups: string | null;
}

interface PartyDup {
  pfid: number;
  english: string | null;
  native: string | null;
  short: string | null;
}

/**
 * A party's best share of the vote (Party Facts, percent) from which its
 * members' name is an alias: "Republicans" and "a Democrat" name the two US
 * parties in American news, but a minor party's adjective is only a word.
 */
const MAJOR_PARTY_SHARE = 5;

/** The country's demonym in English (world-countries), to read "Australian Labor Party" as "Labor". */
function demonymOf(iso3: string | null): string | undefined {
  if (!iso3) return undefined;
  const world = createRequire(import.meta.url)('world-countries') as {
    cca3: string;
    demonyms?: { eng?: { m?: string } };
  }[];
  return world.find((c) => c.cca3 === iso3)?.demonyms?.eng?.m;
}

/**
 * What a party's members are called, from its English name: "Republican
 * Party" gives "Republican" and "Republicans", "Democratic Party" "Democratic",
 * "Democrat" and "Democrats", "Australian Labor Party" "Labor",
 * "Conservatives" "Conservative". A name of more than one word besides
 * "Party" and the country ("Liberal Democrats", "Free Democratic Party") gives
 * nothing: its members' name is not read off it.
 */
export function memberForms(english: string, demonym: string | undefined): string[] {
  let words = english
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s+of\s+(the\s+)?\p{Lu}[\p{L} ]*$/u, '')
    .trim()
    .split(/\s+/);
  if (words[0] === 'The') words = words.slice(1);
  if (demonym && words[0] === demonym) words = words.slice(1);
  if (words.at(-1) === 'Party') words = words.slice(0, -1);
  const [w] = words;
  if (words.length !== 1 || !w || !/^\p{Lu}\p{Ll}{3,}$/u.test(w)) return [];
  // Only a word that names people of a persuasion ("Socialist", "Conservatives",
  // "Labor", "Greens"), not a name's noun ("Union", "Alliance", "Reform", "Congress").
  if (!/(an|ist|ive|crat|cratic)s?$/.test(w) && !/^(Labou?r|Greens?|Liberals?|Nationals)$/.test(w)) return [];
  // Already plural: "Conservatives", "Greens", "Republicans".
  if (/s$/.test(w)) return [w, w.slice(0, -1)];
  if (/cratic$/.test(w)) return [w, w.slice(0, -2), `${w.slice(0, -2)}s`];
  if (/(an|ist|al|ive|en)$/.test(w)) return [w, `${w}s`];
  return [w];
}

/**
 * What a party's members are called in French, from its French name: "Parti
 * socialiste" gives "socialiste" and "socialistes" ("10 députés socialistes",
 * "l'élu communiste"), written in lower case as French writes them.
 */
export function frenchMemberForms(native: string | null | undefined): string[] {
  const m = /^Parti (\p{Ll}+iste)(?=\s|$)/u.exec(native?.trim() ?? '');
  return m ? [m[1] as string, `${m[1]}s`] : [];
}

async function buildParties(ctx: BuildContext): Promise<Pack> {
  const D = BODIES_DATASETS;
  const tally = new Tally();
  // One row per Party Facts id from any of the three tables. Where several ids
  // link to one Wikidata item, the one whose own names match the Wikipedia
  // article keeps the link; the others are the same party listed under
  // another country (merged into it) or a predecessor that Party Facts
  // points at its successor's article (kept, without the link).
  await ctx.run(`CREATE OR REPLACE TABLE bodies_party AS
    WITH core AS (
      SELECT TRY_CAST(partyfacts_id AS INTEGER) AS pfid, upper(trim(country)) AS country,
        nullif(trim(technical), '') AS technical, nullif(trim(name_short), '') AS short,
        nullif(trim(name), '') AS native, nullif(trim(name_english), '') AS english,
        nullif(trim(name_other), '') AS other,
        TRY_CAST(year_first AS INTEGER) AS first, TRY_CAST(year_last AS INTEGER) AS last,
        TRY_CAST(share AS DOUBLE) AS share
      FROM read_csv(${ctx.file(FILES.partyCore)}, all_varchar = true, header = true)
    ), wp AS (
      SELECT TRY_CAST(partyfacts_id AS INTEGER) AS pfid, upper(trim(country)) AS country,
        nullif(trim(name), '') AS name, nullif(trim(name_short), '') AS short, nullif(trim(name_native), '') AS native,
        TRY_CAST(year_founded AS INTEGER) AS founded, TRY_CAST(year_dissolved AS INTEGER) AS dissolved
      FROM read_csv(${ctx.file(FILES.partyWikipedia)}, all_varchar = true, header = true)
    ), wd AS (
      SELECT TRY_CAST(partyfacts_id AS INTEGER) AS pfid, upper(trim(country)) AS country, trim(wikidata_id) AS qid,
        nullif(trim(name), '') AS name, nullif(trim(name_short), '') AS short, nullif(trim(name_native), '') AS native
      FROM read_csv(${ctx.file(FILES.partyWikidata)}, all_varchar = true, header = true)
      WHERE regexp_full_match(trim(wikidata_id), 'Q[0-9]+')
    ), ids AS (
      SELECT pfid FROM core UNION SELECT pfid FROM wp UNION SELECT pfid FROM wd
    ), joined AS (
      SELECT ids.pfid, coalesce(core.country, wp.country, wd.country) AS country,
        core.english, core.native, core.short, core.other, core.first, core.last, core.share,
        coalesce(wp.name, wd.name) AS wp_name, wp.short AS wp_short, coalesce(wp.native, wd.native) AS wp_native,
        wp.founded, wp.dissolved, wd.qid, wd.short AS wd_short, wd.native AS wd_native,
        core.pfid IS NOT NULL AS in_core,
        bodies_fold(regexp_replace(regexp_replace(core.english, '\\[[^\\]]*\\]|\\([^)]*\\)', ' ', 'g'), ' // .*$', '')) AS en_key,
        coalesce(
          bodies_fold(coalesce(wp.name, wd.name)) = bodies_fold(regexp_replace(regexp_replace(core.english, '\\[[^\\]]*\\]|\\([^)]*\\)', ' ', 'g'), ' // .*$', ''))
          OR list_contains(list_transform(string_split(core.english, ' // '), x -> bodies_fold(x)), bodies_fold(coalesce(wp.name, wd.name)))
          OR bodies_fold(coalesce(wp.native, wd.native)) = bodies_fold(core.native)
          OR bodies_fold(coalesce(wp.name, wd.name)) = bodies_fold(core.native)
          OR bodies_fold(coalesce(wp.short, wd.short)) = bodies_fold(core.short),
          false) AS name_match
      FROM ids LEFT JOIN core USING (pfid) LEFT JOIN wp USING (pfid) LEFT JOIN wd USING (pfid)
      WHERE ids.pfid IS NOT NULL AND core.technical IS NULL
        AND NOT coalesce(regexp_matches(core.english, '\\[no-?pa', 'i'), false)
    ), ranked AS (
      SELECT *, row_number() OVER (PARTITION BY coalesce(qid, 'pf' || pfid)
        ORDER BY name_match DESC, in_core DESC, coalesce(founded = first, false) DESC, (last IS NULL) DESC, pfid) AS qrank
      FROM joined
    ), prim AS (
      SELECT * FROM ranked WHERE qrank = 1
    ), sec AS (
      SELECT r.*, p.pfid AS primary_pfid,
        (r.name_match OR NOT r.in_core OR r.en_key = p.en_key OR r.en_key = bodies_fold(p.wp_name)) AS dup
      FROM ranked r JOIN prim p ON r.qid = p.qid WHERE r.qrank > 1
    ), dups AS (
      SELECT primary_pfid, to_json(list({'pfid': pfid, 'english': english, 'native': native, 'short': coalesce(short, wp_short)} ORDER BY pfid))::VARCHAR AS dups
      FROM sec WHERE dup GROUP BY primary_pfid
    )
    SELECT p.pfid, p.country, p.english, p.native, p.short, p.other, p.first, p.last, p.share, p.wp_name, p.wp_short,
      p.wp_native, p.founded, p.dissolved, p.qid, p.wd_short, p.wd_native, d.dups
    FROM prim p LEFT JOIN dups d ON d.primary_pfid = p.pfid
    UNION ALL
    SELECT pfid, country, english, native, short, other, first, last, share, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM sec WHERE NOT dup`);
  const rows = await ctx.query<PartyRow>('SELECT * FROM bodies_party ORDER BY pfid');
  const [left] = await ctx.query<{ technical: number; no_party: number }>(`SELECT
      count(*) FILTER (WHERE nullif(trim(technical), '') IS NOT NULL)::INTEGER AS technical,
      count(*) FILTER (WHERE nullif(trim(technical), '') IS NULL AND regexp_matches(name_english, '\\[no-?pa', 'i'))::INTEGER AS no_party
    FROM read_csv(${ctx.file(FILES.partyCore)}, all_varchar = true, header = true)`);
  tally.add('technical rows (other, independent, unknown …)', left?.technical ?? 0);
  tally.add('"[no-party]" groupings', left?.no_party ?? 0);
  const [merged] = await ctx.query<{ n: number }>(
    `SELECT coalesce(sum(json_array_length(dups)), 0)::INTEGER AS n FROM bodies_party WHERE dups IS NOT NULL`,
  );
  tally.add('Party Facts ids merged into the same party listed in another country', merged?.n ?? 0);

  const sources = new Map<string, Source>();
  const entities: Entity[] = [];
  const byKey = new Map<string, { entity: Entity; index: number; linked: boolean }>();
  const memberForm: { id: string; country: string; form: string; share: number; lang?: string }[] = [];
  for (const r of rows) {
    const englishNames = cleanPartyName(r.english);
    const hasWiki = r.qid !== null && r.wp_name !== null;
    // The English name: Wikipedia's title when the link is the party's own
    // (unless it is only an acronym such as "KDU-ČSL"), else Party Facts'.
    const candidates = [
      ...(hasWiki && r.wp_name && !isAcronym(r.wp_name) ? [r.wp_name] : []),
      ...englishNames,
      ...(r.wp_name ? [r.wp_name] : []),
      ...(r.native ? [r.native] : []),
      ...(r.wp_native ? [r.wp_native] : []),
    ]
      .map(cleanText)
      .filter((n) => n && longEnough(n));
    const found = candidates.find((n) => !isGeneric(n));
    if (!found) {
      tally.add('parties with only a generic name');
      continue;
    }
    const place = r.country ? PARTYFACTS_PLACES[r.country] : undefined;
    const country = ctx.countries.byIso3(place ? place.iso3 : r.country);
    const countryName = country ? ctx.countries.name(country) : undefined;
    const where = place?.name ?? (countryName ? countryPhrase(countryName) : undefined);
    // A party known only by its letters ("ABC", Cuba): named with its country, the letters an
    // acronym, linked only in a text about that country rather than wherever "ABC" is written.
    const onlyLetters =
      candidates.every(isAcronym) &&
      found.replace(/[^\p{L}]/gu, '').length <= 4 &&
      (place?.name ?? countryName) !== undefined;
    const name = onlyLetters ? `${found} (${place?.name ?? countryName})` : found;
    if (onlyLetters) tally.add('parties known only by their letters (named with their country)');
    const names = new NameSet(name, tally);
    if (onlyLetters) names.add(found, 'acronym');
    for (const n of candidates) names.add(n);
    for (const o of otherNames(r.other)) names.add(o.text, 'name', o.lang, true);
    names.add(r.wd_native);
    const addShort = (raw: string | null) => {
      // "GOP/Grand/Old/Party": an abbreviation and what it stands for, slashes for spaces.
      const pieces = (raw ?? '').split('/');
      if (pieces.length >= 3 && pieces.slice(1).every((p) => isDictionaryWord(p))) {
        names.addShort(pieces[0], 'short');
        names.add(pieces.slice(1).join(' '));
      } else names.addShort(raw, 'short');
    };
    for (const s of [r.short, r.wp_short, r.wd_short]) addShort(s);
    for (const d of json<PartyDup[]>(r.dups, [])) {
      for (const n of cleanPartyName(d.english)) names.add(n);
      names.add(d.native);
      addShort(d.short);
    }

    // What a major party's members and voters are called ("Republicans", "a Democrat", "Labor"),
    // given below to the largest party of the country so called.
    if ((r.share ?? 0) >= MAJOR_PARTY_SHARE && r.last === null && r.dissolved === null)
      for (const form of memberForms(englishNames[0] ?? name, demonymOf((place ? place.iso3 : r.country) ?? null)))
        if (form !== name && !names.aliases.some((a) => a.text === form))
          memberForm.push({ id: `party-${r.pfid}`, country: r.country ?? '', form, share: r.share ?? 0 });
    // … and in French, on pages in French: "les socialistes".
    if ((r.share ?? 0) >= MAJOR_PARTY_SHARE && r.last === null && r.dissolved === null)
      for (const form of new Set([r.native, r.wp_native, r.wd_native].flatMap(frenchMemberForms)))
        memberForm.push({ id: `party-${r.pfid}`, country: r.country ?? '', form, share: r.share ?? 0, lang: 'fr' });

    // Years: Wikipedia's infobox when the party has its own article row, else Party Facts' first/last year.
    const fromWiki = hasWiki && (r.founded !== null || r.dissolved !== null);
    const founded = fromWiki ? (r.founded ?? r.first) : r.first;
    let dissolved = fromWiki ? r.dissolved : r.last;
    if (founded !== null && dissolved !== null && dissolved < founded) {
      tally.add('dissolution year before founding year (left out)');
      dissolved = null;
    }
    const record = `Party Facts ${r.pfid}: ${name}`;
    const coreId = `partyfacts-${r.pfid}`;
    const wikiId = `partyfacts-wp-${r.pfid}`;
    const cite = (wiki: boolean): string => {
      const id = wiki ? wikiId : coreId;
      if (!sources.has(id)) sources.set(id, recordSource(id, wiki ? D.partyfactsWiki : D.partyfacts, record, r.qid));
      return id;
    };
    const facts: Fact[] = [];
    if (founded !== null) {
      const wiki = fromWiki && r.founded !== null;
      facts.push({ label: 'Founded', value: String(founded), date: String(founded), source: cite(wiki) });
    }
    if (dissolved !== null) {
      facts.push({ label: 'Dissolved', value: String(dissolved), date: String(dissolved), source: cite(fromWiki) });
    }
    // The country the description names, as Party Facts files the party.
    if (where) facts.push({ label: 'Country', value: where.replace(/^the /, ''), source: cite(false) });
    const when =
      founded !== null && founded === dissolved
        ? `founded and dissolved ${founded}`
        : [founded !== null ? `founded ${founded}` : '', dissolved !== null ? `dissolved ${dissolved}` : '']
            .filter(Boolean)
            .join(', ');
    const what = r.country === 'EUN' ? 'Political group' : 'Political party';
    const description = `${what}${where ? ` in ${where}` : ''}${when ? `, ${when}` : ''}.`;
    const entity: Entity = {
      id: `party-${r.pfid}`,
      type: 'organization',
      name,
      aliases: names.aliases,
      description,
      facts,
      ...(country ? { country } : {}),
    };
    // One party twice in Party Facts (the DUP under the UK and under Northern
    // Ireland, one of them without a Wikidata link): same country, name and
    // founding year. The linked record is kept, the other's names added to it.
    const key = `${country ?? r.country}|${foldName(name)}|${founded ?? ''}`;
    const twin = byKey.get(key);
    if (twin && founded !== null) {
      const [keep, drop] = twin.linked || !r.qid ? [twin.entity, entity] : [entity, twin.entity];
      const seen = new Set(keep.aliases.map((a) => `${a.text}|${a.lang ?? ''}`));
      for (const a of [{ text: drop.name }, ...drop.aliases]) {
        const k = `${a.text}|${a.lang ?? ''}`;
        if (a.text !== keep.name && !seen.has(k)) {
          seen.add(k);
          keep.aliases.push(a);
        }
      }
      if (keep === entity) entities[twin.index] = entity;
      byKey.set(key, { ...twin, entity: keep, linked: twin.linked || !!r.qid });
      tally.add('Party Facts ids of one party under two countries without a shared Wikidata link (merged)');
      continue;
    }
    byKey.set(key, { entity, index: entities.length, linked: !!r.qid });
    entities.push(entity);
  }
  // "Labor" is the Australian Labor Party, not also its state branches.
  const largest = new Map<string, (typeof memberForm)[number]>();
  for (const m of memberForm) {
    const key = `${m.country}|${m.form}`;
    const had = largest.get(key);
    if (!had || m.share > had.share) largest.set(key, m);
  }
  const partyById = new Map(entities.map((e) => [e.id, e]));
  for (const m of largest.values()) {
    const party = partyById.get(m.id);
    if (!party) continue;
    party.aliases.push({ text: m.form, kind: 'short', ...(m.lang ? { lang: m.lang } : {}) });
    tally.add('member forms of major parties (short forms, linked in a text about the country)');
  }
  entities.sort(byId);
  ctx.log(`    parties: ${entities.length} entities; left out: ${tally}`);
  return {
    id: 'parties',
    name: 'Political parties (Party Facts)',
    version: D.partyfactsWiki.snapshot,
    license: 'MIT (Party Facts data; imported tables keep their own terms)',
    about: { kind: 'organizations', region: 'World', datasets: [D.partyfacts, D.partyfactsWiki] },
    sources: citedSources(entities, sources),
    entities,
    coverage: [],
  };
}

// ---------------------------------------------------------------------------
// International organisations: SupraVerden, Phoenix.

interface SvRow {
  sv_id: string;
  qid: string | null;
  name_en: string;
  abbr_en: string | null;
  abbr_other: string[];
  name_other: string[];
  name_former: string[];
  abbr_former: string[];
  type: string | null;
  family: string | null;
  year: number | null;
  hq: string | null;
  excluded: boolean;
  /** Names in other languages: Name_fr, Abbreviation_es … */
  names: { lang: string; text: string; abbr: boolean }[];
}

/** SupraVerden's placeholders for a missing value. */
function present(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const t = cleanText(value);
  if (!t || /^\[.*\]$/.test(t) || /^(none|n\/a|unknown|null|-)$/i.test(t)) return null;
  return t;
}

function parseSupraVerden(text: string, tally: Tally): SvRow[] {
  const doc = parseYaml(text) as Record<string, Record<string, unknown>>;
  const rows: SvRow[] = [];
  for (const [key, rec] of Object.entries(doc)) {
    if (!rec || typeof rec !== 'object') continue;
    const id = present(rec.SPRVD_id);
    const name = present(rec.Name_en) ?? present(key);
    if (!id || !name) continue;
    const qid = present(rec.Wikidata_code);
    const row: SvRow = {
      sv_id: id,
      qid: qid && /^Q\d+$/.test(qid) ? qid : null,
      name_en: name,
      abbr_en: null,
      abbr_other: [],
      name_other: [],
      name_former: [],
      abbr_former: [],
      type: present(rec.Type),
      family: present(rec.Org_family),
      year: yearOf(rec.Year_established) ? Number(yearOf(rec.Year_established)) : null,
      hq: present(rec.Headquarters),
      excluded: present(rec.Assessment_against_FATF_definition) === 'Excluded',
      names: [],
    };
    if (qid && !row.qid) tally.add('"[No code found.]" Wikidata codes');
    for (const [field, value] of Object.entries(rec)) {
      const m = /^(Name|Abbreviation)(?:_(other|former))?(?:_\d+)?_([a-z]{2,3})$/.exec(field);
      const v = present(value);
      if (!m || !v) continue;
      const [, what, variant, lang] = m as unknown as [string, string, string | undefined, string];
      const abbr = what === 'Abbreviation';
      // "Organization of the Petroleum Exporting Countries" as the OPEC Fund's abbreviation: not one.
      if (abbr && v.split(/\s+/).length >= 3) {
        tally.add('SupraVerden abbreviations that are full names (left out)');
        continue;
      }
      if (lang !== 'en') row.names.push({ lang, text: v, abbr });
      else if (!abbr && !variant) continue;
      else if (abbr && !variant) row.abbr_en = v;
      else if (abbr && variant === 'former') row.abbr_former.push(v);
      else if (abbr) row.abbr_other.push(v);
      else if (variant === 'former') row.name_former.push(v);
      else row.name_other.push(v);
    }
    rows.push(row);
  }
  return rows;
}

interface PhoenixEntry {
  px_id: number;
  file: string;
  line: number;
  /** The primary name as written ("THE_UNITED_NATIONS_"). */
  raw: string;
  synonyms: string[];
  codes: { code: string; dated: boolean }[];
  comment: string;
}

/**
 * The TABARI/PETRARCH dictionary format: a primary name, `+` synonyms, and
 * `[CODE]` or `[CODE YYMMDD-YYMMDD]` on the same or tab-indented lines; `#`
 * starts a comment.
 */
function parsePhoenix(text: string, file: string, firstId: number): PhoenixEntry[] {
  const out: PhoenixEntry[] = [];
  let cur: PhoenixEntry | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const hash = line.indexOf('#');
    const body = hash >= 0 ? line.slice(0, hash) : line;
    const comment = hash >= 0 ? line.slice(hash + 1).trim() : '';
    const codes = [...body.matchAll(/\[([^\]]*)\]/g)].map((m) => {
      const [code = '', ...rest] = (m[1] as string).trim().split(/\s+/);
      return { code: code.replace(/^~/, ''), dated: rest.some((r) => /\d|[<>]/.test(r)) };
    });
    const name = body.replace(/\[[^\]]*\]/g, ' ').trim();
    if (line.startsWith('+')) {
      if (cur) {
        if (name.slice(1).trim()) cur.synonyms.push(name.slice(1).trim());
        cur.codes.push(...codes);
      }
    } else if (/^\s/.test(line)) {
      if (cur) {
        cur.codes.push(...codes);
        if (name) cur.synonyms.push(name);
        if (comment && !cur.comment) cur.comment = comment;
      }
    } else {
      cur = { px_id: firstId + out.length, file, line: i + 1, raw: name, synonyms: [], codes, comment };
      out.push(cur);
    }
  }
  return out;
}

const SMALL_WORDS = new Set(
  'a an and as at by de del della der des di du e et for from in la le les of on or per pour the to und with y'.split(
    ' ',
  ),
);
// Abbreviations inside names that stay in capitals ("UN High Commission for Refugees").
const KNOWN_ACRONYMS = new Set([
  'UN',
  'U.N.',
  'EU',
  'US',
  'U.S.',
  'USA',
  'UK',
  'NGO',
  'HIV',
  'AIDS',
  'HIV/AIDS',
  'SOS',
]);

/** Words of a dictionary name: "THE_UNITED_NATIONS_" → ["THE", "UNITED", "NATIONS"]. */
function phoenixWords(raw: string): string[] {
  return raw
    .replace(/[_\s]+/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** A dictionary name in title case: "ORGANIZATION_OF_AMERICAN_STATES_" → "Organization of American States". */
function titleCase(words: string[], acronyms: ReadonlySet<string>): string {
  if (words.length === 1) {
    const w = words[0] as string;
    // One word: an acronym ("OHCHR", "UNICEF") unless it reads as a name ("Americares").
    if (acronyms.has(w) || w.length <= 5 || !/[AEIOUY]/.test(w) || /\d/.test(w)) return w;
  }
  return words
    .map((w, i) => {
      if (acronyms.has(w) || KNOWN_ACRONYMS.has(w) || /\d/.test(w) || /^([A-Z]\.){2,}$/.test(w)) return w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-/'’(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ')
    .replace(/(\p{L})'S\b/gu, "$1's");
}

// Words that make a name an organisation's rather than a person's.
const ORG_WORDS = new Set(
  `academy action agency aid alliance assembly association associazione asociacion bank board bureau campaign center centre
  church club coalition college commission committee community company conference congress consortium council court crescent
  cross department federation forum foundation fund fundacion fundacao group initiative institute institution international
  internacional internationale league mission movement network office organisation organization organisations organizations
  parliament partnership party program programme project secretariat service society tribunal trust union unione university
  watch workers`.split(/\s+/),
);
// Words that leave a name generic when nothing else is in it ("UN Mission", "Aid Group").
const GENERIC_WORDS = new Set(
  `a agency aid and bodies body countries database eu for government governmental group in intergovernmental international
  members mission monitor ngo ngos non of office official officials organisation organization organisations organizations
  resident staff the u.n. un`.split(/\s+/),
);
// People and posts, not bodies: "UN_ENVOY_", "PRESIDENT_OF_THE_WORLD_BANK", "UN_SECRETARY_GENERAL".
const ROLE_START =
  /^(president|secretary|chief|head|director|spokesman|spokeswoman|spokesperson|ambassador|minister|chairman|chairperson|deputy|commissioner|special (rapporteur|representative|envoy|adviser|advisor)|under-secretary|high representative)\b/i;
const ROLE_END =
  /\b(secretary[ -]general|envoy|ministers?|peacekeepers?|monitors?|resident|representative|president|chief|director|spokes(man|woman|person)|officials?|delegates?|ambassador|contingent|chairman|rapporteur|troops|forces|countries|members)$/i;

/**
 * A person's name rather than a body's: initials ("A.G. KISHORE", "S
 * SARANGI"), a given name the dictionaries' own people bear ("RALPH
 * FIENNES"), or words none of which is an ordinary word or an organisation's.
 */
function looksLikePerson(words: string[], givenNames: ReadonlySet<string>): boolean {
  if (words.length < 2 || words.length > 4) return false;
  if (words.some((w) => ORG_WORDS.has(w.toLowerCase()))) return false;
  const first = words[0] as string;
  if (/^([A-Z]\.){1,2}$|^[A-Z]$/.test(first)) return true;
  const surnames = (ws: string[]) =>
    ws.every((w) => SMALL_WORDS.has(w.toLowerCase()) || !isDictionaryWord(w.replace(/[^A-Za-z]/g, '')));
  return givenNames.has(first) ? surnames(words.slice(1)) : surnames(words);
}

/**
 * Given names of the dictionaries' people (entries coded with dated roles):
 * first words that start two or more such names ("JAMES", "MARY").
 */
function givenNamesOf(entries: PhoenixEntry[]): Set<string> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (e.codes.length === 0 || !e.codes.every((c) => c.dated)) continue;
    const words = phoenixWords(e.raw);
    if (words.length < 2 || words.length > 4 || words.some((w) => ORG_WORDS.has(w.toLowerCase()))) continue;
    const first = words[0] as string;
    if (first.length >= 3 && /^[A-Z]+$/.test(first) && !SMALL_WORDS.has(first.toLowerCase()))
      counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
}

/** Why a dictionary name is not an organisation's name (undefined when it is one). */
function phoenixReject(words: string[], givenNames: ReadonlySet<string>): string | undefined {
  const text = words.join(' ');
  if (words.length === 0) return 'empty';
  if (/-BASED\b|THINK[ _]TANK/i.test(text)) return 'descriptions, not names';
  if (ROLE_START.test(text) || ROLE_END.test(text)) return 'posts and roles';
  if (words.every((w) => GENERIC_WORDS.has(w.toLowerCase()))) return 'generic names';
  if (looksLikePerson(words, givenNames)) return 'people';
  if (/,\s*THEN\b|:/i.test(text)) return 'notes';
  return undefined;
}

/** Whether an acronym fits a full name: "ASEAN" ↔ "Association of Southeast Asian Nations". */
function acronymFits(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  const words = name
    .toUpperCase()
    .split(/[\s\-/]+/)
    .filter(Boolean);
  const stop = new Set(['OF', 'THE', 'AND', 'FOR', 'ON', 'IN', 'TO', 'DE', 'LA', 'DES', 'DU', 'ET', '&']);
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    if (i === letters.length) return words.slice(j).every((w) => stop.has(w));
    if (j === words.length) return false;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const w = words[j] as string;
    let ok = stop.has(w) && go(i, j + 1);
    if (!ok && w[0] === letters[i]) {
      // The word gives its first letter and, optionally, more of its letters in order ("SouthEast").
      let k = i + 1;
      let from = 1;
      ok = go(k, j + 1);
      while (!ok && k < letters.length) {
        const at = w.indexOf(letters[k] as string, from);
        if (at < 0) break;
        from = at + 1;
        k++;
        ok = go(k, j + 1);
      }
    }
    memo.set(key, ok);
    return ok;
  };
  return letters.length >= 2 && go(0, 0);
}

/** Levenshtein distance, stopping once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

type OrgKind = 'igo' | 'ngo' | 'think tank';

/** A Phoenix entry kept as an organisation, with its names made readable. */
interface PhoenixOrg {
  px_id: number;
  record: string;
  kind: OrgKind;
  code: string;
  /** Names with whether each is an acronym; the first is the primary. */
  names: { text: string; acronym: boolean }[];
  /** The comment's expansion of an acronym ("# Intl Atomic Energy Agency"), if it fits. */
  expansion: string | null;
  country: string | null;
}

function phoenixOrgs(
  entries: PhoenixEntry[],
  fromCountries: boolean,
  acronyms: ReadonlySet<string>,
  givenNames: ReadonlySet<string>,
  tally: Tally,
): PhoenixOrg[] {
  const out: PhoenixOrg[] = [];
  const readable = (raw: string): { text: string; acronym: boolean } | undefined => {
    let words = phoenixWords(raw);
    if (words[0] === 'THE' && words.length > 1) words = words.slice(1);
    if (phoenixReject(words, givenNames)) return undefined;
    const text = titleCase(words, acronyms);
    return { text, acronym: words.length === 1 && text === words[0] && isAcronym(text) };
  };
  for (const e of entries) {
    const codes = e.codes.filter((c) => c.code && c.code !== '---');
    if (fromCountries) {
      // The Countries dictionary lumps think tanks under "WASHINGTON-BASED_THINK_TANK": each synonym is one.
      if (!/THINK_TANK/.test(e.raw)) continue;
      const code = codes[0]?.code ?? '';
      for (const [k, s] of e.synonyms.entries()) {
        const name = readable(s);
        if (!name) {
          tally.add('Phoenix think-tank lines that are descriptions');
          continue;
        }
        out.push({
          px_id: e.px_id * 100 + k,
          record: `Phoenix country actors, line ${e.line}: +${s.replace(/\s+/g, '')} [${code}]`,
          kind: 'think tank',
          code,
          names: [name],
          expansion: null,
          country: code.slice(0, 3) || null,
        });
      }
      continue;
    }
    if (codes.length === 0) continue;
    if (codes.some((c) => c.dated)) {
      tally.add('Phoenix people (dated roles)');
      continue;
    }
    const kinds = new Set(codes.map((c) => c.code.slice(0, 3)));
    const kind: OrgKind | undefined =
      kinds.size === 1 && kinds.has('IGO') ? 'igo' : kinds.size === 1 && kinds.has('NGO') ? 'ngo' : undefined;
    if (!kind) {
      // News media (MED) are outlets, built apart; companies (MNC) are in the listings.
      if (!codes.every((c) => /^([A-Z]{3})?MED$/.test(c.code))) tally.add('Phoenix companies and other actors');
      continue;
    }
    const primaryWords = phoenixWords(e.raw);
    const reason = phoenixReject(primaryWords[0] === 'THE' ? primaryWords.slice(1) : primaryWords, givenNames);
    if (reason) {
      tally.add(`Phoenix ${reason}`);
      continue;
    }
    const names = [e.raw, ...e.synonyms].map(readable).filter((n): n is { text: string; acronym: boolean } => !!n);
    if (names.length === 0) continue;
    const code = (codes[0] as { code: string }).code;
    // "IAEA_ [IGOUNOIAE]# Intl Atomic Energy Agency# NGO_Actors": the comment spells the acronym out.
    const note = e.comment.split('#')[0]?.trim() ?? '';
    const first = names[0] as { text: string; acronym: boolean };
    const expansion =
      first.acronym && /^[A-Z][A-Za-z' -]+$/.test(note) && !/\b(Intl|Org|Govt|Assoc|Dev)\b/.test(note)
        ? acronymFits(first.text, note)
          ? note
          : null
        : null;
    out.push({
      px_id: e.px_id,
      record: `Phoenix international actors, line ${e.line}: ${e.raw.replace(/\s+/g, '_')} [${code}]`,
      kind,
      code,
      names,
      expansion,
      country: kind === 'ngo' ? code.slice(3, 6) : null,
    });
  }
  return out;
}

interface SvOut {
  sv_id: string;
  qid: string | null;
  name_en: string;
  abbr_en: string | null;
  abbr_other: string;
  abbr_former: string;
  name_other: string;
  name_former: string;
  names: string;
  type: string | null;
  family: string | null;
  year: number | null;
  hq: string | null;
  excluded: boolean;
  parent: string | null;
  parent_qid: string | null;
}

async function buildOrganizations(ctx: BuildContext): Promise<Pack> {
  const D = BODIES_DATASETS;
  const tally = new Tally();
  const read = (rel: string) => readFileSync(join(ctx.dataDir, rel), 'utf8');
  await loadRows(
    ctx,
    'bodies_sv',
    `sv_id: 'VARCHAR', qid: 'VARCHAR', name_en: 'VARCHAR', abbr_en: 'VARCHAR', abbr_other: 'VARCHAR[]',
      name_other: 'VARCHAR[]', name_former: 'VARCHAR[]', abbr_former: 'VARCHAR[]', type: 'VARCHAR', family: 'VARCHAR',
      year: 'INTEGER', hq: 'VARCHAR', excluded: 'BOOLEAN', names: 'STRUCT(lang VARCHAR, text VARCHAR, abbr BOOLEAN)[]'`,
    parseSupraVerden(read(FILES.supraverden), tally),
  );

  // Acronyms the lists know, so "UN_HIGH_COMMISSION…" keeps "UN" in capitals.
  const known = await ctx.query<{ a: string }>(
    `SELECT DISTINCT upper(a) AS a FROM (SELECT abbr_en AS a FROM bodies_sv UNION ALL SELECT unnest(abbr_other) FROM bodies_sv) WHERE a IS NOT NULL`,
  );
  const acronyms = new Set(known.map((k) => k.a).filter((a) => /^[A-Z0-9.&-]+$/.test(a)));
  const international = parsePhoenix(read(FILES.phoenixInternational), 'international', 1);
  const countries = parsePhoenix(read(FILES.phoenixCountries), 'countries', 100000);
  const givenNames = givenNamesOf([...international, ...countries]);
  const orgs = [
    ...phoenixOrgs(international, false, acronyms, givenNames, tally),
    ...phoenixOrgs(countries, true, acronyms, givenNames, tally),
  ];
  await loadRows(
    ctx,
    'bodies_px',
    `px_id: 'BIGINT', kind: 'VARCHAR', code: 'VARCHAR', names: 'STRUCT(text VARCHAR, acronym BOOLEAN, is_primary BOOLEAN)[]'`,
    orgs.map((o) => ({
      px_id: o.px_id,
      kind: o.kind,
      code: o.code,
      names: o.names.map((n, i) => ({ ...n, is_primary: i === 0 })),
    })),
  );

  // Phoenix entries that name a SupraVerden organisation: by full name (any of
  // its English names), or an IGO acronym that only one organisation has.
  const matches = await ctx.query<{ px_id: number; sv_id: string }>(`
    WITH sv_keys AS (
      SELECT sv_id, bodies_orgkey(n) AS key FROM (
        SELECT sv_id, unnest([name_en] || name_other || name_former) AS n FROM bodies_sv)
      WHERE bodies_orgkey(n) IS NOT NULL
    ), sv_abbr AS (
      SELECT key, any_value(sv_id) AS sv_id FROM (
        SELECT sv_id, upper(regexp_replace(unnest(list_filter([abbr_en] || abbr_other, x -> x IS NOT NULL)), '[^A-Za-z0-9]', '', 'g')) AS key
        FROM bodies_sv)
      GROUP BY key HAVING count(DISTINCT sv_id) = 1
    ), px_names AS (
      SELECT px_id, kind, n.text AS text, n.acronym AS acronym, n.is_primary AS is_primary
      FROM (SELECT px_id, kind, unnest(names) AS n FROM bodies_px)
    ), candidates AS (
      SELECT p.px_id, k.sv_id, CASE WHEN p.is_primary THEN 0 ELSE 1 END AS prio
      FROM px_names p JOIN sv_keys k ON k.key = bodies_orgkey(p.text) WHERE NOT p.acronym
      UNION ALL
      SELECT p.px_id, a.sv_id, CASE WHEN p.is_primary THEN 2 ELSE 3 END
      FROM px_names p JOIN sv_abbr a ON a.key = upper(regexp_replace(p.text, '[^A-Za-z0-9]', '', 'g'))
      WHERE p.acronym AND p.kind = 'igo'
    )
    SELECT px_id::INTEGER AS px_id, arg_min(sv_id, prio) AS sv_id FROM candidates GROUP BY px_id`);

  // The organisations, with the family they belong to ("EU institutions and bodies" → the EU).
  const svRows = await ctx.query<SvOut>(`
    SELECT s.sv_id, s.qid, s.name_en, s.abbr_en, to_json(s.abbr_other)::VARCHAR AS abbr_other,
      to_json(s.abbr_former)::VARCHAR AS abbr_former, to_json(s.name_other)::VARCHAR AS name_other,
      to_json(s.name_former)::VARCHAR AS name_former, to_json(s.names)::VARCHAR AS names,
      s.type, s.family, s.year::INTEGER AS year, s.hq, s.excluded, p.sv_id AS parent, p.qid AS parent_qid
    FROM bodies_sv s
    LEFT JOIN bodies_sv p ON p.sv_id <> s.sv_id AND s.family IS NOT NULL AND (
      bodies_orgkey(p.name_en) = bodies_orgkey(regexp_replace(s.family, '\\s+(entities|institutions and bodies|and affiliates|institutions|bodies)$', ''))
      OR upper(p.abbr_en) = upper(regexp_replace(s.family, '\\s+(entities|institutions and bodies|and affiliates|institutions|bodies)$', '')))
    QUALIFY row_number() OVER (PARTITION BY s.sv_id ORDER BY p.sv_id) = 1
    ORDER BY s.sv_id`);

  // Phoenix entries merged among themselves where they share a name (by the
  // same key as the SQL join), then an acronym-only entry joined to the one
  // full name of its code that it abbreviates.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const orgKey = (s: string) =>
    foldName(s)
      .replace(/^the /, '')
      .replace(/organisation/g, 'organization')
      .replace(/labour/g, 'labor')
      .replace(/programme/g, 'program')
      .replace(/centre/g, 'center')
      .replace(/defence/g, 'defense')
      .replace(/[^a-z0-9]+/g, '');
  const byKey = new Map<string, number>();
  const svOf = new Map(matches.map((m) => [m.px_id, m.sv_id]));
  for (const o of orgs) {
    parent.set(o.px_id, o.px_id);
    for (const n of o.names) {
      // Acronyms join only an entry of the same code (the NGO list is in the file twice).
      const k = n.acronym ? `${o.code}:${n.text}` : orgKey(n.text);
      const other = byKey.get(k);
      if (other !== undefined) union(o.px_id, other);
      else byKey.set(k, o.px_id);
    }
  }
  // Spellings of one name under one code: "World Uighur/Uyghur/Uigur Congress", "World Neighbors/Neighbours".
  const byCode = new Map<string, { id: number; key: string }[]>();
  for (const o of orgs) {
    for (const n of o.names) {
      if (n.acronym) continue;
      const key = orgKey(n.text);
      if (key.length < 12) continue;
      const same = byCode.get(o.code) ?? [];
      for (const x of same) if (x.id !== o.px_id && editDistance(x.key, key, 2) <= 2) union(o.px_id, x.id);
      same.push({ id: o.px_id, key });
      byCode.set(o.code, same);
    }
  }
  for (const o of orgs) {
    if (svOf.has(o.px_id) || o.names.some((n) => !n.acronym)) continue;
    const acr = (o.names[0] as { text: string }).text;
    const fits = orgs.filter(
      (p) => p.code === o.code && p !== o && p.names.some((n) => !n.acronym && acronymFits(acr, n.text)),
    );
    const roots = new Set(fits.map((p) => find(p.px_id)));
    if (roots.size === 1) union(o.px_id, [...roots][0] as number);
  }
  const groups = new Map<number, PhoenixOrg[]>();
  for (const o of orgs) {
    const r = find(o.px_id);
    groups.set(r, [...(groups.get(r) ?? []), o]);
  }

  const sources = new Map<string, Source>();
  const entities: Entity[] = [];
  const svEntities = new Map<string, { entity: Entity; names: NameSet }>();
  const idOfSv = (sv: { sv_id: string; qid: string | null }) =>
    sv.qid ? `org-${sv.qid.toLowerCase()}` : `org-${sv.sv_id.toLowerCase()}`;
  const usedIds = new Set<string>();
  for (const r of svRows) {
    const names = new NameSet(r.name_en, tally);
    names.addShort(r.abbr_en, 'name');
    for (const a of json<string[]>(r.abbr_other, [])) names.addShort(a, 'name');
    for (const a of json<string[]>(r.abbr_former, [])) names.addShort(a, 'name');
    for (const n of json<string[]>(r.name_other, [])) names.add(n);
    for (const n of json<string[]>(r.name_former, [])) names.add(n);
    const translated = json<{ lang: string; text: string; abbr: boolean }[]>(r.names, []);
    // A name written alike in three or more languages ("Interpol", "NATO") is no one language's.
    const langsOf = new Map<string, Set<string>>();
    for (const n of translated) langsOf.set(n.text, (langsOf.get(n.text) ?? new Set()).add(n.lang));
    for (const [text, langs] of langsOf) if (langs.size >= 3) names.addShort(text, 'name');
    for (const n of translated) {
      if (n.abbr) names.addShort(n.text, 'name', n.lang);
      else names.add(n.text, 'name', n.lang);
    }
    const sourceId = `supraverden-${r.sv_id.toLowerCase()}`;
    sources.set(sourceId, recordSource(sourceId, D.supraverden, `SupraVerden ${r.sv_id}: ${r.name_en}`, r.qid));
    const facts: Fact[] = [];
    const year = r.year !== null ? String(r.year) : undefined;
    if (year) facts.push({ label: 'Established', value: year, date: year, source: sourceId });
    if (r.hq) facts.push({ label: 'Headquarters', value: r.hq, source: sourceId });
    const type = r.type && !/\bitself\b/i.test(r.type) ? r.type : undefined;
    if (type) facts.push({ label: 'Type', value: type, source: sourceId });
    if (r.family && r.family !== r.name_en) facts.push({ label: 'Part of', value: r.family, source: sourceId });
    for (const f of json<string[]>(r.name_former, [])) facts.push({ label: 'Former name', value: f, source: sourceId });
    if (r.excluded)
      facts.push({
        label: 'Assessment',
        value: 'not an international organisation under SupraVerden\u2019s FATF test',
        source: sourceId,
      });
    const what = r.excluded
      ? 'Organisation (not an international organisation under SupraVerden\u2019s FATF test)'
      : type
        ? type.charAt(0).toUpperCase() + type.slice(1)
        : 'International organisation';
    const description = `${what}${year ? `, established ${year}` : ''}${r.hq ? `; headquarters ${r.hq}` : ''}.`;
    let id = idOfSv(r);
    if (usedIds.has(id)) {
      // Two SupraVerden records with one Q-code (Q17088342): the second keeps its own id.
      tally.add('SupraVerden records sharing a Wikidata code (kept apart by SPRVD id)');
      id = `org-${r.sv_id.toLowerCase()}`;
    }
    usedIds.add(id);
    const parentId = r.parent ? idOfSv({ sv_id: r.parent, qid: r.parent_qid }) : undefined;
    const entity: Entity = {
      id,
      type: 'organization',
      name: r.name_en,
      aliases: names.aliases,
      description,
      facts,
      ...(parentId && parentId !== id ? { related: [parentId] } : {}),
    };
    entities.push(entity);
    svEntities.set(r.sv_id, { entity, names });
  }

  let joined = 0;
  for (const members of groups.values()) {
    // The SupraVerden organisation the group names, if any: the one most members point at.
    const votes = new Map<string, number>();
    for (const m of members) {
      const sv = svOf.get(m.px_id);
      if (sv) votes.set(sv, (votes.get(sv) ?? 0) + 1);
    }
    const sv = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const target = sv ? svEntities.get(sv) : undefined;
    if (target) {
      joined += members.length;
      for (const m of members) {
        for (const n of m.names) {
          if (n.acronym) target.names.add(n.text, 'acronym');
          else target.names.add(n.text);
        }
      }
      continue;
    }
    const first = members[0] as PhoenixOrg;
    const all = members.flatMap((m) => m.names);
    const expansion = members.find((m) => m.expansion)?.expansion ?? null;
    const full = all.find((n) => !n.acronym)?.text ?? expansion ?? (all[0] as { text: string }).text;
    // A bare two- or three-letter code ("IU", "CNIE" stays) says too little and collides with too much.
    if (all.every((n) => n.acronym) && !expansion && full.replace(/[^A-Za-z]/g, '').length < 4) {
      tally.add('Phoenix entries that are only a short acronym');
      continue;
    }
    if (isGeneric(full) || !longEnough(full)) {
      tally.add('Phoenix entries with only a generic name');
      continue;
    }
    const names = new NameSet(full, tally);
    for (const n of all) names.add(n.text, n.acronym ? 'acronym' : 'name');
    if (expansion) names.add(expansion);
    // "Brookings Institute" → "Brookings": a founder's name that is no ordinary word.
    const m = /^(\p{Lu}[\p{L}'’-]+) (Institute|Institution|Foundation|Endowment)$/u.exec(full);
    if (m && !isDictionaryWord(m[1] as string) && !isAcronym(m[1] as string)) names.add(m[1]);
    const country = ctx.countries.byIso3(first.country);
    const countryName = country ? ctx.countries.name(country) : undefined;
    const what =
      first.kind === 'think tank'
        ? 'Think tank'
        : first.kind === 'ngo'
          ? 'Non-governmental organisation'
          : 'Intergovernmental organisation';
    const sourceId = `phoenix-${first.px_id}`;
    sources.set(sourceId, recordSource(sourceId, D.phoenix, first.record));
    const codes = [...new Set(members.map((x) => x.code))].join(', ');
    let id = `org-${slugId(full)}`;
    for (let i = 2; usedIds.has(id); i++) id = `org-${slugId(full)}-${i}`;
    usedIds.add(id);
    entities.push({
      id,
      type: 'organization',
      name: full,
      aliases: names.aliases,
      description: `${what}${countryName ? ` (${countryName})` : ''}.`,
      facts: [
        { label: 'CAMEO actor code', value: codes, source: sourceId },
        // The country the description names: the one the actor code names.
        ...(countryName ? [{ label: 'Country', value: countryName, source: sourceId }] : []),
      ],
      ...(country ? { country } : {}),
    });
  }
  // Government institutions and news outlets, after the organisations above so that their ids stay as they were.
  const countryOf = bodyCountries(ctx);
  const institutions = mergeBodies(
    [
      ...phoenixInstitutions(countries, countryOf, acronyms, givenNames, tally),
      ...factbookBodies(ctx, countryOf, tally),
    ],
    tally,
  );
  const outlets = phoenixOutlets(international, ctx.countries, acronyms, givenNames, tally);
  const bodies = phoenixBodyEntities(ctx, institutions, outlets, usedIds, sources);
  entities.push(...bodies);
  entities.sort(byId);
  const outletCount = bodies.filter((e) => e.type === 'outlet').length;
  const fromPhoenix = institutions.filter((b) => b.entry).length;
  ctx.log(
    `    organizations: ${entities.length} entities (${svRows.length} SupraVerden, ${joined} Phoenix entries joined to them, ${institutions.length} state institutions: ${fromPhoenix} from Phoenix, ${institutions.length - fromPhoenix} from the Factbook only; ${outletCount} news outlets); left out: ${tally}`,
  );
  return {
    id: 'organizations',
    name: 'Organisations: international bodies, state institutions, NGOs, think tanks and news outlets',
    version: D.supraverden.snapshot,
    license: 'CC-BY-SA-4.0 (share-alike, from SupraVerden); Phoenix dictionaries MIT',
    about: { kind: 'organizations', region: 'World', datasets: [D.supraverden, D.phoenix, D.factbook] },
    sources: citedSources(entities, sources),
    entities,
    coverage: [],
  };
}

// ---------------------------------------------------------------------------
// Government institutions (Phoenix country actors; the Factbook's legislatures,
// chambers and highest courts) and news outlets (Phoenix international actors,
// code MED).
//
// A Phoenix entry is one CAMEO actor: its synonyms are whatever the coder
// should code alike, so one entry often lumps several bodies ("UNITED_STATES_
// CONGRESS_" lists the Senate, the House and four committees; "US_
// INTELLIGENCE_COMMUNITY_" the CIA and the NSA). The entry is split into
// bodies by its names: variants of one name (with or without the country,
// "Department of X" or "X Department", singular or plural) are one body; a
// name with its own institution noun ("… Agency", "… Committee") is another;
// an acronym goes with the name it abbreviates. Bodies of one name in one
// country are merged across entries, and with the Factbook's.
//
// Names several countries' bodies share ("Senate", "Supreme Court", "Department
// of Defense") are short forms, which the linker takes only after the full name
// or in a text about that one country; the entity is named with its country
// ("United States Senate", "Senate (France)").

// CAMEO country codes that are not ISO 3166 ones.
const PHOENIX_PLACES: Record<string, { name: string; iso3: string; demonym: string }> = {
  KSV: { name: 'Kosovo', iso3: 'UNK', demonym: 'Kosovar' },
  DDR: { name: 'East Germany', iso3: 'DEU', demonym: 'East German' },
};

// Nouns that make a name a body's: "… Agency", "Department of …", "… Corps".
const INSTITUTION_WORDS = new Set(
  `academy administration agency army assembly bank board bundesrat bundestag bureau cabinet chiefs command commission
  committee community congress corporation corps council court department directorate duma force forces foundation
  government guard guards headquarters institute legislature marines military ministry navy office parliament patrol
  police reserve rifles senate service services survey tribunal`.split(/\s+/),
);
// Of those, the ones that may stand alone as a short form: "the Senate", "Congress", "Parliament" (never
// "Army", "Government" or "Ministry" alone).
const LONE_BODY_WORDS = new Set(['senate', 'congress', 'parliament', 'duma']);
// Institution nouns that complete a body's name rather than name another body: "Revolutionary Guard Corps".
const NAME_SUFFIXES = new Set(['corps', 'agency', 'service', 'organization', 'organisation', 'bureau', 'directorate']);
// A country and one of these is a description ("US_MILITARY", "SYRIA'S_GOVERNMENT"), kept only in full.
const DESCRIPTIVE_WORDS = new Set(['military', 'government']);
// Acronyms that news pages use far more often for what the dictionaries do not hold: "EPA" under a news
// photo is the European Pressphoto Agency, not the US Environmental Protection Agency.
const PHOTO_CREDIT_ACRONYMS = new Set(['EPA']);
// Posts, people and staff, not bodies: "WHITE_HOUSE_SPOKESMAN", "SUPREME_COURT_JUSTICES", "SECDEF".
const BODY_ROLE =
  /\b(officials?|spokes(man|woman|person)|secretary|justices|chancellor|bundeskanzler|soldiers|secdef|ambassador|attorney[ -]general|vice[ -]president|president|prime minister|ministers?|commander[ -]in[ -]chief|chairman|leader|journalist|reporter|envoy)\b/i;
// CAMEO roles of state bodies: government, legislature, judiciary, military, intelligence, police.
const BODY_ROLES = /^(GOV|LEG|JUD|MIL|SPY|COP)/;

/** What a CAMEO code's roles say a body is: "USAGOVLEG" → "Legislative body". */
function bodyKind(codes: readonly string[]): string {
  const roles = new Set(codes.flatMap((c) => c.slice(3).match(/.{3}/g) ?? []));
  if (roles.has('LEG')) return 'Legislative body';
  if (roles.has('JUD')) return 'Court';
  if (roles.has('SPY')) return 'Intelligence agency';
  if (roles.has('COP')) return 'Police or security agency';
  if (roles.has('MIL')) return 'Military body';
  return 'Government institution';
}

/** A country's names as they qualify a body's name: "United States", "US", "American". */
interface BodyCountry {
  id: string;
  /** The CAMEO code's country ("USA", "KSV"). */
  code: string;
  name: string;
  demonym: string | undefined;
  /** Folded qualifiers, longest first: "united states of america", "american", "us". */
  qualifiers: string[];
}

function bodyCountries(ctx: BuildContext): (code: string) => BodyCountry | undefined {
  const list = createRequire(import.meta.url)('world-countries') as {
    cca3: string;
    name: { common: string; official: string };
    demonyms?: { eng?: { m?: string; f?: string } };
    altSpellings?: string[];
  }[];
  const byCode = new Map(list.map((c) => [c.cca3, c]));
  const cache = new Map<string, BodyCountry | undefined>();
  return (code) => {
    if (cache.has(code)) return cache.get(code);
    const place = PHOENIX_PLACES[code];
    const id = ctx.countries.byIso3(place ? place.iso3 : code);
    const wc = byCode.get(place ? place.iso3 : code);
    let out: BodyCountry | undefined;
    if (id && wc) {
      const name = place?.name ?? ctx.countries.name(id) ?? wc.name.common;
      const demonym = place?.demonym ?? wc.demonyms?.eng?.m;
      // "UK", "Great Britain", "Deutschland": the spellings world-countries gives, of two letters or more.
      const alt = (wc.altSpellings ?? []).filter((a) => (a.length >= 2 && !/^[A-Z]{2}$/.test(a)) || a === 'UK');
      const q = [name, wc.name.common, wc.name.official, demonym, wc.demonyms?.eng?.f, ...alt];
      if (code === 'USA') q.push('US', 'USA', 'United States of America');
      const qualifiers = [...new Set(q.filter((x): x is string => !!x).map(foldName))].sort(
        (a, b) => b.length - a.length,
      );
      out = { id, code, name, demonym, qualifiers };
    }
    cache.set(code, out);
    return out;
  };
}

/** Folded words of a name, "U.S." as "us": "U.S. Department of State" → ["us", "department", "of", "state"]. */
function bodyWords(text: string): string[] {
  return foldName(text.replace(/\bU\.\s?S\.(?=\s|$)/g, 'US').replace(/-/g, ' '))
    .split(' ')
    .filter(Boolean);
}

/**
 * The words of a name without its country: "US Senate" → ["senate"],
 * "Supreme Court of the United States" → ["supreme", "court"],
 * "Syria's Government" → ["government"].
 */
function unqualified(words: readonly string[], country: BodyCountry): string[] {
  let w = words[0] === 'the' ? words.slice(1) : [...words];
  const starts = (q: string[], at: number) => q.every((x, i) => w[at + i] === x);
  for (const q of country.qualifiers.map((s) => s.split(' '))) {
    if (w.length > q.length && starts(q, 0)) {
      w = w.slice(q.length);
      break;
    }
    // "Syria's": foldName keeps the apostrophe.
    const poss = [...q.slice(0, -1), `${q[q.length - 1]}'s`];
    if (w.length > poss.length && starts(poss, 0)) {
      w = w.slice(poss.length);
      break;
    }
  }
  for (const q of country.qualifiers.map((s) => s.split(' '))) {
    for (const tail of [
      ['of', ...q],
      ['of', 'the', ...q],
    ]) {
      if (w.length > tail.length && tail.every((x, i) => w[w.length - tail.length + i] === x)) {
        w = w.slice(0, w.length - tail.length);
        return w;
      }
    }
  }
  return w;
}

const BODY_STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'staff']);

function singular(w: string): string {
  const s = w === 'defence' ? 'defense' : w;
  return s.length > 3 && s.endsWith('s') && !s.endsWith('ss') ? s.slice(0, -1) : s;
}

/** Content words, singular: the key one body's variant names share ("Defense Department" ~ "Department of Defense"). */
function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => !BODY_STOP.has(w)).map((w) => singular(w.replace(/'s$/, '').replace(/'/g, '')));
}

function isInstitutionWord(w: string): boolean {
  return INSTITUTION_WORDS.has(w) || INSTITUTION_WORDS.has(singular(w));
}

/** Every word an ordinary English word (small words aside): "Federal Reserve", "White House". */
function allDictionaryWords(words: readonly string[]): boolean {
  return words.every(
    (w) => BODY_STOP.has(w) || SMALL_WORDS.has(w) || isDictionaryWord(w.replace(/'s$/, '').replace(/[^a-z]/g, '')),
  );
}

/** A word in capitals in normal case: "AL-JAZEERA" → "Al-Jazeera", "MCCLATCHY" → "McClatchy". */
function wordCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/^Mc(\p{Ll})/u, (_, ch: string) => `Mc${ch.toUpperCase()}`);
}

/** A name of one body as an entry writes it. */
interface BodyName {
  text: string;
  /** Folded words without the country. */
  core: string[];
  /** The name carries the country ("US Senate", "Israeli …"). */
  qualified: boolean;
  acronym: boolean;
  /** One word in the dictionary ("NASA_", "DUMA"): an acronym or a word, decided with the entry's other names. */
  single: boolean;
  /** Line of the dictionary it comes from, and the line as written. */
  line: number;
  raw: string;
}

/** One body: the names that are variants of one name. */
interface Body {
  country: BodyCountry;
  codes: Set<string>;
  names: BodyName[];
  /** Content-word keys of its names (sorted, and as written). */
  keys: Set<string>;
  /** The entry's primary body it was listed with, when it is not that body itself. */
  listedWith: Body | undefined;
  /** The Phoenix entry line of its first name, for the source (none for a body only the Factbook names). */
  entry: { line: number; raw: string } | undefined;
  /** What the Factbook says of it: the legislature, its chambers, the highest courts. */
  factbook: FactbookRecord[];
}

/** A legislature, chamber or highest court as the Factbook's Government section gives it. */
interface FactbookRecord {
  /** The profile ("europe/fr") and the field ("Legislative branch - upper chamber"). */
  file: string;
  field: string;
  /** "Upper chamber of the Parliament of France". */
  what: string;
  fact: { label: string; value: string } | undefined;
  /** The legislature a chamber belongs to ("Parliament"), as the Factbook names it. */
  partOf?: string | undefined;
}

function bodyKeys(core: readonly string[]): string[] {
  const content = contentWords(core);
  return [[...content].sort().join(' '), content.join('')];
}

/**
 * Whether `name` is `base` with words added that name no other body: "White
 * House National Security Council" ⊃ "National Security Council", "Revolutionary
 * Guard Corps" ⊃ "Revolutionary Guard", "Directorate for Inter-Services
 * Intelligence" ⊃ "Inter-Services Intelligence" — but "Senate Armed Services
 * Committee" is not the Senate.
 */
function extendsName(name: readonly string[], base: readonly string[]): boolean {
  if (base.length === 0 || name.length <= base.length) return false;
  for (let at = 0; at + base.length <= name.length; at++) {
    if (!base.every((w, i) => name[at + i] === w)) continue;
    const before = name.slice(0, at);
    const after = name.slice(at + base.length);
    const extra = [...before, ...after].filter((w) => !BODY_STOP.has(w));
    if (!extra.some(isInstitutionWord)) return true;
    // "… Corps", "… Security Agency" after a name of two words or more (but "… Navy", "… Air Force" are branches).
    if (
      before.length === 0 &&
      base.length >= 2 &&
      after.length <= 2 &&
      NAME_SUFFIXES.has(after[after.length - 1] as string)
    )
      return true;
    // "Directorate for …": an institution noun and a small word before the name.
    if (
      after.length === 0 &&
      before.length === 2 &&
      BODY_STOP.has(before[1] as string) &&
      isInstitutionWord(before[0] as string)
    )
      return true;
  }
  return false;
}

/** The last institution noun of a name ("council" in "Expediency Council"), if any. */
function headWord(core: readonly string[]): string | undefined {
  for (let i = core.length - 1; i >= 0; i--)
    if (isInstitutionWord(core[i] as string)) return singular(core[i] as string);
  return undefined;
}

/** "DGSE" ~ "General Directorate for External Security": the same initials in another order (French word order). */
function sameInitials(acronym: string, name: string): boolean {
  const letters = [...acronym.toUpperCase().replace(/[^A-Z]/g, '')].sort().join('');
  const initials = bodyWords(name)
    .filter((w) => !BODY_STOP.has(w) && !SMALL_WORDS.has(w))
    .map((w) => w.charAt(0).toUpperCase())
    .sort()
    .join('');
  return letters.length >= 3 && letters === initials;
}

/** Whether an acronym abbreviates a name, with or without the country in it ("OFDA" ~ "Office of US Foreign Disaster Assistance"). */
function abbreviates(acronym: string, name: BodyName, country: BodyCountry): boolean {
  const plain = name.text.replace(/\bU\.\s?S\.(?=\s|$)/g, 'US');
  const inner = plain
    .split(/\s+/)
    .filter((w) => !country.qualifiers.includes(foldName(w)))
    .join(' ');
  // A word spells only itself ("SENATE" in "US Senate" abbreviates nothing).
  return [plain, inner].some((n) => /\s/.test(n) && (acronymFits(acronym, n) || sameInitials(acronym, n)));
}

interface OutletEntry {
  names: { text: string; acronym: boolean }[];
  code: string;
  /** "Qatar-based broadcaster": what the dictionary says of it. */
  said: string | undefined;
  country: string | undefined;
  records: { line: number; raw: string }[];
}

/**
 * Resolves the codes an entry has: one without codes takes those of the next
 * entry that has some (the dictionaries list a person's or a body's variant
 * names as entries in a row, coded once after the last).
 */
function withCodes(entries: readonly PhoenixEntry[]): { entry: PhoenixEntry; codes: PhoenixEntry['codes'] }[] {
  const out: { entry: PhoenixEntry; codes: PhoenixEntry['codes'] }[] = [];
  let pending: PhoenixEntry[] = [];
  for (const e of entries) {
    if (e.codes.length === 0) {
      pending.push(e);
      continue;
    }
    for (const p of [...pending, e]) out.push({ entry: p, codes: e.codes });
    pending = [];
  }
  return out;
}

function phoenixInstitutions(
  countriesDict: readonly PhoenixEntry[],
  countryOf: (code: string) => BodyCountry | undefined,
  acronyms: ReadonlySet<string>,
  givenNames: ReadonlySet<string>,
  tally: Tally,
): Body[] {
  const bodies: Body[] = [];
  for (const { entry: e, codes: rawCodes } of withCodes(countriesDict)) {
    if (/CountryInfo/.test(e.comment)) continue; // the CountryInfo people
    const codes = [...new Set(rawCodes.map((c) => c.code).filter((c) => c && c !== '---'))];
    if (codes.length === 0 || !codes.every((c) => c.length > 3 && BODY_ROLES.test(c.slice(3)))) continue;
    const countryCodes = new Set(codes.map((c) => c.slice(0, 3)));
    const country = countryCodes.size === 1 ? countryOf(codes[0]?.slice(0, 3) as string) : undefined;
    if (!country) {
      tally.add('Phoenix institutions of no single ISO country');
      continue;
    }
    const legislature = codes.some((c) => c.includes('LEG'));
    // A dated code is a person's term, unless the name says it is a body ("KOSOVO_ASSEMBLY").
    const dated = rawCodes.some((c) => c.dated);
    const readable = (raw: string): BodyName | string => {
      // "U.S." is the country, not a person's initials.
      let words = phoenixWords(raw).map((w) => (w === 'U.S.' ? 'US' : w));
      if (words[0] === 'THE' && words.length > 1) words = words.slice(1);
      const text = titleCase(words, acronyms);
      if (/\bparty\b/i.test(text)) return 'Phoenix parties listed as state bodies';
      if (BODY_ROLE.test(text.replace(/office of the president/gi, ''))) return 'Phoenix posts and roles';
      // Legislatures are no people ("LOK_SABHA" has the shape of a name).
      const reason = phoenixReject(words, legislature ? new Set() : givenNames);
      if (reason && !(reason === 'people' && legislature)) return `Phoenix ${reason}`;
      const all = bodyWords(text);
      const core = unqualified(all, country);
      const qualified = core.length < all.length - (all[0] === 'the' ? 1 : 0);
      return { text, core, qualified, acronym: false, single: words.length === 1, line: e.line, raw };
    };
    const primary = readable(e.raw);
    if (typeof primary === 'string') {
      tally.add(primary);
      continue;
    }
    if (dated && !primary.core.some(isInstitutionWord)) continue;
    const names: BodyName[] = [primary];
    for (const s of e.synonyms) {
      const n = readable(s);
      if (typeof n === 'string') tally.add(n);
      else names.push(n);
    }
    // A single word in capitals is an acronym when it abbreviates another of the entry's names
    // or cannot be read as a word ("NASA", "FSB", "GCHQ", "MI6"); else a word ("Duma", "Stasi").
    for (const n of names) {
      if (!n.single) continue;
      const upper = n.raw.replace(/[_\s]+/g, '').toUpperCase();
      const fits = names.some((m) => m !== n && !m.single && abbreviates(upper, m, country));
      // Three consonants in a row in a short word: "DCRI", "STRATCOM" (not "REICHSTAG").
      const unreadable = !/[AEIOUY]/.test(upper) || (upper.length <= 8 && /[B-DF-HJ-NP-TV-XZ]{3}/.test(upper));
      n.acronym =
        fits || (isAcronym(upper) && (upper.length <= 3 || acronyms.has(upper) || unreadable || /\d/.test(upper)));
      n.text = n.acronym ? upper : wordCase(upper);
    }
    // Names with the entry's acronyms in capitals: "PLA Navy", not "Pla Navy".
    const own = new Set([...acronyms, ...names.filter((n) => n.acronym).map((n) => n.text)]);
    for (const n of names) {
      if (n.single) continue;
      let words = phoenixWords(n.raw).map((w) => (w === 'U.S.' ? 'US' : w));
      if (words[0] === 'THE' && words.length > 1) words = words.slice(1);
      n.text = titleCase(words, own);
    }
    // "PLA Navy" is the "Peoples Liberation Army Navy": acronym words spelled out before keying.
    const expansions = new Map<string, string[]>();
    for (const a of names.filter((n) => n.acronym)) {
      const full = names.find((m) => !m.acronym && abbreviates(a.text, m, country));
      if (full) expansions.set(foldName(a.text), full.core);
    }
    const local: Body[] = [];
    const keysOf = (n: BodyName) => bodyKeys(n.core.flatMap((w) => expansions.get(w) ?? [w]));
    const add = (b: Body, n: BodyName) => {
      b.names.push(n);
      for (const k of keysOf(n)) b.keys.add(k);
    };
    const open = (n: BodyName): Body => {
      const b: Body = {
        country,
        codes: new Set(codes),
        names: [],
        keys: new Set(),
        listedWith: local[0],
        entry: { line: n.line, raw: n.raw },
        factbook: [],
      };
      add(b, n);
      local.push(b);
      return b;
    };
    const words = names.filter((n) => !n.acronym);
    for (const n of words) {
      const keys = keysOf(n);
      const first = local[0];
      const same =
        local.find((b) => keys.some((k) => b.keys.has(k))) ??
        local.find((b) => b.names.some((m) => !m.acronym && extendsName(n.core, m.core))) ??
        local.find((b) =>
          b.names.some((m) => {
            // "Expediency Council" ~ "Expediency Discernment Council of the System": one institution noun, fewer words.
            const head = headWord(n.core);
            if (!head || head !== headWord(m.core)) return false;
            const mine = contentWords(n.core);
            const theirs = new Set(contentWords(m.core));
            return mine.length >= 2 && mine.length < theirs.size && mine.every((w) => theirs.has(w));
          }),
        );
      if (same) {
        add(same, n);
        continue;
      }
      if (!first) {
        open(n);
        continue;
      }
      const core = n.core;
      const firstCore = first.names[0]?.core ?? [];
      const proper = (ws: readonly string[]) => !allDictionaryWords(ws);
      if (core.some(isInstitutionWord)) {
        // A single word that ends another body's name ("Duma" of "State Duma") goes with it.
        const ends =
          core.length === 1
            ? local.find((b) => b.names.some((m) => m.core.length > 1 && m.core[m.core.length - 1] === core[0]))
            : undefined;
        if (ends) add(ends, n);
        else open(n);
      } else if (core.length === 1) {
        const bothProper =
          proper(core) && firstCore.length === 1 && proper(firstCore) && !firstCore.some(isInstitutionWord);
        // "BUNDESTAG" beside "BUNDESRAT": two bodies; "STASI" beside "MINISTRY_FOR_STATE_SECURITY_", "PENTAGON" beside the military: the same.
        if (bothProper) open(n);
        else add(first, n);
      } else if (n.qualified && core.length >= 2 && allDictionaryWords(core)) {
        // "US Immigration and Customs Enforcement": a named body.
        open(n);
      } else if (proper(core) && !firstCore.some(isInstitutionWord) && proper(firstCore) && !n.qualified) {
        // "RAJYA_SABHA" beside "LOK_SABHA".
        open(n);
      } else {
        tally.add('Phoenix synonyms naming no body of their own (places, descriptions)');
      }
    }
    // Acronyms with the name they abbreviate; one that fits none goes with the entry's only body.
    for (const a of names.filter((n) => n.acronym)) {
      const fit = local.find((b) => b.names.some((m) => !m.acronym && abbreviates(a.text, m, country)));
      if (fit) add(fit, a);
      else if (local.length === 1) add(local[0] as Body, a);
      else tally.add('Phoenix acronyms abbreviating none of their entry\u2019s bodies');
    }
    bodies.push(...local);
  }
  return bodies;
}

/** A body's display name and aliases, with the kind the linker needs for each. */
function bodyNames(b: Body, shared: ReadonlySet<string>): { name: string; aliases: Alias[] } {
  const country = b.country;
  const usa = country.code === 'USA';
  const words = b.names.filter((n) => !n.acronym);
  const expandUs = (text: string) => (usa && /^US /.test(text) ? `United States ${text.slice(3)}` : undefined);
  const countryWords = foldName(country.name).split(' ');
  const hasCountry = (n: BodyName) => {
    const all = bodyWords(n.text);
    // An English name with the country in it ("High Court of Australia"), not a native one ("… Especial de Macau").
    if (!allDictionaryWords(n.core)) return false;
    return all.some((_, i) => countryWords.every((w, j) => all[i + j] === w));
  };
  // The name: one that names the country ("United States Congress"), "US Senate" spelt out,
  // one with the demonym ("Russian Federal Assembly"), or the first; a name of ordinary words
  // only ("Department of Defense", "Federal Security Service") with its country.
  let name =
    words.find(hasCountry)?.text ??
    words.map((n) => expandUs(n.text)).find(Boolean) ??
    words.find((n) => n.qualified)?.text;
  if (!name) {
    // "People's Liberation Army" rather than the dictionary's other spelling "Peoples Liberation Army".
    const plain = (t: string) => t.replace(/['’]/g, '');
    const first =
      words.find((n) => /['’]/.test(n.text) && plain(n.text) === plain(words[0]?.text ?? '')) ?? (words[0] as BodyName);
    const generic =
      allDictionaryWords(first.core) && (first.core.some(isInstitutionWord) || shared.has(foldName(first.text)));
    name = !generic ? first.text : usa ? `United States ${first.text}` : `${first.text} (${country.name})`;
  }
  const aliases: Alias[] = [];
  const seen = new Set<string>([foldName(name)]);
  const push = (text: string, kind: NonNullable<Alias['kind']>) => {
    const t = cleanText(text);
    if (!t || !longEnough(t) || seen.has(foldName(t))) return;
    seen.add(foldName(t));
    aliases.push(kind === 'name' ? { text: t } : { text: t, kind });
  };
  const single = (text: string) => {
    // "Senate", "Pentagon", "Treasury": a short form; "Army", "Government", "Ministry" alone: never.
    const w = foldName(text);
    if (!isDictionaryWord(w)) push(text, shared.has(w) ? 'short' : 'name');
    else if (!isInstitutionWord(w) || LONE_BODY_WORDS.has(w)) push(text, 'short');
  };
  for (const n of b.names) {
    if (n.acronym) {
      if (!PHOTO_CREDIT_ACRONYMS.has(n.text)) push(n.text, 'acronym');
      continue;
    }
    if (n.core.length === 0) continue;
    // "US Military", "Syria's Government": a description, not a name, but in the full form the data gives.
    const descriptive = n.qualified && n.core.length === 1 && DESCRIPTIVE_WORDS.has(n.core[0] as string);
    const full = expandUs(n.text);
    if (full) push(full, 'name');
    if (/^US /.test(n.text) && !descriptive) push(`U.S. ${n.text.slice(3)}`, 'name');
    if (!/\s/.test(n.text)) single(n.text);
    else if (!descriptive || !/^US /.test(n.text))
      push(n.text, n.qualified || (!allDictionaryWords(n.core) && !shared.has(foldName(n.text))) ? 'name' : 'short');
    // Without the country, a short form: "US Congress" → "Congress", "US Supreme Court" → "Supreme Court".
    if (n.qualified && n.core.length === 1) single(wordCase(n.core[0] as string));
    const bare = n.text
      .split(/\s+/)
      .slice(n.text.split(/\s+/).length - n.core.length)
      .join(' ');
    if (n.qualified && n.core.length >= 2 && foldName(bare) === n.core.join(' ')) push(bare, 'short');
    // "… Department of the Treasury" → "Treasury".
    const dept = /\bDepartment of the (\p{Lu}\p{Ll}+)$/u.exec(n.text);
    if (dept) single(dept[1] as string);
  }
  return { name, aliases };
}

/** News outlets: the Phoenix international actors coded MED ("REUTERS", "AFP", "HAARETZ [ISRMED]"). */
function phoenixOutlets(
  international: readonly PhoenixEntry[],
  countries: BuildContext['countries'],
  acronyms: ReadonlySet<string>,
  givenNames: ReadonlySet<string>,
  tally: Tally,
): OutletEntry[] {
  const out: OutletEntry[] = [];
  const byKey = new Map<string, OutletEntry>();
  for (const e of international) {
    const codes = [...new Set(e.codes.map((c) => c.code).filter((c) => c && c !== '---'))];
    const code = codes[0] as string;
    // "MED", or a country's media ("ISRMED"); not an NGO's ("NGOMED") or a company's ("MNCUSAMED").
    if (codes.length !== 1 || !(code === 'MED' || (/^[A-Z]{3}MED$/.test(code) && countries.byIso3(code.slice(0, 3)))))
      continue;
    let said: string | undefined;
    const raws: { words: string[]; the: boolean }[] = [];
    for (const raw of [e.raw, ...e.synonyms]) {
      // "QATAR-BASED_BROADCASTER_AL-JAZEERA": what it is, then its name.
      const based = /^([A-Z]+)-BASED_(?:(BROADCASTER|NEWSPAPER|AGENCY)_)?(.+)$/.exec(raw.trim());
      if (based) said ??= `${wordCase(based[1] as string)}-based ${(based[2] ?? 'outlet').toLowerCase()}`;
      const words = phoenixWords(based ? (based[3] as string) : raw);
      const the = words[0] === 'THE' && words.length > 1;
      raws.push({ words: the ? words.slice(1) : words, the });
    }
    // Single words in capitals that are acronyms ("AFP", "BBC"), and the names they abbreviate ("AGENCE_FRANCE-PRESSE").
    const short = raws
      .filter((r) => r.words.length === 1 && isAcronym(r.words[0] as string) && (r.words[0] as string).length <= 4)
      .map((r) => r.words[0] as string)
      .filter((w) => !/^(AL|EL)-/.test(w));
    const own = new Set([...acronyms, ...short]);
    const names: { text: string; acronym: boolean }[] = [];
    for (const r of raws) {
      const upper = r.words.join(' ');
      const spelled = short.some((a) => acronymFits(a, upper));
      // People ("GLENN_GREENWALD", but not what an acronym spells) and roles ("DC_JOURNALIST"); a post's
      // word at the end of an outlet's name is its name ("AL-MONITOR").
      const found = phoenixReject(r.words, givenNames);
      const reason = found === 'posts and roles' ? undefined : found;
      if ((reason && !(reason === 'people' && spelled)) || BODY_ROLE.test(upper)) {
        tally.add(`Phoenix media entries that are ${reason === 'people' ? 'people' : 'no outlet\u2019s name'}`);
        continue;
      }
      const acronym = short.includes(upper);
      let text = r.words.length === 1 ? (acronym ? upper : wordCase(upper)) : titleCase(r.words, own);
      // "THE_GUARDIAN": "Guardian" alone is an ordinary word, "The Guardian" a name.
      if (r.the && r.words.length === 1 && isDictionaryWord(text)) text = `The ${text}`;
      names.push({ text, acronym });
    }
    if (names.length === 0) continue;
    const country =
      (code.length === 6 ? countries.byIso3(code.slice(0, 3)) : undefined) ??
      (said ? countries.byName(said.replace(/-based.*$/, '')) : undefined);
    const keys = names.map((n) =>
      foldName(n.text)
        .replace(/^the /, '')
        .replace(/[^a-z0-9]+/g, ''),
    );
    const twin = keys.map((k) => byKey.get(k)).find((x) => x !== undefined);
    const entry = twin ?? { names: [], code, said, country, records: [] };
    if (!twin) out.push(entry);
    else tally.add('Phoenix media entries of one outlet (merged)');
    entry.names.push(...names);
    entry.said ??= said;
    entry.country ??= country;
    entry.records.push({ line: e.line, raw: e.raw });
    for (const k of keys) byKey.set(k, entry);
  }
  return out;
}

/** An outlet's display name and aliases: "AFP" → "Agence France-Presse" with "AFP"; "Associated Press" with "AP". */
function outletNames(o: OutletEntry): { name: string; aliases: Alias[] } {
  const full = o.names.filter((n) => !n.acronym);
  // The entry's first name, or the full name its acronym stands for ("AFP" → "Agence France-Presse"; "BBC" stays,
  // the dictionary's "British Broadcasting Service" is not what it stands for).
  const first = o.names[0] as { text: string; acronym: boolean };
  const name = first.acronym ? (full.find((n) => acronymFits(first.text, n.text))?.text ?? first.text) : first.text;
  const aliases: Alias[] = [];
  const seen = new Set<string>([name]);
  const push = (text: string, kind: NonNullable<Alias['kind']>) => {
    if (!longEnough(text) || seen.has(text)) return;
    seen.add(text);
    aliases.push(kind === 'name' ? { text } : { text, kind });
  };
  for (const n of o.names) {
    if (n.acronym) push(n.text, 'acronym');
    else push(n.text, 'name');
    // "The Guardian" → "Guardian", linked only after the full name.
    const bare = /^The (\p{Lu}\p{Ll}+)$/u.exec(n.text);
    if (bare) push(bare[1] as string, 'short');
  }
  // A name of ordinary words is known by its initials ("Associated Press" → "AP", "Wall Street Journal" → "WSJ"),
  // unless the dictionary gives an acronym.
  if (!o.names.some((n) => n.acronym)) {
    for (const n of full) {
      const words = n.text.split(/\s+/);
      if (
        words.length >= 2 &&
        !/^The /.test(n.text) &&
        words.every((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w) && isDictionaryWord(w))
      )
        push(words.map((w) => w.charAt(0)).join(''), 'acronym');
    }
  }
  return { name, aliases };
}

/**
 * Bodies the hand-written packs already hold ("us-state-department"): a
 * generated body of the same name and country takes that id, so the
 * hand-written entry extends it rather than competing with it.
 */
function handWrittenBodies(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = fileURLToPath(new URL('../../assets/packs/', import.meta.url));
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const pack = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Pack;
    for (const e of pack.entities) {
      if (e.type !== 'organization' && e.type !== 'outlet') continue;
      for (const n of [e.name, ...e.aliases.filter((a) => !a.lang).map((a) => a.text)])
        out.set(`${e.country ?? ''}|${foldName(n)}`, e.id);
    }
  }
  return out;
}

// Legislatures, their chambers and the highest courts, as the Factbook names them:
// "Senate (S&eacute;nat)", "German Bundestag (Deutscher Bundestag)", "Court of Cassation or
// Cour de Cassation (consists of …)". The English name and the native one are both names.
const FACTBOOK_BODY_FIELDS = [
  ['Legislative branch', 'legislature name', 'legislative structure'],
  ['Legislative branch - lower chamber', 'chamber name', 'number of seats'],
  ['Legislative branch - upper chamber', 'chamber name', 'number of seats'],
] as const;

/** "Senate (S&eacute;nat)" → ["Senate", "Sénat"]; "Parlement (Parliament)" → ["Parliament", "Parlement"]: English first. */
function factbookNames(raw: string, country: BodyCountry): string[] {
  const text = decodeHtml(raw)
    .replace(/^The\s+/, '')
    .trim();
  if (!text || /\bnote\b|\bsee\b|;|:/i.test(text) || /^none\b/i.test(text)) return [];
  const m = /^([^()]+?)\s*\(([^()]+)\)$/.exec(text);
  const parts = (m ? [m[1] as string, m[2] as string] : [text]).flatMap((p) => p.split(/\s+or\s+|\s+-\s+/));
  const names = parts
    .map((p) => cleanText(p).replace(/^(the|las?|los|le|les|el|die|der)\s+(?=\p{Lu})/iu, ''))
    .filter((p) => /^\p{Lu}/u.test(p) && p.split(/\s+/).length <= 10 && longEnough(p))
    // A sentence, not a name: "High Court is the final appellate court" (a native name's small words stay: "Assemblée nationale").
    .filter(
      (p) =>
        !p
          .split(/\s+/)
          .some((w) => /^\p{Ll}+$/u.test(w) && !SMALL_WORDS.has(w) && !BODY_STOP.has(w) && isDictionaryWord(w)),
    );
  // The English name first: the one of English words.
  const english = (p: string) => allDictionaryWords(unqualified(bodyWords(p), country).filter((w) => !/^\d+$/.test(w)));
  // A native name with the country in it is the country's ("Regiao Administrativa Especial de Macau"), unless it is the only one.
  const countryWords = foldName(country.name).split(' ');
  const others = names.filter((p) => !english(p));
  const native = others.filter((p) => {
    const w = bodyWords(p);
    return names.length === 1 || !w.some((_, i) => countryWords.every((c, j) => w[i + j] === c));
  });
  return [...names.filter(english), ...native];
}

/** "A (x; y); B" → ["A (x; y)", "B"]: split at semicolons outside brackets. */
function splitOutsideBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(text.slice(from).trim());
  return out.filter(Boolean);
}

function factbookBodies(ctx: BuildContext, countryOf: (code: string) => BodyCountry | undefined, tally: Tally): Body[] {
  const root = join(ctx.dataDir, 'factbook');
  const bodies: Body[] = [];
  const done = new Set<string>();
  for (const region of readdirSync(root, { withFileTypes: true })) {
    if (!region.isDirectory() || ['meta', 'world', 'oceans'].includes(region.name)) continue;
    for (const f of readdirSync(join(root, region.name))
      .filter((x) => x.endsWith('.json'))
      .sort()) {
      const file = `${region.name}/${f.replace(/\.json$/, '')}`;
      const doc = JSON.parse(readFileSync(join(root, region.name, f), 'utf8')) as Record<
        string,
        Record<string, unknown>
      >;
      const gov = doc.Government ?? {};
      const field = (path: string[]): string | undefined => {
        let v: unknown = gov;
        for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
        const t = v && typeof v === 'object' ? (v as { text?: unknown }).text : undefined;
        return typeof t === 'string' ? t : undefined;
      };
      const short = decodeHtml(field(['Country name', 'conventional short form']) ?? '').replace(/;.*$/, '');
      const long = decodeHtml(field(['Country name', 'conventional long form']) ?? '').replace(/;.*$/, '');
      const id = ctx.countries.byName(short) ?? ctx.countries.byName(long);
      const iso3 = id ? ctx.countries.iso3(id) : undefined;
      const country = iso3 ? countryOf(iso3.toUpperCase()) : undefined;
      if (!country || done.has(country.id)) continue;
      done.add(country.id);
      const of = countryPhrase(country.name);
      const open = (
        names: string[],
        path: string,
        what: string,
        fact: FactbookRecord['fact'],
        partOf?: string | undefined,
      ) => {
        const body: Body = {
          country,
          codes: new Set(),
          names: [],
          keys: new Set(),
          listedWith: undefined,
          entry: undefined,
          factbook: [{ file, field: path, what, fact, partOf }],
        };
        for (const text of names) {
          const all = bodyWords(text);
          const core = unqualified(all, country);
          if (core.length === 0) continue;
          const qualified = core.length < all.length - (all[0] === 'the' ? 1 : 0);
          body.names.push({ text, core, qualified, acronym: false, single: false, line: 0, raw: text });
          for (const k of bodyKeys(core)) body.keys.add(k);
        }
        if (body.names.length > 0) bodies.push(body);
      };
      // The legislature, then its chambers: "Lower chamber of the Parliament of Australia".
      let legislature: string | undefined;
      for (const [path, nameField, factField] of FACTBOOK_BODY_FIELDS) {
        const names = factbookNames(field([path, nameField]) ?? '', country);
        if (names.length === 0) continue;
        const detail = decodeHtml(field([path, factField]) ?? '');
        if (path === 'Legislative branch') {
          legislature = names[0];
          open(
            names,
            path,
            `Legislature of ${of}${detail ? ` (${detail})` : ''}`,
            detail ? { label: 'Structure', value: detail } : undefined,
          );
        } else {
          const which = path.endsWith('lower chamber') ? 'Lower' : 'Upper';
          // "the Parliament of Australia"; "the UK Parliament" names its country already.
          const named =
            legislature && unqualified(bodyWords(legislature), country).length < bodyWords(legislature).length;
          const whose = legislature
            ? named
              ? `the ${legislature}`
              : `the ${legislature} of ${of}`
            : `the legislature of ${of}`;
          open(
            names,
            path,
            `${which} chamber of ${whose}`,
            detail ? { label: 'Seats', value: detail } : undefined,
            legislature,
          );
        }
      }
      // "High Court of Australia (consists of 7 justices …); …": each court with its composition.
      const courts = splitOutsideBrackets(decodeHtml(field(['Judicial branch', 'highest court(s)']) ?? ''));
      for (const c of courts) {
        const m = /^([^()]+?)\s*(?:\((?:consists of|consisting of)?\s*(.*)\))?\s*$/.exec(c.trim());
        // "Supreme Court of Cassation consists of a chairman and …": the name before the description.
        const names = m
          ? factbookNames((m[1] as string).replace(/\s+(consists of|is organized|organized)\b.*$/, ''), country)
          : [];
        if (names.length === 0 || !names.some((n) => /\b(Court|Tribunal|Council)\b/.test(n))) {
          if (c.trim()) {
            tally.add('Factbook highest-court lines that name no court');
            if (process.env.BODIES_DEBUG) ctx.log(`      no court: ${file}: ${c.slice(0, 120)}`);
          }
          continue;
        }
        const consists = m?.[2]?.trim();
        open(
          names,
          'Judicial branch',
          `${courts.length > 1 ? 'One of the highest courts' : 'Highest court'} of ${of}`,
          consists ? { label: 'Composition', value: consists } : undefined,
        );
      }
    }
  }
  return bodies;
}

/**
 * One body under several entries ("DEPARTMENT_OF_STATE" and "DEPARTMENT_OF_STATE_"), or in Phoenix and
 * the Factbook ("US_SENATE_" and the US Congress's upper chamber "Senate"): merged within a country.
 */
function mergeBodies(bodies: readonly Body[], tally: Tally): Body[] {
  const merged: Body[] = [];
  const byKey = new Map<string, Body>();
  for (const b of bodies) {
    const keys = [...b.keys].map((k) => `${b.country.id}|${k}`);
    const into = keys.map((k) => byKey.get(k)).find((x) => x !== undefined);
    if (into) {
      tally.add(
        b.entry
          ? 'Phoenix bodies listed in several entries (merged)'
          : 'Factbook bodies that Phoenix lists too (merged)',
      );
      into.names.push(...b.names);
      into.factbook.push(...b.factbook);
      for (const c of b.codes) into.codes.add(c);
      for (const k of b.keys) into.keys.add(k);
      for (const k of keys) byKey.set(k, into);
      continue;
    }
    for (const k of keys) byKey.set(k, b);
    merged.push(b);
  }
  return merged;
}

/** The government institutions and news outlets as entities, with their sources. */
function phoenixBodyEntities(
  ctx: BuildContext,
  institutions: readonly Body[],
  outlets: readonly OutletEntry[],
  usedIds: Set<string>,
  sources: Map<string, Source>,
): Entity[] {
  const D = BODIES_DATASETS;
  const handWritten = handWrittenBodies();
  const entities: Entity[] = [];
  const idFor = (name: string, country: string | undefined, aliases: readonly Alias[], suffix: string) => {
    for (const n of [name, ...aliases.map((a) => a.text)]) {
      const known = handWritten.get(`${country ?? ''}|${foldName(n)}`);
      if (known && !usedIds.has(known)) return known;
    }
    let id = `org-${slugId(name)}`;
    if (usedIds.has(id)) id = `org-${slugId(name)}-${suffix}`;
    for (let i = 2; usedIds.has(id); i++) id = `org-${slugId(name)}-${suffix}-${i}`;
    return id;
  };
  // Names several countries' bodies share ("Senate", "Sénat", "Supreme Court"): short forms, linked in context.
  const seenIn = new Map<string, Set<string>>();
  for (const b of institutions)
    for (const n of b.names)
      seenIn.set(foldName(n.text), (seenIn.get(foldName(n.text)) ?? new Set()).add(b.country.id));
  const shared = new Set([...seenIn].filter(([, c]) => c.size > 1).map(([k]) => k));
  const display = new Map<Body, string>();
  for (const b of institutions) display.set(b, bodyNames(b, shared).name);
  for (const b of institutions) {
    const { name, aliases } = bodyNames(b, shared);
    // A lower chamber called "House of …" is "the House" where the text is about its country
    // ("the bill passed the House"; a NYT page on the US deficit says it twice).
    const lowerChamber = b.factbook.some((r) => r.field.endsWith('lower chamber'));
    // (Only after "the" or before its members' party, "House Republicans": see short-forms.ts.)
    if (lowerChamber && [name, ...aliases.map((a) => a.text)].some((n) => /(^| )House of /.test(n)))
      aliases.push({ text: 'House', kind: 'short' });
    // … and one called "Assemblée nationale" is "l'Assemblée" on pages in French.
    if (lowerChamber && [name, ...aliases.map((a) => a.text)].some((n) => /^Assemblée nationale\b/.test(n)))
      aliases.push({ text: 'Assemblée', kind: 'short', lang: 'fr' });
    const facts: Fact[] = [];
    const codes = [...b.codes].sort().join(', ');
    const first = b.names[0] as BodyName;
    const listed = b.listedWith ? display.get(b.listedWith) : undefined;
    if (b.entry) {
      const sourceId = `phoenix-countries-${first.line || b.entry.line}`;
      const within = listed && b.listedWith?.entry ? ` (in the entry ${b.listedWith.entry.raw.trim()})` : '';
      const record = `Phoenix country actors, line ${first.line}: ${first.raw.trim()}${within} [${codes}]`;
      sources.set(sourceId, recordSource(sourceId, D.phoenix, record));
      facts.push({ label: 'CAMEO actor code', value: codes, source: sourceId });
    }
    for (const r of b.factbook) {
      const sourceId = `factbook-${r.file.replace(/\//g, '-')}-${slugId(r.field)}`;
      sources.set(
        sourceId,
        recordSource(sourceId, D.factbook, `${b.country.name} (${r.file}.json) › Government › ${r.field}`),
      );
      facts.push({ label: r.fact?.label ?? 'Name', value: r.fact?.value ?? name, source: sourceId });
      // The legislature a chamber belongs to, and the country, as the description names them.
      if (r.partOf) facts.push({ label: 'Part of', value: r.partOf, source: sourceId });
    }
    // The country the description names (the Factbook's profile, else the actor code's country).
    const countrySource = facts[facts.length - 1]?.source;
    if (countrySource) facts.push({ label: 'Country', value: b.country.name, source: countrySource });
    const entrySource = b.entry ? `phoenix-countries-${first.line || b.entry.line}` : undefined;
    if (listed && entrySource) facts.push({ label: 'Listed with', value: listed, source: entrySource });
    // The kind and country of the body; the dictionary's codes and grouping are facts on the card,
    // not words for the one-line description.
    const fb = b.factbook[0]?.what;
    const description = fb ? `${fb}.` : `${bodyKind([...b.codes])} in ${countryPhrase(b.country.name)}.`;
    const id = idFor(name, b.country.id, aliases, b.country.code.toLowerCase());
    usedIds.add(id);
    entities.push({ id, type: 'organization', name, aliases, description, facts, country: b.country.id });
  }
  for (const o of outlets) {
    const { name, aliases } = outletNames(o);
    const first = o.records[0] as { line: number; raw: string };
    const sourceId = `phoenix-international-${first.line}`;
    sources.set(
      sourceId,
      recordSource(
        sourceId,
        D.phoenix,
        `Phoenix international actors, line ${first.line}: ${first.raw.trim()} [${o.code}]`,
      ),
    );
    const id = idFor(name, o.country, aliases, 'outlet');
    usedIds.add(id);
    const where = o.country ? ` in ${countryPhrase(ctx.countries.name(o.country) ?? o.country)}` : '';
    entities.push({
      id,
      type: 'outlet',
      name,
      aliases,
      description: `News outlet${where}${o.said ? `; listed as a ${o.said}` : ''}.`,
      facts: [
        { label: 'CAMEO actor code', value: o.code, source: sourceId },
        ...(o.country
          ? [{ label: 'Country', value: ctx.countries.name(o.country) ?? o.country, source: sourceId }]
          : []),
        ...(o.said ? [{ label: 'Listed as', value: o.said, source: sourceId }] : []),
      ],
      ...(o.country ? { country: o.country } : {}),
    });
  }
  return entities;
}

// ---------------------------------------------------------------------------
// Companies: S&P 500, Nasdaq, NYSE and other listings.

const US_STATES = new Set(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa
  kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
  new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island
  south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin wyoming
  district_of_columbia washington,_d.c. d.c. puerto_rico`
    .split(/\s+/)
    .map((s) => s.replace(/_/g, ' ')),
);

// A legal form at the end of a company name ("Inc.", ", Ltd.", "plc", "N.V.").
interface CompanyRow {
  key: string;
  name: string | null;
  listings: string | null;
  sp_ticker: string | null;
  sp_security: string | null;
  sector: string | null;
  sub_industry: string | null;
  hq: string | null;
  added: string | null;
  cik: string | null;
  founded: string | null;
}

interface Listing {
  ticker: string;
  exchange: string;
  dataset: 'nasdaq' | 'otherListed';
  security: string;
}

/** "Walt Disney Company (The)" → "The Walt Disney Company"; "Lilly (Eli)" → "Eli Lilly"; "Alphabet Inc. (Class A)" → "Alphabet Inc.". */
function cleanSpName(raw: string): string {
  let s = raw.replace(/\s*\((?:Class|Series) [A-Z]\)\s*$/, '').trim();
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(s);
  if (m) s = `${m[2]} ${m[1]}`.trim();
  return cleanText(s);
}

function countryOfHq(ctx: BuildContext, hq: string | null): string | undefined {
  if (!hq) return undefined;
  const first = hq.split(';')[0] as string;
  const last = (first.split(',').pop() ?? '').trim();
  if (!last) return undefined;
  if (US_STATES.has(last.toLowerCase())) return ctx.countries.byIso3('USA');
  return ctx.countries.byName(last);
}

async function buildCompanies(ctx: BuildContext): Promise<Pack> {
  const D = BODIES_DATASETS;
  const tally = new Tally();
  // Every listing row with its security type; companies' common equity only.
  await ctx.run(`CREATE OR REPLACE TABLE bodies_listing_all AS
    WITH raw AS (
      SELECT trim(Symbol) AS ticker, 'Nasdaq' AS exchange, 'nasdaq' AS dataset, trim("Security Name") AS security,
        upper(trim(ETF)) AS etf, upper(trim("Test Issue")) AS test
      FROM read_csv(${ctx.file(FILES.nasdaq)}, all_varchar = true, header = true)
      UNION ALL
      SELECT trim("ACT Symbol"), CASE trim(Exchange) WHEN 'N' THEN 'NYSE' WHEN 'A' THEN 'NYSE American'
          WHEN 'P' THEN 'NYSE Arca' WHEN 'Z' THEN 'Cboe BZX' WHEN 'V' THEN 'IEX' ELSE trim(Exchange) END,
        'otherListed', trim("Security Name"), upper(trim(ETF)), upper(trim("Test Issue"))
      FROM read_csv(${ctx.file(FILES.otherListed)}, all_varchar = true, header = true)
    )
    SELECT *, CASE
        WHEN ticker IS NULL OR security IS NULL OR starts_with(ticker, 'File Creation Time') THEN 'footer rows'
        WHEN etf = 'Y' THEN 'ETF rows'
        WHEN test = 'Y' THEN 'test issues'
        WHEN regexp_matches(security, '\\b(ETF|ETN|ETP|Fund|Portfolio)\\b|Beneficial Interest|Exchange[- ]Traded|Trust Units', 'i')
          OR regexp_matches(security, '\\b(Income|Municipal|Dividend|Target Term|Equity|Opportunities|Credit|Floating Rate|Duration|Resources|Gold|Multi-Media)\\b[^,]*\\bTrust\\b') THEN 'fund rows'
        WHEN regexp_matches(security, 'STRATS|Trust Securities|Asset-Backed|Certificates|Capital Trust [IVX]+\\b|\\bSeries \\d{4}', 'i') THEN 'note and bond rows'
        WHEN regexp_matches(security, '\\bwarrants?\\b|\\brights?\\b', 'i') THEN 'warrant and right rows'
        WHEN regexp_matches(security, '\\bunits?\\b', 'i') AND NOT regexp_matches(security, 'common units', 'i') THEN 'unit rows'
        WHEN regexp_matches(security, 'preferred|preference|\\bpfd\\b', 'i') OR regexp_matches(ticker, '[$^]') THEN 'preferred rows'
        WHEN regexp_matches(security, '\\bnotes?\\b|debentures?|\\bbonds?\\b|\\bdue\\s+(\\d{4}|[A-Z][a-z]+)|%|subordinated', 'i') THEN 'note and bond rows'
        ELSE 'equity' END AS kind
    FROM raw`);
  // Companies' common equity, named without the security: "Apple Inc. - Common Stock" → "Apple Inc.",
  // "Alcoa Corporation Common Stock" → "Alcoa Corporation", "Clorox Company (The)" → "The Clorox Company",
  // "BCB Bancorp, Inc. (NJ)" → "BCB Bancorp, Inc.", "Central Pacific Financial Corp New" → "… Corp".
  await ctx.run(`CREATE OR REPLACE TABLE bodies_listing AS
    WITH named AS (
      SELECT *, regexp_replace(regexp_replace(
          split_part(regexp_replace(replace(security, ')', ') '), '[\\x{00A0}\\s]+', ' ', 'g'), ' - ', 1),
          '\\s+(New\\s+)?((Class|Series) [A-Z]\\s+)?((Non-Voting|Voting|Subordinate Voting)\\s+)?(Common( St[a-z]*)?|Common Shares?|Ordinary Shares?|(American|Global) Deposit[ao]ry( Shares?)?|ADS|Capital Stock|Common Units?|Shares|Class [A-Z]|Limited Partnership)\\b.*$', '', 'i'),
          '\\s+(Sponsored\\s+)?ADRs?\\b.*$', '', 'i') AS base
      FROM bodies_listing_all WHERE kind = 'equity'
    ), cleaned AS (
      SELECT *, regexp_matches(base, '\\(The\\)') AS the,
        trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(base, '\\s*\\([^()]*\\)', ' ', 'g'),
          '\\s+', ' ', 'g'), '\\s+New\\s*$', ''), '[\\s,]+$', '')) AS clean
      FROM named
    )
    SELECT ticker, exchange, dataset, security,
      CASE WHEN the AND NOT starts_with(clean, 'The ') THEN 'The ' || clean ELSE clean END AS name
    FROM cleaned WHERE length(clean) >= 2`);
  for (const k of await ctx.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::INTEGER AS n FROM bodies_listing_all WHERE kind <> 'equity' GROUP BY kind ORDER BY n DESC`,
  ))
    tally.add(k.kind, k.n);

  // Companies: listing rows grouped by their name without the legal form,
  // joined to the S&P 500 by ticker ("BRK.B"; Nasdaq writes no dot).
  await ctx.run(`CREATE OR REPLACE TABLE bodies_company AS
    WITH sp AS (
      SELECT trim(Symbol) AS ticker, trim(Security) AS security, trim("GICS Sector") AS sector,
        trim("GICS Sub-Industry") AS sub_industry,
        nullif(trim(regexp_replace("Headquarters Location", '\\[[^\\]]*\\]', '', 'g')), '') AS hq,
        TRY_CAST(trim("Date added") AS DATE) AS added, TRY_CAST(CIK AS BIGINT) AS cik, nullif(trim(Founded), '') AS founded
      FROM read_csv(${ctx.file(FILES.sp500)}, all_varchar = true, header = true)
      WHERE nullif(trim(Symbol), '') IS NOT NULL
    ), listed AS (
      SELECT l.*, sp.cik,
        bodies_fold(regexp_replace(regexp_replace(l.name, '^The\\s+', '', 'i'),
          '(,?\\s+(Inc|Incorporated|Corp|Corporation|Co|Company|Companies|Ltd|Limited|plc|N\\.?V|S\\.?A|AG|SE|LLC|L\\.?P|LP|Holdings?|Group)\\.?)+$', '', 'i')) AS name_key
      FROM bodies_listing l
      LEFT JOIN sp ON replace(sp.ticker, '.', '') = replace(l.ticker, '.', '')
    ), keyed AS (
      SELECT *, coalesce('cik' || max(cik) OVER (PARTITION BY name_key), 'name:' || name_key) AS key FROM listed
    ), companies AS (
      SELECT key, arg_min(name, (cik IS NULL, length(name), name)) AS name,
        to_json(list({'ticker': ticker, 'exchange': exchange, 'dataset': dataset, 'security': security} ORDER BY ticker))::VARCHAR AS listings
      FROM keyed GROUP BY key
    ), sp_companies AS (
      SELECT 'cik' || cik AS key, string_agg(ticker, ', ' ORDER BY ticker) AS sp_ticker,
        arg_min(security, ticker) AS sp_security, any_value(sector) AS sector, any_value(sub_industry) AS sub_industry,
        any_value(hq) AS hq, strftime(min(added), '%Y-%m-%d') AS added, any_value(cik)::VARCHAR AS cik, any_value(founded) AS founded
      FROM sp GROUP BY cik
    )
    SELECT key, c.name, c.listings, s.sp_ticker, s.sp_security, s.sector, s.sub_industry, s.hq, s.added, s.cik, s.founded
    FROM companies c FULL OUTER JOIN sp_companies s USING (key)`);
  const rows = await ctx.query<CompanyRow>('SELECT * FROM bodies_company ORDER BY key');

  const sources = new Map<string, Source>();
  const entities: Entity[] = [];
  const usedIds = new Set<string>();
  for (const r of rows) {
    const listings = json<Listing[]>(r.listings, []);
    const spName = r.sp_security ? cleanSpName(r.sp_security) : undefined;
    // The listing's name, or the S&P 500's when the listing gives only an ordinary word ("Marsh").
    const name = [r.name, spName].map(cleanText).find((n) => n && longEnough(n) && !isGeneric(n));
    if (!name) {
      tally.add('companies named only by an ordinary word ("Bullish")');
      continue;
    }
    const names = new NameSet(name, tally);
    if (spName) names.add(spName);
    // Without the legal form ("Home Depot"): only when it cannot be an ordinary word that starts a sentence.
    for (const n of [name, spName]) {
      if (!n) continue;
      const bare = n
        .replace(/^The\s+/, '')
        .replace(LEGAL_SUFFIX, '')
        .replace(/[\s,]+(and|&)$/, '')
        .replace(/[\s,.]+$/, '');
      if (bare && bare !== n && (/\s/.test(bare) || !isDictionaryWord(bare))) names.add(bare);
      else if (bare && bare !== n) tally.add('bare names that are ordinary words ("Apple", "Target")');
    }

    const tickers = [...new Set(listings.map((l) => l.ticker))];
    const primaryTicker = r.sp_ticker?.split(', ')[0] ?? tickers[0] ?? slugId(name);
    let id = `co-${slugId(primaryTicker)}`;
    for (let i = 2; usedIds.has(id); i++) id = `co-${slugId(primaryTicker)}-${i}`;
    usedIds.add(id);

    const facts: Fact[] = [];
    const byExchange = new Map<string, Listing[]>();
    for (const l of listings) byExchange.set(l.exchange, [...(byExchange.get(l.exchange) ?? []), l]);
    for (const [exchange, ls] of byExchange) {
      const dataset = (ls[0] as Listing).dataset;
      const sourceId = `${dataset === 'nasdaq' ? 'nasdaq' : 'listed'}-${slugId(ls.map((l) => l.ticker).join('-'))}`;
      const record = `${D[dataset].name}: ${ls.map((l) => `${l.ticker} (${l.security})`).join('; ')}`;
      sources.set(sourceId, recordSource(sourceId, D[dataset], record));
      facts.push({ label: 'Ticker', value: `${ls.map((l) => l.ticker).join(', ')} (${exchange})`, source: sourceId });
    }
    let country: string | undefined;
    if (r.sp_ticker) {
      const sourceId = `sp500-${slugId(r.sp_ticker)}`;
      sources.set(sourceId, recordSource(sourceId, D.sp500, `S&P 500 constituents: ${r.sp_ticker} (${r.sp_security})`));
      if (r.added) facts.push({ label: 'S&P 500', value: 'Added to the index', date: r.added, source: sourceId });
      // A company in the S&P 500 list only: its ticker is the list's.
      if (byExchange.size === 0) facts.push({ label: 'Ticker', value: r.sp_ticker, source: sourceId });
      const founded = yearOf(r.founded);
      if (founded && r.founded) facts.push({ label: 'Founded', value: r.founded, date: founded, source: sourceId });
      if (r.hq) facts.push({ label: 'Headquarters', value: r.hq, source: sourceId });
      if (r.sub_industry) {
        const value = r.sector ? `${r.sub_industry} (${r.sector} sector)` : r.sub_industry;
        facts.push({ label: 'Industry (GICS)', value, source: sourceId });
      }
      if (r.cik) facts.push({ label: 'SEC CIK', value: r.cik, source: sourceId });
      country = countryOfHq(ctx, r.hq);
    }

    const exchanges = [...byExchange.keys()].map((x) => (x === 'NYSE' ? 'the NYSE' : x));
    const allTickers = tickers.length > 0 ? tickers : (r.sp_ticker?.split(', ') ?? []);
    const tickerText = `ticker${allTickers.length > 1 ? 's' : ''} ${allTickers.join(', ')}`;
    const parts = [
      exchanges.length > 0
        ? `Company listed on ${exchanges.join(' and ')} (${tickerText})`
        : `Company in the S&P 500 (${tickerText})`,
    ];
    // "Since" only while the S&P list is a current source (issue #17); else "as of" its snapshot.
    const still = D.sp500.snapshot >= ctx.currentSince ? 'since' : 'from';
    const asOf = still === 'since' ? '' : ` (as of ${longDate(D.sp500.snapshot.slice(0, 7))})`;
    if (r.added && exchanges.length > 0) parts.push(`S&P 500 member ${still} ${r.added.slice(0, 4)}${asOf}`);
    else if (r.added) parts[0] += ` ${still} ${r.added.slice(0, 4)}${asOf}`;
    if (r.hq) parts.push(`headquarters ${r.hq}`);
    entities.push({
      id,
      type: 'organization',
      name,
      aliases: names.aliases,
      description: `${parts.join('; ')}.`,
      facts,
      ...(country ? { country } : {}),
    });
  }
  entities.sort(byId);
  ctx.log(`    companies: ${entities.length} entities; left out: ${tally}`);
  return {
    id: 'companies',
    name: 'Listed companies (S&P 500, Nasdaq, NYSE)',
    version: D.otherListed.snapshot,
    license: 'ODC-PDDL-1.0',
    about: { kind: 'companies', region: 'United States', datasets: [D.sp500, D.nasdaq, D.otherListed] },
    sources: citedSources(entities, sources),
    entities,
    coverage: [],
  };
}
