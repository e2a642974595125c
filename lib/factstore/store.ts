import type { AliasIndex } from '../match/alias-index';
import { buildAliasIndex } from '../match/build-alias-index';
import type { CompiledMeta } from './compile';
import { aliasInputs, beginsOf, packInfo, rankOf, spanOf } from './derived';
import { emptyData, mergeEntity, mergePacks } from './merge';
import type { CoverageItem, Entity, EntityType, Pack, PackAbout, Source } from './schema';

// The store's shape, and how one is put together: the bundled store (loaded in
// load-compiled.ts), the reader's packs laid over it, and packs switched off.
// Compiling is compile.ts, the file format store-file.ts, scanning scan.ts.

/**
 * The fact store at scale. In memory: only what matching and linking need —
 * the alias index and a compact table of every entity (id, name, type,
 * country, prominence, pack). Card data (description, facts, sources) lies
 * in shards of a few hundred entities, read one shard at a time when a card
 * is asked for. Reader packs sit on top in a small index of their own, so
 * the bundled index is never rebuilt.
 */
export interface FactStore {
  index: AliasIndex;
  /** The reader's packs: their own small index and entities (undefined when none). */
  reader?: ReaderLayer;
  /** Number of entities (bundled and the reader's). */
  size: number;
  coverage: readonly CoverageItem[];
  packs: readonly PackInfo[];
  /** What the linker and the popup need about an entity, from memory. */
  info(id: string): EntityInfo | undefined;
  /** The whole record, with its facts' sources, read from its shard. */
  record(id: string): Promise<EntityRecord | undefined>;
  /** The packs the reader switched off (their names are not matched, their facts not shown). */
  disabled: ReadonlySet<string>;
}

/** What the linker and the popup know of an entity without reading its card shard. */
export interface EntityInfo {
  id: string;
  name: string;
  type: EntityType;
  country?: string;
  /** 0 (unknown) to 3 (head of state or government): chooses among namesakes. */
  rank: number;
  /** How much the store knows about the entity's country, 0–255 (log scale): the last tie-break among namesakes. */
  weight: number;
  /**
   * When it began (an agreement signed, an organisation founded), as days since
   * 1900-01-01 plus one; 0 when not known (or before 1900). An article of an
   * earlier date cannot name it.
   */
  begins: number;
  /**
   * For a head of state or government: from the start of their first dated role
   * to the end of their last (day numbers; 0 at the end while one is open). The
   * linker prefers, among namesakes, the one in office at the article's date.
   */
  span?: readonly [number, number];
}

/** An entity with the sources its facts and reactions cite (by global source key). */
export interface EntityRecord {
  entity: Entity;
  sources: Record<string, Source>;
}

/** A pack as the options page lists it. */
export interface PackInfo {
  id: string;
  name: string;
  version: string;
  license: string;
  entities: number;
  about?: PackAbout;
  /** True for packs the reader imported. */
  reader?: boolean;
}

/** The reader's own packs, merged: a small index of their own over their entities and sources. */
export interface ReaderLayer {
  index: AliasIndex;
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
}

/** What {@link assemble} needs of the bundled store (see load-compiled.ts). */
export interface BundledStore {
  /** Number of bundled entities. */
  size: number;
  info(id: string): EntityInfo | undefined;
  record(id: string): Promise<EntityRecord | undefined>;
  /** Per entity (in table order): the index of its pack in the meta's packs. */
  entityPack: Uint8Array;
}

/** The bundled store and meta each assembled store was made from, so it can be extended or scanned. */
const partsOf = new WeakMap<FactStore, { bundled: BundledStore; meta: CompiledMeta }>();

/** The bundled store and meta under `store`; undefined for a store not made by {@link assemble}. */
export function storeParts(store: FactStore): { bundled: BundledStore; meta: CompiledMeta } | undefined {
  return partsOf.get(store);
}

