// Countries as the CIA World Factbook describes them, extending the world
// pack's entries (same ids): the abbreviations the Factbook gives ("UK",
// "US", "DRC", "UAE") and the chief of state and head of government it names,
// each dated and sourced.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Alias, Entity, Fact, Pack, Source } from '../../lib/factstore/schema';
import { type WorldCountry, worldPack } from '../../lib/factstore/world-pack';
import { BODIES_DATASETS } from './bodies';
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
    if (aliases.length === 0 && facts.length === 0) continue;
    entities.push({ id, type: 'place', name: base.name, aliases, description: base.description, facts });
  }
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
 * gives to one country only.
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
  let iso3: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const primary = /^([A-Z][^\s+#]*)\s+\[([A-Z]{3})\]/.exec(line);
    if (primary) iso3 = primary[2];
    else if (/^[^+\s#]/.test(line)) iso3 = undefined;
    if (!iso3 || !line.startsWith('+')) continue;
    const name = line
      .slice(1)
      .replace(/#.*$/, '')
      .trim()
      .replace(/_+$/, '')
      .split('_')
      .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
      .join(' ');
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
