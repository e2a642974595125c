// Countries as the CIA World Factbook describes them, extending the world
// pack's entries (same ids): the abbreviations the Factbook gives ("UK",
// "US", "DRC", "UAE") and the chief of state and head of government it names,
// each dated and sourced.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Alias, Entity, Fact, Pack, Source } from '../../lib/factstore/schema';
import {
  CAPITAL_FROM_FACTBOOK,
  OFFICIAL_NAME_IN_DISPUTE,
  STATEHOOD_IN_DISPUTE,
  slugId,
  type WorldCountry,
  worldPack,
} from '../../lib/factstore/world-pack';
import { BODIES_DATASETS } from './bodies';
import {
  CAPITAL_NOTE_IN_DESCRIPTION,
  DESCRIPTION_LEAD,
  describeClause,
  Factbook,
  isCutOf,
  midSentence,
  QUALIFIERS,
  type Qualifier,
  type Quote,
  quoted,
  recordOf,
} from './contested';
import { type BuildContext, recordSource } from './context';
import { decodeHtml, foldName, isDictionaryWord } from './names';
import { factbookCountry, factbookGovernment, PEOPLE_DATASETS, parseHeadLine } from './people';

const require = createRequire(import.meta.url);

export async function buildCountries(ctx: BuildContext): Promise<Pack[]> {
  const world = new Map(
    worldPack(require('world-countries') as WorldCountry[], 'build').entities.map((e) => [e.id, e]),
  );
  const rows = await factbookGovernment(ctx);
  const dataset = PEOPLE_DATASETS.factbook;
  const fb = new Factbook(ctx.dataDir);
  const records = new Map(
    (require('world-countries') as WorldCountry[]).map((c) => [slugId(c.name.common), c] as const),
  );
  const qualifiers = new Map<string, Qualifier[]>();
  for (const x of QUALIFIERS) qualifiers.set(x.entity, [...(qualifiers.get(x.entity) ?? []), x]);
  const shortNames = phoenixShortNames(ctx, world);
  const phoenixSource = recordSource('phoenix-countries', BODIES_DATASETS.phoenix, PHOENIX_COUNTRIES);
  const entities: Entity[] = [];
  const sources: Source[] = [];
  const done = new Set<string>();
  for (const r of rows) {
    const id = factbookCountry(ctx, r.short, r.long);
    const base = id ? world.get(id) : undefined;
    if (!id || !base || done.has(id)) continue;
    done.add(id);
    const sourceId = `factbook-${r.file.replace(/\//g, '-')}`;
    sources.push(recordSource(sourceId, dataset, `${base.name} (${r.file}.json) › Government`));
    const aliases: Alias[] = [];
    // "US or USA", "DRC (or DROC)": each all-capital abbreviation of three letters or more,
    // and the two two-letter ones news write in running text ("UK", "US"); others ("AS" for
    // American Samoa, "PR", "NL") are ordinary capitals in headlines and codes.
    for (const a of decodeHtml(r.abbreviation ?? '').split(/\s+or\s+|[()/,]/)) {
      const t = a.trim();
      if ((/^\p{Lu}{3,6}$/u.test(t) || t === 'UK' || t === 'US') && t !== base.name)
        aliases.push({ text: t, kind: 'acronym' });
    }
    // The Factbook's short names where they differ from world-countries': "Turkey (Turkiye)", "Burma".
    for (const part of decodeHtml(r.short ?? '')
      .replace(/;.*$/, '')
      .split(/[()]/)) {
      const t = part.trim();
      if (t.length > 3 && t !== 'none' && t !== base.name && !base.aliases.some((x) => x.text === t))
        aliases.push({ text: t });
    }
    const facts: Fact[] = [];
    for (const [text, label] of [
      [r.cos, 'Chief of state'],
      [r.hog, 'Head of government'],
    ] as const) {
      for (const head of text ? parseHeadLine(text) : []) {
        facts.push({
          label,
          value: head.title ? `${head.title} ${head.name}` : head.name,
          ...(head.since ? { from: head.since } : {}),
          source: sourceId,
        });
      }
    }
    for (const text of shortNames.get(id) ?? []) if (!aliases.some((a) => a.text === text)) aliases.push({ text });
    const record = records.get(id);
    let cited = 0;
    const contested = record
      ? contestedFacts(fb, record, r.file, qualifiers.get(id) ?? [], (x, capitalFile) => {
          const sid = `${sourceId}-${slugId(x.label)}-${++cited}`;
          sources.push(recordSource(sid, dataset, `${base.name} (${recordOf(x, capitalFile)})`));
          return sid;
        })
      : undefined;
    if (contested) facts.push(...contested.facts);
    const description = contested?.description ?? base.description;
    if (aliases.length === 0 && facts.length === 0) continue;
    entities.push({ id, type: 'place', name: base.name, aliases, description, facts });
  }
  for (const x of QUALIFIERS)
    if (records.has(x.entity) && !done.has(x.entity)) throw new Error(`contested.ts: no Factbook file for ${x.entity}`);
  for (const [id, c] of records)
    if (CAPITAL_FROM_FACTBOOK.has(c.cca3) && !done.has(id))
      throw new Error(`world-pack.ts: ${c.cca3} is in CAPITAL_FROM_FACTBOOK but the Factbook has no file for it`);
  // The Phoenix dictionary is cited when a short name from it went into a country kept here.
  if ([...shortNames.keys()].some((id) => entities.some((e) => e.id === id))) sources.push(phoenixSource);
  return [
    {
      id: 'countries-factbook',
      name: 'Countries: abbreviations and leaders (CIA World Factbook)',
      version: dataset.snapshot,
      license: dataset.license,
      about: { kind: 'places', region: 'World', datasets: [dataset, BODIES_DATASETS.phoenix] },
      sources,
      entities,
      coverage: [],
    },
  ];
}