/** What the linker knows of an entity from a reader's pack, worked out from its record as the compiler does. */
function readerInfo(e: Entity): EntityInfo {
  const rank = rankOf(e);
  const span = spanOf(e, rank);
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    ...(e.country ? { country: e.country } : {}),
    rank,
    weight: 0,
    begins: beginsOf(e),
    ...(span ? { span } : {}),
  };
}

/**
 * A store of the bundled entities, with the reader's layer (if any) on top
 * and the packs in `disabled` switched off.
 */
export function assemble(
  bundled: BundledStore,
  sharedIndex: AliasIndex,
  meta: CompiledMeta,
  reader: (ReaderLayer & { packs: PackInfo[] }) | undefined,
  disabled: ReadonlySet<string>,
): FactStore {
  // Entities whose pack is off are skipped by the matcher (see walk.ts); the index's
  // arrays are shared with the store this one extends, only the skip list is its own.
  const off = meta.packs.map((p) => disabled.has(p.id));
  const skip = off.some(Boolean) ? Uint8Array.from(bundled.entityPack, (p) => (off[p] ? 1 : 0)) : undefined;
  const ownIndex: AliasIndex = { ...sharedIndex, entitySkip: skip };
  const visible = (key: string) => !disabled.has(key.slice(0, key.indexOf('/')));
  const store: FactStore = {
    index: ownIndex,
    ...(reader ? { reader } : {}),
    size: bundled.size + (reader ? [...reader.entities.keys()].filter((id) => !bundled.info(id)).length : 0),
    coverage: meta.coverage,
    packs: [...meta.packs, ...(reader?.packs ?? [])],
    disabled,
    info(id) {
      const mine = reader?.entities.get(id);
      return mine ? readerInfo(mine) : bundled.info(id);
    },
    async record(id) {
      const base = await bundled.record(id);
      const mine = reader?.entities.get(id);
      if (!base && !mine) return undefined;
      const sources: Record<string, Source> = { ...base?.sources };
      if (mine) for (const f of mine.facts) sources[f.source] ??= reader?.sources.get(f.source) as Source;
      let entity = base && mine ? mergeEntity(base.entity, mine) : ((base?.entity ?? mine) as Entity);
      // The facts of packs the reader switched off are not shown.
      if (disabled.size > 0) entity = { ...entity, facts: entity.facts.filter((f) => visible(f.source)) };
      return { entity, sources };
    },
  };
  partsOf.set(store, { bundled, meta });
  return store;
}

/**
 * The bundled store with the reader's own packs on top: their entities in a
 * small index of their own (the bundled index is not rebuilt), an id they
 * share with a bundled entity extending it. `disabled` lists packs (bundled
 * or the reader's) that are switched off.
 */
export function extendStore(
  base: FactStore,
  packs: readonly Pack[],
  disabled: ReadonlySet<string> = new Set(),
): FactStore {
  const parts = partsOf.get(base);
  if (!parts) throw new Error('extendStore needs a store made by loadCompiledStore or createFactStore');
  const on = packs.filter((p) => !disabled.has(p.id));
  const data = mergePacks(emptyData(), on);
  const reader =
    packs.length > 0
      ? {
          index: buildAliasIndex(aliasInputs(data.entities.values())),
          entities: data.entities,
          sources: data.sources,
          packs: packs.map((p) => packInfo(p, true)),
        }
      : undefined;
  // The meta's own property getters are kept: the agreements' clues stay unparsed until asked for (store-file.ts).
  const meta = Object.defineProperties({} as CompiledMeta, {
    ...Object.getOwnPropertyDescriptors(parts.meta),
    coverage: {
      value: [...parts.meta.coverage, ...data.coverage],
      enumerable: true,
      writable: true,
      configurable: true,
    },
  });
  // (agreements of reader packs are read from the reader layer by linkContext)
  return assemble(parts.bundled, base.index, meta, reader, disabled);
}
