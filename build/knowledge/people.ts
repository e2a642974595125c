// People: heads of state and government (CIA World Factbook), the US
// Congress and executive, UK ministers (Institute for Government) and the
// Wikidata-derived cabinets and legislatures of every-politician. Each source
// is loaded into one table of role rows; SQL joins the rows of one person
// across sources (by Wikidata id, or by name and country where exactly one
// Wikidata person has that name there); the packs are assembled from the
// joined rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Alias, Dataset, Entity, Fact, Pack, Source } from '../../lib/factstore/schema';
import { slugId } from '../../lib/factstore/world-pack';
import { type BuildContext, recordSource } from './context';
import {
  cleanPersonName,
  countryPhrase,
  decodeHtml,
  fixCapitals,
  foldName,
  isCalendarWord,
  isDictionaryWord,
  isoDate,
  longDate,
  surnameOf,
} from './names';

/** The datasets, as the options page and the card's source line name them. */
export const PEOPLE_DATASETS = {
  factbook: {
    name: 'CIA World Factbook',
    upstream: 'https://github.com/factbook/factbook.json',
    snapshot: '2026-01-22',
    license: 'Public domain (US government work); factbook.json CC0 1.0',
    attribution: 'The World Factbook, Central Intelligence Agency (last edition, January 2026), via factbook.json',
  },
  congress: {
    name: 'US Congress legislators',
    upstream: 'https://github.com/unitedstates/congress-legislators',
    snapshot: '2026-06-15',
    license: 'CC0 1.0',
    attribution: '@unitedstates congress-legislators (public domain, CC0)',
  },
  ifg: {
    name: 'IfG Ministers Database',
    upstream: 'https://github.com/instituteforgov/ifg-ministers-database-public',
    snapshot: '2026-06-19',
    license: 'CC BY 4.0',
    attribution: 'Institute for Government, IfG Ministers Database (CC BY 4.0)',
  },
  everyPolitician: {
    name: 'every-politician (Wikidata)',
    upstream: 'https://github.com/every-politician-scrapers',
    snapshot: '2022-08-31',
    license: 'CC0 1.0 (Wikidata query results)',
    attribution: 'Wikidata contributors, via every-politician-scrapers (CC0)',
    stale: 'Wikidata position holders as scraped in mid-2022 to early 2023; not updated since',
  },
} satisfies Record<string, Dataset>;

type DatasetKey = keyof typeof PEOPLE_DATASETS;

/** One row per person and role, from any source: the shape every source is loaded into. */
interface RoleRow {
  source: DatasetKey;
  /** The record in its dataset, as the card's source line names it. */
  record: string;
  qid: string | null;
  name: string;
  country: string | null;
  role: string;
  start_date: string | null;
  end_date: string | null;
  /** The dataset's (or repository's) snapshot date. */
  snapshot: string;
  /** 3: head of state or government; 2: minister, member of Congress; 1: legislator. */
  rank: number;
  /** Other names: "Chuck Schumer" for Charles E. Schumer. */
  aliases: string[];
  /** A short form the data itself gives (IfG's short_name). */
  short: string | null;
}

const ROLE_COLUMNS = `source VARCHAR, record VARCHAR, qid VARCHAR, name VARCHAR, country VARCHAR, role VARCHAR,
  start_date VARCHAR, end_date VARCHAR, snapshot VARCHAR, rank INTEGER, aliases VARCHAR[], short VARCHAR`;

