import { type LinkContext, linkMentions, type Mention } from '../link/link-mentions';
import { type AliasIndex, buildAliasIndex } from '../match/alias-index';
import { findCandidates } from '../match/find-candidates';
import type { CoverageItem, Entity, Pack, Source } from './schema';

/** The loaded fact store: every pack's entities, sources and coverage, and the alias index. */
export interface FactStore {
  entities: ReadonlyMap<string, Entity>;
  /** Sources keyed by `packId/sourceId`, as facts refer to them within their pack. */
  sources: ReadonlyMap<string, Source>;
  /** Which pack each entity came from. */
  packOf: ReadonlyMap<string, string>;
  coverage: readonly CoverageItem[];
  index: AliasIndex;
}

/** Builds a fact store from packs; a later pack's entity with the same id replaces an earlier one. */
export function createFactStore(packs: readonly Pack[]): FactStore {
  const entities = new Map<string, Entity>();
  const sources = new Map<string, Source>();
  const packOf = new Map<string, string>();
  const coverage: CoverageItem[] = [];
  for (const pack of packs) {
    for (const s of pack.sources) sources.set(`${pack.id}/${s.id}`, s);
    for (const e of pack.entities) {
      entities.set(e.id, e);
      packOf.set(e.id, pack.id);
    }
    coverage.push(...pack.coverage);
  }
  const index = buildAliasIndex(
    [...entities.values()].flatMap((e) => [
      { entityId: e.id, text: e.name, kind: 'name' as const },
      ...e.aliases.map((a) => ({ entityId: e.id, text: a.text, kind: a.kind ?? ('name' as const) })),
    ]),
  );
  return { entities, sources, packOf, coverage, index };
}

/** The linker's view of the store. */
export function linkContext(store: FactStore): LinkContext {
  return {
    name: (id) => store.entities.get(id)?.name,
    agreement: (id) => {
      const e = store.entities.get(id);
      const a = e?.agreement;
      if (!e || !a) return undefined;
      const evidence = new Set([
        ...a.parties,
        ...a.signatories,
        ...(a.signed.place ? [a.signed.place] : []),
        ...(e.related ?? []),
        ...a.reactions.map((r) => r.who),
      ]);
      return { evidence, year: Number(a.signed.date.slice(0, 4)) };
    },
    countryOf: (id) => store.entities.get(id)?.country,
  };
}

/** Finds and links every mention of the store's entities in `text`. */
export function scanText(store: FactStore, text: string): Mention[] {
  return linkMentions(text, findCandidates(text, store.index), linkContext(store));
}

/** The source a fact of `entityId` cites. */
export function sourceOf(store: FactStore, entityId: string, sourceId: string): Source | undefined {
  const pack = store.packOf.get(entityId);
  return pack === undefined ? undefined : store.sources.get(`${pack}/${sourceId}`);
}
