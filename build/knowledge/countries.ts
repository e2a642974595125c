// Countries as the CIA World Factbook describes them, extending the world
// pack's entries (same ids): the abbreviations the Factbook gives ("UK",
// "US", "DRC", "UAE") and the chief of state and head of government it names,
// each dated and sourced.
import { createRequire } from 'node:module';
import type { Alias, Entity, Fact, Pack, Source } from '../../lib/factstore/schema';
import { type WorldCountry, worldPack } from '../../lib/factstore/world-pack';
import { type BuildContext, recordSource } from './context';
import { decodeHtml } from './names';
import { factbookCountry, factbookGovernment, PEOPLE_DATASETS, parseHeadLine } from './people';

const require = createRequire(import.meta.url);

export async function buildCountries(ctx: BuildContext): Promise<Pack[]> {
  const world = new Map(
    worldPack(require('world-countries') as WorldCountry[], 'build').entities.map((e) => [e.id, e]),
  );
  const rows = await factbookGovernment(ctx);
  const dataset = PEOPLE_DATASETS.factbook;
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
    if (aliases.length === 0 && facts.length === 0) continue;
    entities.push({ id, type: 'place', name: base.name, aliases, description: base.description, facts });
  }
  return [
    {
      id: 'countries-factbook',
      name: 'Countries: abbreviations and leaders (CIA World Factbook)',
      version: dataset.snapshot,
      license: dataset.license,
      about: { kind: 'places', region: 'World', datasets: [dataset] },
      sources,
      entities,
      coverage: [],
    },
  ];
}
