import { type LinkContext, linkMentions, type Mention } from '../link/link-mentions';
import { type AliasIndex, type AliasInput, buildAliasIndex } from '../match/alias-index';
import { findCandidates } from '../match/find-candidates';
import { deserializeIndex, type SerializedIndex, serializeIndex } from '../match/serialize-index';
import { emptyData, type MergedData, mergePacks } from './merge';
import type { CoverageItem, Entity, Pack, Source } from './schema';

/** The loaded fact store: every pack's entities, sources and coverage, and the alias index. */
export interface FactStore {
  /** Entities by id; their facts' `source` fields are global source keys (see `merge.ts`). */
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  coverage: readonly CoverageItem[];
  packs: MergedData['packs'];
  index: AliasIndex;
}

/** Every alias of every entity, its name included, for the index. */
export function aliasInputs(entities: Iterable<Entity>): AliasInput[] {
  const out: AliasInput[] = [];
  for (const e of entities) {
    out.push({ entityId: e.id, text: e.name, kind: 'name' });
    for (const a of e.aliases) out.push({ entityId: e.id, text: a.text, kind: a.kind ?? 'name', lang: a.lang });
  }
  return out;
}

function fromData(data: MergedData, index?: AliasIndex): FactStore {
  return {
    entities: data.entities,
    sources: data.sources,
    coverage: data.coverage,
    packs: data.packs,
    index: index ?? buildAliasIndex(aliasInputs(data.entities.values())),
  };
}

/** Builds a fact store from packs, merged in order (see {@link mergePacks}). */
export function createFactStore(packs: readonly Pack[]): FactStore {
  return fromData(mergePacks(emptyData(), packs));
}

/**
 * The build-time artifact the background loads at start: the merged packs and
 * the alias index, ready to use without validating or indexing anything.
 */
export interface CompiledStore {
  format: 1;
  packs: MergedData['packs'];
  entities: Entity[];
  sources: [string, Source][];
  coverage: CoverageItem[];
  index: SerializedIndex;
}

/** Compiles packs (already validated) into the artifact. */
export function compileStore(packs: readonly Pack[]): CompiledStore {
  const store = createFactStore(packs);
  return {
    format: 1,
    packs: store.packs,
    entities: [...store.entities.values()],
    sources: [...store.sources],
    coverage: [...store.coverage],
    index: serializeIndex(store.index),
  };
}

/** Loads the compiled artifact. */
export function loadCompiledStore(compiled: CompiledStore): FactStore {
  const data: MergedData = {
    entities: new Map(compiled.entities.map((e) => [e.id, e])),
    sources: new Map(compiled.sources),
    coverage: compiled.coverage,
    packs: compiled.packs,
  };
  return fromData(data, deserializeIndex(compiled.index));
}

/** The bundled store extended with the reader's own packs (the index is rebuilt over all of them). */
export function extendStore(base: FactStore, packs: readonly Pack[]): FactStore {
  if (packs.length === 0) return base;
  const data: MergedData = {
    entities: new Map(base.entities),
    sources: new Map(base.sources),
    coverage: [...base.coverage],
    packs: [...base.packs],
  };
  return fromData(mergePacks(data, packs));
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

/** Options of a scan: the page's language, when known ("en", "fr-FR"). */
export interface ScanOptions {
  lang?: string | undefined;
}

/** Finds and links every mention of the store's entities in `text`. */
export function scanText(store: FactStore, text: string, options: ScanOptions = {}): Mention[] {
  return linkMentions(text, findCandidates(text, store.index), linkContext(store), options);
}

/** The source behind a global source key. */
export function sourceOf(store: FactStore, key: string): Source | undefined {
  return store.sources.get(key);
}
