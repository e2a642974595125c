import type { Alias, CoverageItem, Entity, Pack, Source } from './schema';

/**
 * Packs merged into one body of data. Fact and reaction `source` fields hold
 * global source keys (`packId/sourceId`), so an entity can carry facts from
 * several packs.
 */
export interface MergedData {
  entities: Map<string, Entity>;
  sources: Map<string, Source>;
  coverage: CoverageItem[];
  packs: { id: string; name: string; version: string; entities: number }[];
}

export function emptyData(): MergedData {
  return { entities: new Map(), sources: new Map(), coverage: [], packs: [] };
}

/** The global key of a pack's source. */
export const sourceKey = (packId: string, sourceId: string) => `${packId}/${sourceId}`;

function globalise(packId: string, e: Entity): Entity {
  const key = (id: string) => sourceKey(packId, id);
  return {
    ...e,
    facts: e.facts.map((f) => ({ ...f, source: key(f.source) })),
    ...(e.agreement
      ? {
          agreement: { ...e.agreement, reactions: e.agreement.reactions.map((r) => ({ ...r, source: key(r.source) })) },
        }
      : {}),
  };
}

function union<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

/**
 * A later pack's entity with an id already known extends it: its name,
 * type, description and agreement win; aliases, facts and related ids are
 * added; the earlier name stays as an alias. So a hand-written pack can
 * enrich the generated world pack's "Iran" rather than compete with it.
 */
export function mergeEntity(base: Entity, over: Entity): Entity {
  const aliases: Alias[] = [];
  const seen = new Set<string>();
  const add = (a: Alias) => {
    const k = `${a.text}\u0000${a.kind ?? ''}\u0000${a.lang ?? ''}`;
    if (!seen.has(k) && a.text !== over.name) {
      seen.add(k);
      aliases.push(a);
    }
  };
  if (base.name !== over.name) add({ text: base.name });
  for (const a of over.aliases) add(a);
  for (const a of base.aliases) add(a);
  const merged: Entity = {
    ...base,
    ...over,
    aliases,
    facts: [...over.facts, ...base.facts],
    related: union(over.related, base.related),
  };
  const country = over.country ?? base.country;
  if (country) merged.country = country;
  const agreement = over.agreement ?? base.agreement;
  if (agreement) merged.agreement = agreement;
  if (merged.related?.length === 0) delete merged.related;
  return merged;
}

/** Adds packs, in order, to merged data (mutating and returning it). */
export function mergePacks(data: MergedData, packs: readonly Pack[]): MergedData {
  for (const pack of packs) {
    for (const s of pack.sources) data.sources.set(sourceKey(pack.id, s.id), s);
    for (const raw of pack.entities) {
      const { sameAs, ...e } = globalise(pack.id, raw);
      let existing = data.entities.get(e.id);
      // The same person or thing under another id (a generated entry): merged into this one.
      for (const other of sameAs ?? []) {
        const twin = data.entities.get(other);
        if (!twin || other === e.id) continue;
        data.entities.delete(other);
        existing = existing ? mergeEntity(twin, existing) : twin;
      }
      data.entities.set(e.id, existing ? mergeEntity(existing, e) : e);
    }
    data.coverage.push(...pack.coverage);
    data.packs.push({ id: pack.id, name: pack.name, version: pack.version, entities: pack.entities.length });
  }
  return data;
}