const PHOENIX_COUNTRIES = 'phoenix-dictionaries/petrarch2/data/dictionaries/Phoenix.Countries.actors.txt';

/**
 * Shorter names of countries the Phoenix country dictionary lists as
 * synonyms ("BRITAIN", "GREAT_BRITAIN" for the United Kingdom, "AMERICA"):
 * only those that end the country's official name (so "Britain" and "Great
 * Britain" for the United Kingdom of Great Britain and Northern Ireland, never
 * "England" or "Scotland", which the dictionary also lists), that are not a
 * part of the country's usual name ("Zealand" and "Bissau" are other
 * places), no other country's name and no word, and that the dictionary
 * gives to one country only. Also the names of a territory it files under a
 * country that has no entity of its own (see below: "Gaza" for Palestine).
 */
function phoenixShortNames(ctx: BuildContext, world: ReadonlyMap<string, Entity>): Map<string, string[]> {
  let text: string;
  try {
    text = readFileSync(join(ctx.dataDir, PHOENIX_COUNTRIES), 'utf8');
  } catch {
    return new Map();
  }
  const countries = require('world-countries') as { cca3: string; name: { official: string } }[];
  const byIso3 = new Map(countries.map((c) => [c.cca3, c.name.official]));
  const taken = new Set<string>();
  for (const e of world.values()) for (const n of [e.name, ...e.aliases.map((a) => a.text)]) taken.add(foldName(n));
  const claims = new Map<string, Set<string>>();
  const titleCase = (raw: string) =>
    raw
      .replace(/#.*$/, '')
      .trim()
      .replace(/_+$/, '')
      .split('_')
      .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
      .join(' ');
  let iso3: string | undefined;
  // A territory the dictionary files under a country ("GAZA_ [PSEGZA]": Palestine's Gaza, with
  // "GAZA_STRIP" and "GAZA_CITY") that has no entity of its own: its names go to that country,
  // so that "Gaza" on a page is Palestine's, not Mozambique's Gaza Province.
  // Only its own name and the names that begin with it ("Gaza Strip", not "Rafah", a town also in
  // Egypt), and none that names the country itself ("Netherlands Antilles" is not the Netherlands).
  let territoryOf: string | undefined;
  let territoryWord = '';
  const addTerritory = (name: string) => {
    const owner = territoryOf as string;
    const country = foldName(world.get(ctx.countries.byIso3(owner) ?? '')?.name ?? owner);
    const key = foldName(name);
    if (!name || taken.has(key) || !key.startsWith(territoryWord) || key.includes(country)) return;
    claims.set(name, new Set([...(claims.get(name) ?? []), owner]));
  };
  for (const line of text.split(/\r?\n/)) {
    const territory = /^([A-Z][^\s+#]*)\s+\[([A-Z]{3})[A-Z]{3}\]/.exec(line);
    const territoryName = territory ? titleCase(territory[1] as string) : '';
    if (territory && !taken.has(foldName(territoryName))) {
      territoryOf = territory[2];
      territoryWord = foldName(territoryName).split(' ')[0] ?? '';
      addTerritory(territoryName);
      iso3 = undefined;
      continue;
    }
    if (/^[^+\s#]/.test(line)) territoryOf = undefined;
    if (territoryOf && line.startsWith('+')) {
      addTerritory(titleCase(line.slice(1)));
      continue;
    }
    const primary = /^([A-Z][^\s+#]*)\s+\[([A-Z]{3})\]/.exec(line);
    if (primary) iso3 = primary[2];
    else if (/^[^+\s#]/.test(line)) iso3 = undefined;
    if (!iso3 || !line.startsWith('+')) continue;
    const name = titleCase(line.slice(1));
    const official = byIso3.get(iso3);
    if (!official || !name) continue;
    // The official name up to "and": "United Kingdom of Great Britain".
    const first = foldName(official.replace(/\([^)]*\)/g, '').split(/ and /)[0] ?? '');
    const key = foldName(name);
    if (!(first.endsWith(` ${key}`) && key.length >= 4) || taken.has(key) || / (of|the) /.test(` ${key} `)) continue;
    // Not a part of the name it shortens ("Zealand", "Bissau", "Trinidad" are other places).
    const common = world.get(ctx.countries.byIso3(iso3) ?? '')?.name;
    if (common && ` ${foldName(common).replace(/-/g, ' ')} `.includes(` ${key} `)) continue;
    if (!/\s/.test(key) && isDictionaryWord(key)) continue;
    claims.set(name, new Set([...(claims.get(name) ?? []), iso3]));
  }
  const out = new Map<string, string[]>();
  for (const [name, owners] of claims) {
    const target = owners.size === 1 ? ctx.countries.byIso3([...owners][0] as string) : undefined;
    if (target) out.set(target, [...(out.get(target) ?? []), name]);
  }
  ctx.log(`    countries: Phoenix short names ${[...out].map(([id, n]) => `${id}: ${n.join(', ')}`).join('; ')}`);
  return out;
}

/**
 * A country's capital, name and status as the Factbook qualifies them, and
 * the description that says no more than they do: "Country in Western Asia;
 * capital Jerusalem (the US recognized Jerusalem as Israel’s capital in 2017,
 * …)". The world pack's capital stands where the Factbook does not qualify
 * it (and the world pack's description then stays); the build fails where it
 * does and the world pack still names one (`CAPITAL_FROM_FACTBOOK`).
 */
function contestedFacts(
  fb: Factbook,
  c: WorldCountry,
  file: string,
  qualifiers: readonly Qualifier[],
  source: (x: Qualifier, capitalFile?: string) => string,
): { facts: Fact[]; description: string } | undefined {
  const capital = fb.capital(file);
  const fromFactbook = CAPITAL_FROM_FACTBOOK.has(c.cca3);
  const notedByFactbook = capital.note !== undefined || /capital|seat of government/i.test(capital.value ?? '');
  if (!fromFactbook && capital.value && notedByFactbook)
    throw new Error(
      `world-pack.ts: the Factbook qualifies the capital of ${c.name.common} (${c.cca3}: "${capital.value}"; ${capital.note ?? ''}): add it to CAPITAL_FROM_FACTBOOK`,
    );
  if (!fromFactbook && qualifiers.length === 0 && !OFFICIAL_NAME_IN_DISPUTE.has(c.cca3)) return undefined;
  const facts: Fact[] = [];
  const clauses: string[] = [];
  const where = c.subregion || c.region || 'the world';
  const lead = DESCRIPTION_LEAD[slugId(c.name.common)];
  let head = lead
    ? fb.quote(lead).replace(/^./, (x) => x.toUpperCase())
    : STATEHOOD_IN_DISPUTE.has(c.cca3)
      ? where
      : `${c.independent === false ? 'Territory' : 'Country'} in ${where}`;
  // The capital: the world pack's, or the Factbook's with its note and any qualifier of its own.
  const onCapital = qualifiers.find((x) => x.label === 'Capital');
  const capitalValue = fromFactbook ? capital.value : c.capital?.filter(Boolean).join(', ');
  if (fromFactbook && capital.value) {
    const note = [capital.note, quoted(fb, onCapital?.note)].filter(Boolean).join('; ');
    facts.push({
      label: 'Capital',
      value: capital.value,
      ...(note ? { note } : {}),
      source: source(onCapital ?? { entity: '', label: 'Capital' }, file),
    });
  }
  // "No official capital; government offices in the Yaren District" (Nauru) is said as it is.
  if (capitalValue) head += /^\p{Ll}/u.test(capitalValue) ? `; ${capitalValue}` : `; capital ${capitalValue}`;
  // The capital's qualifier in the description: a cut of the Factbook's note, or the entity's own.
  const capitalNote = (CAPITAL_NOTE_IN_DESCRIPTION[c.cca3] ?? []).map((words) => {
    if (!capital.note || !isCutOf(capital.note, words))
      throw new Error(`contested.ts: the Factbook's capital note for ${c.cca3} does not say "${words}"`);
    return words;
  });
  const capitalClause = [...capitalNote, ...(onCapital?.describe ?? []).map((x) => fb.quote(x))]
    .map(midSentence)
    .join('; ');
  if (capitalClause && capitalValue) head += /\)$/.test(capitalValue) ? `; ${capitalClause}` : ` (${capitalClause})`;
  // The Palestinian territories, by name: "Western Asia: the West Bank and the Gaza Strip".
  const territories = qualifiers
    .filter((x) => x.label === 'Territory' && x.value)
    .map((x) => fb.quote(x.value as Quote));
  if (territories.length > 0) head += `: the ${territories.join(' and the ')}`;
  for (const x of qualifiers) {
    if (x.label === 'Capital') continue;
    const value = x.value ? fb.quote(x.value) : undefined;
    if (!value) continue;
    const note = quoted(fb, x.note);
    facts.push({ label: x.label, value, ...(note ? { note } : {}), source: source(x) });
    const clause = describeClause(fb, x);
    if (clause) clauses.push(clause);
  }
  return { facts, description: `${[head, ...clauses].join('; ')}.` };
}