/** Rows made in JS (YAML and free text) are loaded through NDJSON, like any dump. */
async function loadRows(ctx: BuildContext, table: string, rows: RoleRow[]): Promise<void> {
  const file = join(tmpdir(), `backstory-${table}-${process.pid}.ndjson`);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  await ctx.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_json('${file}',
    format='newline_delimited', columns={${ROLE_COLUMNS.replace(/(\w+) (VARCHAR\[\]|VARCHAR|INTEGER)/g, "'$1': '$2'")}})`);
}

// ---------------------------------------------------------------- Factbook

// Words of an office that come before a name in the Factbook's "chief of
// state" and "head of government" lines ("Supreme Leader", "Co-prince").
const TITLE_WORDS = new Set(
  `president prime minister supreme leader king queen emir amir sultan chancellor governor general governor-general
  premier chairman chairwoman chair federal chief executive vice first second deputy interim transitional acting state
  council of the and head government sovereign grand duke prince princess captains captain regent co-prince
  co-princes pope crown taoiseach mayor administrator high commissioner commissioner lieutenant representative
  presidential chief-of-state secretary-general secretary central military commission national people's
  leader director-general senior premier-designate designate caretaker ruler emperor tanaiste lord
  revolutionary commander paramount chieftain hereditary elected speaker`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)" → title, name and date. */
export function parseHeadLine(line: string): { title: string; name: string; since?: string; short?: string }[] {
  const out: { title: string; name: string; since?: string; short?: string }[] = [];
  const text = decodeHtml(line.replace(/<br\s*\/?>/gi, ';'));
  for (const segment of text.split(/;|\bnote\b/)) {
    const m = /^(?:represented by\s+)?(.*?)\(since ([^)]+)\)/.exec(segment.trim());
    if (!m) continue;
    const words = (m[1] as string).trim().replace(/,$/, '').split(/\s+/).filter(Boolean);
    // The Factbook writes the name a person goes by in capitals ("King HAMAD bin Isa Al-Khalifa",
    // "Prime Minister ANUTIN Charnvirakul"): the title ends before the first word of the name.
    const capital = words.findIndex((w) => /\p{Lu}{2,}/u.test(w));
    if (capital < 0) continue;
    let first = 0;
    // A title may name its realm: "Lord of Mann King CHARLES III" is Charles III.
    for (;;) {
      const w = (words[first] as string | undefined)?.toLowerCase().replace(/[,.]$/, '');
      if (first >= capital || w === undefined) break;
      if (/^(of|the)$/.test(w) && first + 1 < capital && /^\p{Lu}\p{Ll}/u.test(words[first + 1] ?? '')) first += 2;
      else if (TITLE_WORDS.has(w)) first++;
      else break;
    }
    const name = cleanPersonName(words.slice(first).join(' '));
    const title = words.slice(0, first).join(' ').replace(/[,]$/, '');
    const since = isoDate((m[2] as string).replace(/^(about|approximately)\s+/i, ''));
    // The capitalised words are the name news use ("Khamenei" of "Ali Hoseini-KHAMENEI").
    const caps = words
      .slice(first)
      .filter((w) => /\p{Lu}{2,}/u.test(w) && !/^[IVX]+$/.test(w))
      .join(' ');
    // Only a surname: capitals that end the name ("STARMER"), not a given name that starts it
    // ("HAMAD bin Isa", "CHARLES III"), which would link every Hamad and Charles.
    const nameWords = words.slice(first).filter((w) => !/^[IVX]+$/.test(w));
    // (A regnal number ends a given name: "CHARLES III" gives none.)
    const regnal = /^[IVX]+$/.test(words[words.length - 1] ?? '');
    const endsInCaps = !regnal && /\p{Lu}{2,}/u.test(nameWords[nameWords.length - 1] ?? '') && nameWords.length > 1;
    const short = caps && endsInCaps ? fixCapitals(caps.replace(/[,.]$/, '')) : undefined;
    if (name.length > 3)
      out.push({ title, name, ...(since ? { since } : {}), ...(short && short !== name ? { short } : {}) });
  }
  return out;
}

/**
 * The world-pack country of a Factbook file, from its conventional short name
 * ("Turkey (Turkiye)" → Turkey), or its long name when the short one is "none".
 */
export function factbookCountry(ctx: BuildContext, short: string | null, long: string | null): string | undefined {
  const clean = (t: string | null) =>
    decodeHtml(t ?? '')
      .replace(/;.*$/, '')
      .trim();
  const names = [clean(short), clean(short).replace(/\s*\(.*\)\s*/g, ''), ...clean(short).split(/[()]/), clean(long)];
  for (const n of names) {
    const id = n && n !== 'none' ? ctx.countries.byName(n.trim()) : undefined;
    if (id) return id;
  }
  return undefined;
}

/** A Factbook file's names and executive, as the people and countries builders read them. */
export interface FactbookGovernment {
  file: string;
  short: string | null;
  long: string | null;
  abbreviation: string | null;
  cos: string | null;
  hog: string | null;
}

/** Each Factbook file's country names and its chief of state and head of government (one query, both builders). */
export function factbookGovernment(ctx: BuildContext): Promise<FactbookGovernment[]> {
  const field = (path: string) => `json_extract_string(json, '$."Government".${path}."text"')`;
  return ctx.query<FactbookGovernment>(`
    SELECT regexp_extract(filename, '([a-z-]+/[a-z]+)\\.json$', 1) AS file,
      ${field('"Country name"."conventional short form"')} AS short,
      ${field('"Country name"."conventional long form"')} AS long,
      ${field('"Country name"."abbreviation"')} AS abbreviation,
      ${field('"Executive branch"."chief of state"')} AS cos,
      ${field('"Executive branch"."head of government"')} AS hog
    FROM read_json_objects(${ctx.file('factbook/*/*.json')}, filename = true)`);
}

async function factbookRows(ctx: BuildContext): Promise<RoleRow[]> {
  const rows = await factbookGovernment(ctx);
  const out: RoleRow[] = [];
  for (const r of rows) {
    const country = factbookCountry(ctx, r.short, r.long);
    if (!country) continue;
    const countryName = ctx.countries.name(country) as string;
    for (const [field, label] of [
      [r.cos, 'chief of state'],
      [r.hog, 'head of government'],
    ] as const) {
      if (!field) continue;
      for (const head of parseHeadLine(field)) {
        out.push({
          source: 'factbook',
          record: `${countryName} (${r.file}.json) › Government › Executive branch › ${label}`,
          qid: null,
          name: head.name,
          country,
          // "Sébastien Lecornu (since …)": a head the Factbook names without a title.
          role: head.title
            ? `${head.title} of ${countryPhrase(countryName)}`
            : `${label === 'chief of state' ? 'Chief of state' : 'Head of government'} of ${countryName}`,
          start_date: head.since ?? null,
          end_date: null,
          snapshot: PEOPLE_DATASETS.factbook.snapshot,
          rank: /vice|deputy|second|first vice/i.test(head.title) ? 2 : 3,
          aliases: [],
          short: head.short ?? null,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- US Congress and executive

interface YamlPerson {
  id: { bioguide?: string; govtrack?: number; wikidata?: string };
  name: { first?: string; last?: string; middle?: string; nickname?: string; official_full?: string; suffix?: string };
  terms: { type: string; start: string; end?: string; state?: string; district?: number; party?: string }[];
}

const ORDINAL = (n: number) => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

const US_STATES: Record<string, string> = JSON.parse(
  '{"AL":"Alabama","AK":"Alaska","AZ":"Arizona","AR":"Arkansas","CA":"California","CO":"Colorado","CT":"Connecticut","DE":"Delaware","FL":"Florida","GA":"Georgia","HI":"Hawaii","ID":"Idaho","IL":"Illinois","IN":"Indiana","IA":"Iowa","KS":"Kansas","KY":"Kentucky","LA":"Louisiana","ME":"Maine","MD":"Maryland","MA":"Massachusetts","MI":"Michigan","MN":"Minnesota","MS":"Mississippi","MO":"Missouri","MT":"Montana","NE":"Nebraska","NV":"Nevada","NH":"New Hampshire","NJ":"New Jersey","NM":"New Mexico","NY":"New York","NC":"North Carolina","ND":"North Dakota","OH":"Ohio","OK":"Oklahoma","OR":"Oregon","PA":"Pennsylvania","RI":"Rhode Island","SC":"South Carolina","SD":"South Dakota","TN":"Tennessee","TX":"Texas","UT":"Utah","VT":"Vermont","VA":"Virginia","WA":"Washington","WV":"West Virginia","WI":"Wisconsin","WY":"Wyoming","DC":"the District of Columbia","PR":"Puerto Rico","GU":"Guam","VI":"the US Virgin Islands","AS":"American Samoa","MP":"the Northern Mariana Islands"}',
);

function usRole(t: YamlPerson['terms'][number]): string {
  const state = US_STATES[t.state ?? ''] ?? t.state ?? '';
  switch (t.type) {
    case 'sen':
      return `US Senator for ${state}`;
    case 'rep':
      return t.district
        ? `Member of the US House of Representatives for ${state}'s ${ORDINAL(t.district)} district`
        : `Member of the US House of Representatives for ${state}`;
    case 'prez':
      return 'President of the United States';
    case 'viceprez':
      return 'Vice President of the United States';
    default:
      return t.type;
  }
}

