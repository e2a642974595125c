import { type LinkContext, linkMentions, type Mention } from '../link/link-mentions';
import { type AliasIndex, type AliasInput, buildAliasIndex } from '../match/alias-index';
import { findCandidates } from '../match/find-candidates';
import { type IndexLayout, packIndex, unpackIndex } from '../match/serialize-index';
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
 * The build-time artifact the background loads at start, in three files:
 * `meta` (the merged packs without their aliases, and the index layout) as
 * JSON, `index` (the alias index's arrays) as raw bytes, and `aliases` (every
 * alias, JSON) which is read only to rebuild the index when the reader has
 * packs of their own. Nothing is validated or indexed at load.
 */
export interface CompiledMeta {
  format: 2;
  packs: MergedData['packs'];
  entities: Entity[];
  sources: [string, Source][];
  coverage: CoverageItem[];
  index: IndexLayout;
}

export interface CompiledStore {
  meta: CompiledMeta;
  index: Uint8Array;
  aliases: AliasInput[];
}

/** Compiles packs (already validated) into the artifact. */
export function compileStore(packs: readonly Pack[]): CompiledStore {
  const store = createFactStore(packs);
  const { layout, bytes } = packIndex(store.index);
  return {
    meta: {
      format: 2,
      packs: store.packs,
      // The index holds the aliases; the records need them only for a rebuild.
      entities: [...store.entities.values()].map((e) => ({ ...e, aliases: [] })),
      sources: [...store.sources],
      coverage: [...store.coverage],
      index: layout,
    },
    index: bytes,
    aliases: aliasInputs(store.entities.values()),
  };
}

/** Loads the compiled artifact. */
export function loadCompiledStore(meta: CompiledMeta, index: ArrayBuffer | Uint8Array): FactStore {
  if (meta.format !== 2) throw new Error(`Unknown fact store format ${String(meta.format)}`);
  const data: MergedData = {
    entities: new Map(meta.entities.map((e) => [e.id, e])),
    sources: new Map(meta.sources),
    coverage: meta.coverage,
    packs: meta.packs,
  };
  return fromData(data, unpackIndex(meta.index, index));
}

/**
 * The bundled store extended with the reader's own packs. The index is
 * rebuilt over the bundled aliases (`baseAliases`, the artifact's third file)
 * and the packs' names.
 */
export function extendStore(base: FactStore, baseAliases: readonly AliasInput[], packs: readonly Pack[]): FactStore {
  if (packs.length === 0) return base;
  const data: MergedData = {
    entities: new Map(base.entities),
    sources: new Map(base.sources),
    coverage: [...base.coverage],
    packs: [...base.packs],
  };
  mergePacks(data, packs);
  const extra = aliasInputs(packs.flatMap((p) => p.entities));
  return fromData(data, buildAliasIndex([...baseAliases, ...extra]));
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
    type: (id) => store.entities.get(id)?.type,
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
