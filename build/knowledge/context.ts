// The pack builder's shared context: the DuckDB connection, where the data
// lies, and how a dataset's country code or name becomes a world-pack id.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { currentSince } from '../../lib/factstore/card';
import type { Dataset, Pack, Source } from '../../lib/factstore/schema';
import { slugId, type WorldCountry } from '../../lib/factstore/world-pack';
import { foldName } from './names';

export interface BuildContext {
  db: DuckDBConnection;
  /** The data directory (`../shared/data` unless BACKSTORY_DATA says otherwise). */
  dataDir: string;
  countries: Countries;
  /** Runs a query and returns its rows as JSON values (INTEGER as a number; BIGINT and DATE as strings: cast in SQL). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Runs statements that return nothing (CREATE TABLE …). */
  run(sql: string): Promise<void>;
  /** A path inside the data directory, quoted as an SQL string literal. */
  file(path: string): string;
  log(message: string): void;
  /**
   * The first day a source must be dated on or after for an open-ended fact it
   * gives to be said to hold now ("since …"): two years before the build
   * (issue #17). Older sources' open-ended facts read "as of" their snapshot.
   */
  currentSince: string;
  /** The packs the builders before this one made (the places read the people's given names). */
  built: Pack[];
}

/** Country codes and names → world-pack ids ("GBR", "GB", "United Kingdom" → "united-kingdom"). */
export interface Countries {
  byIso2(code: string | null | undefined): string | undefined;
  byIso3(code: string | null | undefined): string | undefined;
  /** By any English, official or alternative name ("Burma", "Republic of Korea"). */
  byName(name: string | null | undefined): string | undefined;
  /** The world pack's name for an id ("united-kingdom" → "United Kingdom"). */
  name(id: string): string | undefined;
  /** The ISO 3166 alpha-3 code of an id. */
  iso3(id: string): string | undefined;
  /** An id's official languages, as world-countries gives them (ISO 639-3: "fra"). */
  languages(id: string): readonly string[];
}

const require = createRequire(import.meta.url);

// Names the datasets use that world-countries does not list.
const EXTRA_NAMES: Record<string, string> = {
  burma: 'MMR',
  czechia: 'CZE',
  'czech republic': 'CZE',
  'korea, south': 'KOR',
  'korea, north': 'PRK',
  'south korea': 'KOR',
  'north korea': 'PRK',
  'congo, democratic republic of the': 'COD',
  'democratic republic of the congo': 'COD',
  'congo, republic of the': 'COG',
  'republic of the congo': 'COG',
  'gambia, the': 'GMB',
  'the gambia': 'GMB',
  'bahamas, the': 'BHS',
  'the bahamas': 'BHS',
  'micronesia, federated states of': 'FSM',
  "cote d'ivoire": 'CIV',
  'ivory coast': 'CIV',
  'turkey (turkiye)': 'TUR',
  turkiye: 'TUR',
  'holy see (vatican city)': 'VAT',
  'vatican city': 'VAT',
  'east timor': 'TLS',
  'timor-leste': 'TLS',
  eswatini: 'SWZ',
  swaziland: 'SWZ',
  'cabo verde': 'CPV',
  'cape verde': 'CPV',
  'north macedonia': 'MKD',
  macedonia: 'MKD',
  palestine: 'PSE',
  'state of palestine': 'PSE',
  'west bank': 'PSE',
  'gaza strip': 'PSE',
  russia: 'RUS',
  'united states': 'USA',
  'united states of america': 'USA',
  'united kingdom': 'GBR',
  'saint helena, ascension, and tristan da cunha': 'SHN',
  kosovo: 'UNK',
  'virgin islands': 'VIR',
  'united states virgin islands': 'VIR',
};

export function createCountries(): Countries {
  const list = require('world-countries') as (WorldCountry & {
    cca2: string;
    cca3: string;
    languages?: Record<string, string>;
  })[];
  const by2 = new Map<string, string>();
  const by3 = new Map<string, string>();
  const byName = new Map<string, string>();
  const names = new Map<string, string>();
  const iso3 = new Map<string, string>();
  const languages = new Map<string, string[]>();
  for (const c of list) {
    const id = slugId(c.name.common);
    languages.set(id, Object.keys(c.languages ?? {}));
    by2.set(c.cca2.toUpperCase(), id);
    by3.set(c.cca3.toUpperCase(), id);
    names.set(id, c.name.common);
    iso3.set(id, c.cca3);
    for (const n of [c.name.common, c.name.official, ...(c.altSpellings ?? []), c.translations?.eng?.common]) {
      if (n && n.length > 3) byName.set(foldName(n), id);
    }
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) {
    const id = by3.get(code);
    if (id) byName.set(foldName(name), id);
  }
  // Codes the datasets use beside ISO's: the UK as "UK"/"EL" for Greece in EU lists.
  if (by2.get('GB')) by2.set('UK', by2.get('GB') as string);
  if (by2.get('GR')) by2.set('EL', by2.get('GR') as string);
  return {
    byIso2: (code) => (code ? by2.get(code.trim().toUpperCase()) : undefined),
    byIso3: (code) => (code ? by3.get(code.trim().toUpperCase()) : undefined),
    byName: (name) => {
      if (!name) return undefined;
      const key = foldName(name);
      return byName.get(key) ?? byName.get(key.replace(/^the /, ''));
    },
    name: (id) => names.get(id),
    iso3: (id) => iso3.get(id),
    languages: (id) => languages.get(id) ?? [],
  };
}

export function createContext(
  db: DuckDBConnection,
  dataDir: string,
  log: (m: string) => void,
  today: Date = new Date(),
): BuildContext {
  return {
    db,
    dataDir,
    currentSince: currentSince(today),
    countries: createCountries(),
    built: [],
    async query<T>(sql: string) {
      const reader = await db.runAndReadAll(sql);
      // JSON values: lists as arrays, BIGINT as numbers, dates as strings.
      return reader.getRowObjectsJson() as T[];
    },
    async run(sql: string) {
      await db.run(sql);
    },
    file: (path) => `'${join(dataDir, path).replaceAll("'", "''")}'`,
    log,
  };
}

/** A pack as the builder makes it: the pack and, for the log, what it holds. */
export type PackBuilder = (ctx: BuildContext) => Promise<Pack[]>;

/** The Wikidata page of a Q-id: the one URL scheme the builder may use (documented by Wikidata). */
export function wikidataUrl(qid: string | null | undefined): string | undefined {
  return qid && /^Q\d+$/.test(qid) ? `https://www.wikidata.org/wiki/${qid}` : undefined;
}

/**
 * A source naming the dataset, its snapshot and the record: `outlet` is the
 * dataset, `title` the record, `date` the snapshot, `url` only from a
 * documented identifier scheme (Wikidata).
 */
export function recordSource(id: string, dataset: Dataset, record: string, qid?: string | null, note?: string): Source {
  const url = wikidataUrl(qid);
  return {
    id,
    outlet: dataset.name,
    title: record,
    date: dataset.snapshot,
    ...(url ? { url } : {}),
    ...(note ? { note } : note === undefined && dataset.stale ? { note: dataset.stale } : {}),
  };
}