/**
 * Names a reader meets: the official name, else first and last name ("Barack
 * Obama"), with the middle names as initials where Congress's files name
 * another person so ("George H. W. Bush", "George W. Bush"); the full name
 * with middle names ("George Herbert Walker Bush"), and first (or nickname) +
 * last name, as aliases.
 */
function usNames(n: YamlPerson['name'], shared: ReadonlySet<string>): { name: string; aliases: string[] } {
  const plain = [n.first, n.last].filter(Boolean).join(' ');
  const initials = n.middle
    ?.split(/\s+/)
    .map((w) => `${w.charAt(0)}.`)
    .join(' ');
  const name = n.official_full ?? (shared.has(plain) && initials ? `${n.first} ${initials} ${n.last}` : plain);
  const aliases = new Set<string>();
  if (n.first && n.middle && n.last) aliases.add(`${n.first} ${n.middle} ${n.last}`);
  if (n.nickname && n.last) aliases.add(`${n.nickname} ${n.last}`);
  if (n.first && n.last && !/^\p{Lu}\.$/u.test(n.first)) aliases.add(plain);
  // "Mark R. Warner" → "Mark Warner".
  const noInitials = name.replace(/\s\p{Lu}\.(?=\s)/gu, '');
  if (noInitials !== name) aliases.add(noInitials);
  aliases.delete(name);
  return { name, aliases: [...aliases] };
}

function congressRows(ctx: BuildContext): RoleRow[] {
  const out: RoleRow[] = [];
  const files: [string, string][] = [
    ['legislators-current.yaml', 'legislators-current.yaml'],
    ['executive.yaml', 'executive.yaml'],
  ];
  const lists = files.map(
    ([file, label]) =>
      [
        label,
        parseYaml(readFileSync(join(ctx.dataDir, 'congress-legislators', file), 'utf8')) as YamlPerson[],
      ] as const,
  );
  // First and last names that the files give to more than one person.
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const [, people] of lists)
    for (const p of people) {
      const plain = [p.name.first, p.name.last].filter(Boolean).join(' ');
      if (seen.has(plain)) shared.add(plain);
      seen.add(plain);
    }
  for (const [label, people] of lists) {
    for (const p of people) {
      const { name, aliases } = usNames(p.name, shared);
      // Consecutive terms in the same seat are one spell of service.
      const spells: { role: string; start: string; end?: string; type: string }[] = [];
      for (const t of [...p.terms].sort((a, b) => a.start.localeCompare(b.start))) {
        const role = usRole(t);
        const prev = spells[spells.length - 1];
        if (prev && prev.role === role && prev.end && Number(t.start.slice(0, 4)) - Number(prev.end.slice(0, 4)) <= 1) {
          prev.end = t.end;
        } else spells.push({ role, start: t.start, ...(t.end ? { end: t.end } : {}), type: t.type });
      }
      for (const s of spells) {
        // A term that ends after the snapshot is the current one: its end is scheduled, not past.
        const current = s.end !== undefined && s.end > PEOPLE_DATASETS.congress.snapshot;
        out.push({
          source: 'congress',
          record: `${label}: ${name} (bioguide ${p.id.bioguide ?? '?'})`,
          // Without a Wikidata id, the person is keyed on Congress's own id: two presidents
          // called "George Bush" (or "John Adams") are not joined by their plain name.
          qid: p.id.wikidata ?? (p.id.bioguide ? `bioguide:${p.id.bioguide}` : `govtrack:${p.id.govtrack ?? name}`),
          name,
          country: 'united-states',
          role: s.role,
          start_date: s.start,
          end_date: current ? null : (s.end ?? null),
          snapshot: PEOPLE_DATASETS.congress.snapshot,
          rank: s.type === 'prez' || s.type === 'viceprez' ? 3 : 2,
          aliases,
          short: null,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- UK ministers (IfG)

async function ifgRows(ctx: BuildContext): Promise<RoleRow[]> {
  const csv = (f: string) => `read_csv(${ctx.file(`ifg-ministers/data/${f}`)}, all_varchar = true, header = true)`;
  const rows = await ctx.query<RoleRow & { person: string; other_names: string[] }>(`
    WITH names AS (
      SELECT id, list(display_name ORDER BY coalesce(end_date, '9999') DESC) AS spells,
        arg_max(short_name, coalesce(end_date, '9999')) AS short
      FROM ${csv('person.csv')} GROUP BY id)
    SELECT 'ifg' AS source, n.id AS person,
      'person ' || n.id || ', post ' || p.name AS record,
      NULL AS qid, n.spells[1] AS name, list_slice(n.spells, 2, 10) AS aliases, n.short AS short,
      'united-kingdom' AS country,
      CASE WHEN p.name ILIKE '%United Kingdom%' THEN p.name ELSE p.name || ', UK Government' END AS role,
      a.start_date, nullif(a.end_date, '') AS end_date, '${PEOPLE_DATASETS.ifg.snapshot}' AS snapshot,
      CASE WHEN p.rank_equivalence IN ('PM') THEN 3 ELSE 2 END AS rank
    FROM ${csv('appointment.csv')} a
    JOIN ${csv('post.csv')} p ON p.id = a.post_id
    JOIN names n ON n.id = a.person_id`);
  return rows.map(({ person: _p, other_names: _o, ...r }) => ({
    ...r,
    role: r.role === 'Prime Minister, UK Government' ? 'Prime Minister of the United Kingdom' : r.role,
  }));
}

// ---------------------------------------------------------------- every-politician (Wikidata)

async function everyPoliticianTables(ctx: BuildContext): Promise<void> {
  // Each repository's jurisdiction, and its commit date (REPOS.tsv) as the snapshot.
  const repos = await ctx.query<{ repo: string; jurisdiction: string | null; snapshot: string }>(`
    SELECT r.repo, coalesce(json_extract_string(m.json, '$.jurisdiction.name'), r."jurisdiction (meta.json)") AS jurisdiction,
      substr(r.commit_date, 1, 10) AS snapshot
    FROM read_csv(${ctx.file('every-politician/REPOS.tsv')}, delim = '\t', header = true, all_varchar = true) r
    LEFT JOIN read_json_objects(${ctx.file('every-politician/*/meta.json')}, filename = true) m
      ON regexp_extract(m.filename, '([^/]+)/meta\\.json$', 1) = r.repo`);
  const mapped = repos.map((r) => ({
    repo: r.repo,
    country: ctx.countries.byName(r.jurisdiction) ?? ctx.countries.byName(r.repo.replace(/-.*$/, '')) ?? null,
    jurisdiction: r.jurisdiction ?? r.repo,
    snapshot: r.snapshot,
  }));
  const file = join(tmpdir(), `backstory-ep-repos-${process.pid}.ndjson`);
  writeFileSync(file, mapped.map((r) => JSON.stringify(r)).join('\n'));
  await ctx.run(`CREATE OR REPLACE TABLE ep_repo AS SELECT * FROM read_json('${file}', format = 'newline_delimited',
    columns = {'repo': 'VARCHAR', 'country': 'VARCHAR', 'jurisdiction': 'VARCHAR', 'snapshot': 'VARCHAR'})`);
  const csv = (f: string) =>
    `read_csv(${ctx.file(`every-politician/*/html/${f}`)}, union_by_name = true, filename = true, all_varchar = true, header = true)`;
  const DATE = `'^\\d{4}(-\\d{2}(-\\d{2})?)?$'`;
  await ctx.run(`CREATE OR REPLACE TABLE ep_rows AS
    WITH raw AS (
      SELECT 'cabinet' AS kind, * FROM ${csv('holders21.csv')}
      UNION ALL BY NAME SELECT 'cabinet' AS kind, * FROM ${csv('current.csv')}
      UNION ALL BY NAME SELECT 'legislature' AS kind, * FROM ${csv('legislators.csv')}),
    positions AS (
      SELECT regexp_extract(filename, '([^/]+)/html/', 1) AS repo, position, any_value(enwiki) AS enwiki
      FROM ${csv('positions.csv')} GROUP BY ALL)
    SELECT 'everyPolitician' AS source,
      regexp_extract(raw.filename, '([^/]+/html/[^/]+)$', 1) || ': ' || raw.personID AS record,
      raw.personID AS qid, trim(raw.person) AS name, r.country,
      CASE WHEN p.enwiki IS NOT NULL AND p.enwiki <> '' AND NOT starts_with(p.enwiki, 'List of') THEN p.enwiki
        WHEN r.country IS NULL OR raw.position ILIKE '%' || r.jurisdiction || '%' THEN raw.position
        -- "Ambassador to Angola" in Belarus's list is Belarus's ambassador, not Angola's.
        WHEN regexp_matches(raw.position, '(?i)^(ambassador|high commissioner|permanent representative) to ')
          THEN regexp_replace(raw.position, '(?i)^(ambassador|high commissioner|permanent representative) to ',
            '\\1 of ' || r.jurisdiction || ' to ')
        ELSE raw.position || ', ' || r.jurisdiction END AS role,
      CASE WHEN regexp_full_match(raw.start, ${DATE}) THEN raw.start END AS start_date,
      CASE WHEN regexp_full_match(raw."end", ${DATE}) THEN raw."end" END AS end_date,
      r.snapshot,
      CASE WHEN raw.kind = 'legislature' THEN 1
        WHEN regexp_matches(raw.position, '(?i)^(president|prime minister|monarch|king|queen|emir|chancellor|taoiseach|head of state|head of government|supreme leader)( of .*)?$')
          -- "President of the Legislative Council" presides over a body; it heads no state.
          AND NOT regexp_matches(raw.position, '(?i)(council|assembly|senate|house|parliament|court|committee|party|commission|legislat|chamber|congress|bank|university|league|union|federation|board|tribunal|region|province|cabinet|government of|municipal|city|county|district)') THEN 3
        ELSE 2 END AS rank,
      []::VARCHAR[] AS aliases, NULL AS short,
      raw."end" AS raw_end
    FROM raw
    JOIN ep_repo r ON r.repo = regexp_extract(raw.filename, '([^/]+)/html/', 1)
    LEFT JOIN positions p ON p.repo = r.repo AND p.position = raw.position
    WHERE regexp_full_match(raw.personID, 'Q\\d+') AND raw.person IS NOT NULL
      AND NOT regexp_full_match(raw.person, 'Q\\d+')
      -- A term whose end is written but unreadable ("2019?") is not taken as open-ended.
      AND (raw."end" IS NULL OR raw."end" = '' OR regexp_full_match(raw."end", ${DATE}))`);
}

// ---------------------------------------------------------------- joining and assembling

interface JoinedRow extends RoleRow {
  key: string;
}

/**
 * Joins the role rows of one person across sources, in SQL: a row's key is its
 * Wikidata id; a row without one takes the Wikidata id of the rows with the
 * same folded name in the same country, when exactly one person there has it;
 * otherwise it keys on name and country (the Factbook's "Keir Starmer" and
 * IfG's "Keir Starmer" become one person with Wikidata's Q-id).
 */
async function joinedRows(ctx: BuildContext): Promise<JoinedRow[]> {
  // Folded name without single letters: "Donald J. Trump" and "Donald Trump" meet.
  const norm = (col: string) =>
    `trim(regexp_replace(regexp_replace(lower(strip_accents(${col})), '[^a-z0-9'']+', ' ', 'g'), '(^| )[a-z]( |$)', ' ', 'g'))`;
  const cols = 'source, record, qid, name, country, role, start_date, end_date, snapshot, rank, aliases, short';
  await ctx.run(`CREATE OR REPLACE TABLE person_rows AS
    SELECT *, ${norm('name')} AS norm, regexp_extract(${norm('name')}, '([a-z'']+)$', 1) AS surname,
      left(${norm('name')}, 1) AS initial
    FROM (SELECT ${cols} FROM factbook_rows UNION ALL SELECT ${cols} FROM congress_rows
      UNION ALL SELECT ${cols} FROM ifg_rows UNION ALL SELECT ${cols} FROM ep_rows)`);
  await ctx.run(`CREATE OR REPLACE TABLE person_names AS
    SELECT DISTINCT qid, country, norm FROM (
      SELECT qid, country, norm FROM person_rows WHERE qid IS NOT NULL
      UNION ALL SELECT qid, country, ${norm('unnest(aliases)')} AS norm FROM person_rows WHERE qid IS NOT NULL)`);
  // Heads of state and government by surname and first initial in their country
  // ("Binyamin Netanyahu" in the Factbook is Wikidata's "Benjamin Netanyahu").
  await ctx.run(`CREATE OR REPLACE TABLE head_names AS
    SELECT country, surname, initial, min(qid) AS qid FROM person_rows
    WHERE qid IS NOT NULL AND rank = 3 AND length(surname) >= 3
    GROUP BY ALL HAVING count(DISTINCT qid) = 1`);
  return ctx.query<JoinedRow>(`
    WITH unique_names AS (
      SELECT country, norm, min(qid) AS qid FROM person_names GROUP BY country, norm HAVING count(DISTINCT qid) = 1),
    -- The same leader listed under other countries (a monarch's realms, a president's territories).
    global_heads AS (
      SELECT norm, min(qid) AS qid FROM person_rows WHERE qid IS NOT NULL AND rank = 3
      GROUP BY norm HAVING count(DISTINCT qid) = 1),
    -- A president or vice president whom Congress's files give no Wikidata id (Congress's own
    -- id keys him): the one person with a Wikidata id of that surname who took that office, the
    -- presidency or the vice presidency, on the same day ("William Clinton", 20 January 1993, is
    -- Wikidata's "Bill Clinton"; "Albert Gore" is "Al Gore").
    same_office AS (
      SELECT r.qid AS local, min(e.qid) AS qid FROM person_rows r JOIN person_rows e
        ON e.country = r.country AND e.surname = r.surname AND e.start_date = r.start_date
          AND (lower(e.role) LIKE '%vice%') = (lower(r.role) LIKE '%vice%')
      WHERE (r.qid LIKE 'govtrack:%' OR r.qid LIKE 'bioguide:%') AND e.qid LIKE 'Q%' AND r.rank = 3 AND e.rank = 3
      GROUP BY r.qid HAVING count(DISTINCT e.qid) = 1),
    keyed AS (
      SELECT r.*, coalesce(o.qid, r.qid, u.qid, h.qid, CASE WHEN r.rank = 3 THEN g.qid END,
        'name:' || r.norm || CASE WHEN r.rank = 3 THEN '' ELSE '|' || coalesce(r.country, '') END) AS key
      FROM person_rows r
      LEFT JOIN same_office o ON o.local = r.qid
      LEFT JOIN unique_names u ON u.country = r.country AND u.norm = r.norm
      LEFT JOIN head_names h ON r.rank = 3 AND h.country = r.country AND h.surname = r.surname AND h.initial = r.initial
      LEFT JOIN global_heads g ON g.norm = r.norm)
    -- Of two rows of one role and start, the one that ends last comes first (an open one before
    -- both): Wikidata lists Mark Rutte as Prime Minister from 2010 once per cabinet, each
    -- ending when the next began, and once open-ended.
    SELECT ${cols}, key FROM keyed ORDER BY key, source, start_date, end_date DESC NULLS FIRST, role, record`);
}

// Newest source first (by snapshot): it gives the name and wins where sources disagree, so heads
// of state and government come from the newest source that has them.
const SOURCE_ORDER = (Object.keys(PEOPLE_DATASETS) as DatasetKey[]).sort((a, b) =>
  PEOPLE_DATASETS[b].snapshot.localeCompare(PEOPLE_DATASETS[a].snapshot),
);

/**
 * A role's span as the card writes it: "since 5 July 2024", "2019–2022". An
 * open-ended role is current only when its source's snapshot is on or after
 * `currentSince` (two years before the build); otherwise it holds "as of" that
 * snapshot ("from 2019, as of July 2022").
 */
function roleFact(r: JoinedRow, source: string, currentSince: string): Fact {
  const stale = r.snapshot < currentSince;
  return {
    label: 'Role',
    value: r.role.charAt(0).toUpperCase() + r.role.slice(1),
    ...(r.start_date ? { from: r.start_date } : {}),
    ...(r.end_date ? { to: r.end_date } : {}),
    ...(stale && !r.end_date ? { asOf: r.snapshot } : {}),
    source,
  };
}

/** Which pack a person goes in: by the region of their country. */
function packOf(country: string | null, regionOf: (id: string) => string | undefined, source: DatasetKey): string {
  if (source === 'congress' || country === 'united-states') return 'people-us';
  if (source === 'ifg' || country === 'united-kingdom') return 'people-uk';
  const region = country ? regionOf(country) : undefined;
  return `people-${slugId(region ?? 'world')}`;
}

const PACK_NAMES: Record<string, string> = {
  'people-us': 'United States: Congress, presidents and vice presidents',
  'people-uk': 'United Kingdom: ministers since 1979, heads of state and government',
  'people-northern-europe': 'Northern Europe: heads of state and government, cabinets and legislators',
  'people-western-europe': 'Western Europe: heads of state and government, cabinets and legislators',
  'people-southern-europe': 'Southern Europe: heads of state and government, cabinets and legislators',
  'people-eastern-europe': 'Eastern Europe: heads of state and government, cabinets and legislators',
  'people-central-europe': 'Central Europe: heads of state and government, cabinets and legislators',
  'people-southeast-europe': 'Southeast Europe: heads of state and government, cabinets and legislators',
  'people-asia': 'Asia: heads of state and government, cabinets and legislators',
  'people-africa': 'Africa: heads of state and government, cabinets and legislators',
  'people-americas': 'The Americas: heads of state and government, cabinets and legislators',
  'people-oceania': 'Oceania: heads of state and government, cabinets and legislators',
  'people-antarctic': 'Antarctic territories: officials',
  'people-world': 'International officials',
};

/**
 * Whether a name is one a page can be matched on: at least two words, or one
 * word that is no ordinary English word and belongs to a head of state or
 * government ("Sukarno").
 */
function matchableName(name: string, rank: number): boolean {
  if (/^Q\d+$/.test(name) || name.length < 4) return false;
  const words = name.split(/\s+/);
  if (words.length >= 2) return true;
  return rank >= 3 && !isDictionaryWord(name);
}

/**
 * A one-line description from the person's main role, in the words of its
 * fact: "Prime Minister of the United Kingdom since 5 July 2024"; "Minister
 * for Investment, UK Government, since 6 September 2025"; "President of Kenya
 * from 9 April 2013 (as of July 2022)" for a role last confirmed in an old
 * snapshot; "Prime Minister, Australia, 2015–2018"; "Senator, 2010" for a
 * span within one year. "Since" only for a role a current source gives.
 */
export function describeRole(role: Fact): string {
  // "Minister for Investment, UK Government, since …": a comma keeps the date off the last word.
  const sep = role.value.includes(',') ? ', ' : ' ';
  const start = role.from?.slice(0, 4);
  if (role.to) {
    const end = role.to.slice(0, 4);
    return `${role.value}, ${start ? (start === end ? start : `${start}–${end}`) : `until ${end}`}`;
  }
  if (role.asOf)
    return `${role.value}${role.from ? `${sep}from ${longDate(role.from)}` : ''} (as of ${longDate(role.asOf.slice(0, 7))})`;
  return `${role.value}${role.from ? `${sep}since ${longDate(role.from)}` : ''}`;
}

export async function buildPeople(ctx: BuildContext): Promise<Pack[]> {
  let t = performance.now();
  const lap = (m: string) => {
    if (process.env.BACKSTORY_BUILD_TIMES) ctx.log(`    ${m}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  await loadRows(ctx, 'factbook_rows', await factbookRows(ctx));
  lap('factbook');
  await loadRows(ctx, 'congress_rows', congressRows(ctx));
  lap('congress');
  await loadRows(ctx, 'ifg_rows', await ifgRows(ctx));
  lap('ifg');
  await everyPoliticianTables(ctx);
  lap('every-politician');
  const rows = await joinedRows(ctx);
  lap('joined');
  const world = (await import('node:module')).createRequire(import.meta.url)('world-countries') as {
    cca3: string;
    region: string;
    subregion?: string;
  }[];
  // Europe's cabinets and legislatures are many: its packs go by subregion (each pack stays under 20 MB).
  const regions = new Map(world.map((c) => [c.cca3, c.region === 'Europe' && c.subregion ? c.subregion : c.region]));
  const regionOf = (id: string) => regions.get(ctx.countries.iso3(id) ?? '');

  const packs = new Map<string, { entities: Entity[]; sources: Source[]; datasets: Set<DatasetKey> }>();
  const weight = new Map<string, number>();
  for (const r of rows) if (r.country) weight.set(r.country, (weight.get(r.country) ?? 0) + 1);
  const usedIds = new Set<string>();
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && (rows[j] as JoinedRow).key === (rows[i] as JoinedRow).key) j++;
    const group = rows
      .slice(i, j)
      .sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || b.rank - a.rank);
    i = j;
    const best = group[0] as JoinedRow;
    const rank = Math.max(...group.map((r) => r.rank));
    // The name as Wikidata or Congress writes it ("Benjamin Netanyahu", not the Factbook's "Binyamin").
    const named =
      group.find((r) => r.source === 'congress') ?? group.find((r) => r.source === 'everyPolitician') ?? best;
    const name = named.source === 'everyPolitician' ? fixCapitals(named.name) : named.name;
    if (!matchableName(name, rank)) continue;
    const key = best.key;
    // The person's country: the one most of their rows name, the bigger country on a tie; a head
    // of state of several countries (Charles III, King of fifteen realms and more) belongs to the
    // biggest of them (the United Kingdom), not to the one that two datasets happen to name.
    const votes = new Map<string, number>();
    for (const r of group) if (r.country) votes.set(r.country, (votes.get(r.country) ?? 0) + 1);
    const headOf = new Set(group.filter((r) => r.rank === 3 && r.country).map((r) => r.country as string));
    const byWeight = (a: string, b: string) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0);
    const country =
      headOf.size > 2
        ? [...headOf].sort(byWeight)[0]
        : [...votes].sort((a, b) => b[1] - a[1] || byWeight(a[0], b[0]))[0]?.[0];
    let id = /^Q\d+$/.test(key) ? key.toLowerCase() : `p-${slugId(name)}-${country ?? 'intl'}`;
    // (A second person of that id gets "-2", and so on: not a number that moves whenever the
    // data adds someone, which would part a reader's notes from the person they are about.)
    for (let n = 2, base = id; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    const packId = packOf(country ?? null, regionOf, best.source);
    let pack = packs.get(packId);
    if (!pack) {
      pack = { entities: [], sources: [], datasets: new Set() };
      packs.set(packId, pack);
    }
    // One source per record; the same role from an older source is dropped (the newer wins).
    const facts: Fact[] = [];
    const ranks = new Map<Fact, number>();
    const countries = new Map<Fact, string>();
    const seenRoles = new Map<string, DatasetKey>();
    const sourceIds = new Map<string, string>();
    // Spans of office that a source still updated gives (Congress, IfG, the Factbook): an older
    // source's term of the same kind of office inside one of them is the same service, written
    // another way ("United States senator, …" 2021 inside "US Senator for Virginia" since 2009).
    const current = group
      .filter((r) => r.source !== 'everyPolitician' && r.start_date)
      .map((r) => ({ kind: rankWord(r.role), from: r.start_date as string, to: r.end_date ?? '9999' }));
    const inside = (r: JoinedRow) =>
      r.source === 'everyPolitician' &&
      r.start_date !== null &&
      current.some(
        (c) => c.kind === rankWord(r.role) && c.from <= (r.start_date as string) && (r.start_date as string) <= c.to,
      );
    for (const r of group) {
      if (inside(r)) continue;
      r.role = withoutRepeatedCountry(r.role, r.country, ctx);
      const roleKey = `${foldName(r.role)
        .replace(/\b(of|the|uk government)\b/g, '')
        .replace(/\s+/g, ' ')}|${(r.start_date ?? '').slice(0, 7)}`;
      const sameStart = `${(r.start_date ?? '').slice(0, 7)}|${rankWord(r.role)}`;
      if (seenRoles.has(roleKey) || (r.start_date && seenRoles.has(sameStart) && seenRoles.get(sameStart) !== r.source))
        continue;
      seenRoles.set(roleKey, r.source);
      if (r.start_date) seenRoles.set(sameStart, r.source);
      let sourceId = sourceIds.get(r.record);
      if (!sourceId) {
        sourceId = `${id}-${sourceIds.size + 1}`;
        sourceIds.set(r.record, sourceId);
        // Dated by the row's own snapshot (an every-politician repository's commit), the date
        // its open-ended roles hold "as of".
        pack.sources.push(
          recordSource(sourceId, { ...PEOPLE_DATASETS[r.source], snapshot: r.snapshot }, r.record, r.qid),
        );
        pack.datasets.add(r.source);
      }
      const fact = roleFact(r, sourceId, ctx.currentSince);
      facts.push(fact);
      ranks.set(fact, r.rank);
      if (r.country) countries.set(fact, r.country);
    }
    // The description's role: a current one (open, from a current source), the highest office
    // first, in the person's own country before another (Charles III: King of the United
    // Kingdom, not of Anguilla); else the highest office held, the latest first.
    const byRank = (a: Fact, b: Fact) =>
      (ranks.get(b) ?? 0) - (ranks.get(a) ?? 0) ||
      Number(countries.get(b) === country) - Number(countries.get(a) === country) ||
      (b.to ?? b.asOf ?? b.from ?? '').localeCompare(a.to ?? a.asOf ?? a.from ?? '');
    const role = facts.filter((f) => !f.to && !f.asOf).sort(byRank)[0] ?? [...facts].sort(byRank)[0];
    // The card leads with the first open role of the newest source: the description's, when it is current.
    if (role && !role.to && !role.asOf) facts.splice(0, facts.length, role, ...facts.filter((f) => f !== role));
    const aliases: Alias[] = [];
    const seen = new Set<string>([name]);
    const add = (text: string | null | undefined, kind?: Alias['kind']) => {
      const t = text?.trim();
      if (!t || seen.has(t) || t.length < 3) return;
      seen.add(t);
      aliases.push({ text: t, ...(kind ? { kind } : {}) });
    };
    for (const r of group) {
      if (r.name !== name && r.name.split(/\s+/).length >= 2)
        add(r.source === 'everyPolitician' ? fixCapitals(r.name) : r.name);
      for (const a of r.aliases ?? []) if (a.split(/\s+/).length >= 2) add(a);
    }
    // "Bertram Bowyer, 2nd Baron Denham" → also "Bertram Bowyer".
    // (Not "Ильюшкин" from "Ильюшкин, Евгений Павлович": a surname alone is no full name.)
    const beforeComma = name.split(',')[0]?.trim();
    if (name.includes(',') && beforeComma && /\s/.test(beforeComma)) add(beforeComma);
    // A surname that is a month or a day ("May", "Friday") is left out: it is capitalised in
    // every date. Other surnames that are words ("Trump", "Warner") need a capital in the text.
    // Only for people of national office (rank 2 and up): tens of thousands of backbench and
    // regional legislators' surnames would make most capitalised words a candidate to weigh.
    // East Asian names put the family name first ("Xi Jinping", "Yoon Suk Yeol", "Sam Hou Fai").
    const familyFirst = country !== undefined && FAMILY_NAME_FIRST.has(country) && !name.includes(',');
    // Spanish names end with the father's surname, then the mother's: "Yamandú Orsi Martínez"
    // is "Orsi" in the news.
    const words = name.replace(/,.*$/, '').split(/\s+/);
    const paternal =
      country !== undefined &&
      SPANISH_NAMES.has(country) &&
      words.length >= 3 &&
      !PARTICLE_WORD.test(words[words.length - 2] ?? '') &&
      // "Juan Carlos Varela": a second given name, then one surname.
      !(words.length === 3 && GIVEN_NAMES.has(foldName(words[1] ?? '')))
        ? words[words.length - 2]
        : undefined;
    const short =
      rank >= 2
        ? (best.short ?? (familyFirst ? words[0] : (paternal ?? surnameOf(name.replace(/,.*$/, '')))))
        : undefined;
    // Short everyday words ("Man") would be linked wherever the word starts a sentence.
    if (short && short !== name && !isCalendarWord(short) && !(short.length <= 3 && isDictionaryWord(short)))
      add(short, 'short');
    // "Ali Hoseini-Khamenei" is "Khamenei" in the news (a capitalised last part that is no word).
    const lastPart = short?.split('-').pop();
    if (short?.includes('-') && lastPart && /^\p{Lu}\p{L}{4,}$/u.test(lastPart) && !isDictionaryWord(lastPart))
      add(lastPart, 'short');
    const countryName = country ? ctx.countries.name(country) : undefined;
    pack.entities.push({
      id,
      type: 'person',
      name,
      prominence: rank,
      aliases,
      description: role ? describeRole(role) : countryName ? `Politician in ${countryName}` : 'Politician',
      facts,
      ...(country ? { country } : {}),
    });
  }

  lap('assembled');
  return [...packs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, p]) => ({
      id,
      name: PACK_NAMES[id] ?? id,
      version: new Date().toISOString().slice(0, 10),
      license: [...p.datasets].map((d) => PEOPLE_DATASETS[d].license).join('; '),
      about: {
        kind: 'people' as const,
        region:
          id === 'people-us'
            ? 'United States'
            : id === 'people-uk'
              ? 'United Kingdom'
              : ((PACK_NAMES[id] ?? id).split(':')[0] as string),
        datasets: [...p.datasets].sort().map((d) => PEOPLE_DATASETS[d]),
      },
      sources: p.sources,
      entities: p.entities,
      coverage: [],
    }));
}

/** Countries whose people's names end with two surnames, the father's first. */
const SPANISH_NAMES = new Set(
  'spain mexico colombia argentina peru venezuela chile ecuador guatemala cuba bolivia dominican-republic honduras paraguay el-salvador nicaragua costa-rica panama uruguay equatorial-guinea'.split(
    ' ',
  ),
);
const PARTICLE_WORD = /^(de|del|la|las|los|y|e|da|do|dos)$/i;
const GIVEN_NAMES = new Set(
  'luis carlos manuel jose maria antonio alberto miguel angel juan pablo eduardo fernando francisco javier jorge enrique ignacio alejandro andres rafael ricardo ramon roberto felipe gabriel daniel david diego sebastian mario martin elena isabel teresa carmen cristina beatriz fernanda alejandra'.split(
    ' ',
  ),
);

/** Countries whose people's names are written family name first. */
const FAMILY_NAME_FIRST = new Set(['china', 'taiwan', 'hong-kong', 'macau', 'south-korea', 'north-korea', 'vietnam']);

/** The kind of office, to tell the same post written two ways apart from two posts. */
function rankWord(role: string): string {
  const m =
    /(vice president|deputy prime minister|prime minister|president|chancellor|monarch|king|queen|senator|representative|minister|secretary)/i.exec(
      role,
    );
  return m ? (m[1] as string).toLowerCase() : foldName(role);
}

/**
 * "United States representative, the United States of America" is "United
 * States representative": the list's jurisdiction added to a role that
 * already names its country is said once.
 */
function withoutRepeatedCountry(role: string, country: string | null, ctx: BuildContext): string {
  const m = /^(.+), ([^,]+)$/.exec(role);
  const name = country ? ctx.countries.name(country) : undefined;
  if (!m || !name || ctx.countries.byName(m[2]) !== country) return role;
  return ` ${foldName(m[1] as string)} `.includes(` ${foldName(name)} `) ? (m[1] as string) : role;
}
