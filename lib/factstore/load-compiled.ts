import { unpackIndex } from '../match/serialize-index';
import { adoptFilters } from '../match/word-filters';
import { type CompiledMeta, compileStore } from './compile';
import { TYPES } from './derived';
import { entityIds } from './entity-ids';
import { unpackTable } from './entity-table';
import type { EntityType, Pack } from './schema';
import { cachedShards, SHARD_SIZE, type Shard, type ShardLoader } from './shards';
import { assemble, type BundledStore, type FactStore } from './store';

/**
 * Loads the compiled artifact: views over the index and table bytes, the ids
 * and the names left in their text and bytes until one is asked for (see
 * entity-ids.ts); no JSON of entities is parsed until a card is asked for.
 */
export function loadCompiledStore(
  meta: CompiledMeta,
  indexBytes: ArrayBuffer | Uint8Array,
  tableBytes: ArrayBuffer | Uint8Array,
  idSource: string | Uint8Array,
  names: Uint8Array,
  loadShard: ShardLoader,
  filters?: ArrayBuffer | Uint8Array,
): FactStore {
  if (meta.format !== 6) throw new Error(`Unknown fact store format ${String(meta.format)}`);
  const n = meta.entities;
  const spans = meta.spans;
  const table = unpackTable(tableBytes instanceof Uint8Array ? tableBytes : new Uint8Array(tableBytes), n);
  const { nameStart } = table;
  const ids = entityIds(idSource, table.idStart, n);
  const decoder = new TextDecoder();
  // Each name decoded once, when first asked for.
  const decoded: (string | undefined)[] = new Array(n);
  const nameOf = (i: number): string =>
    (decoded[i] ??= decoder.decode(names.subarray(nameStart[i] as number, nameStart[i + 1] as number)));
  const index = unpackIndex({ ...meta.index, entityIds: ids.list }, indexBytes);
  if (filters) adoptFilters(index, meta.filterShift, filters instanceof Uint8Array ? filters : new Uint8Array(filters));
  const { numberOf } = ids;
  const shard = cachedShards(loadShard);
  const bundled: BundledStore = {
    size: n,
    info(id) {
      const i = numberOf(id);
      if (i < 0) return undefined;
      const c = table.country[i] as number;
      return {
        id,
        name: nameOf(i),
        type: TYPES[table.type[i] as number] as EntityType,
        ...(c > 0 ? { country: ids.at(c - 1) } : {}),
        rank: table.rank[i] as number,
        weight: table.weight[i] as number,
        begins: table.begins[i] as number,
        ...(Object.hasOwn(spans, id) ? { span: spans[id] as [number, number] } : {}),
      };
    },
    async record(id) {
      const i = numberOf(id);
      if (i < 0) return undefined;
      const s = await shard(Math.floor(i / SHARD_SIZE));
      const entity = s.entities[i % SHARD_SIZE];
      if (!entity || entity.id !== id) throw new Error(`card shard ${Math.floor(i / SHARD_SIZE)} does not hold ${id}`);
      return { entity, sources: s.sources };
    },
    entityPack: table.pack,
  };
  return assemble(bundled, index, meta, undefined, new Set());
}

/** Builds a store from packs in memory: compiled, then loaded (tests and tools). */
export function createFactStore(packs: readonly Pack[]): FactStore {
  const c = compileStore(packs);
  return loadCompiledStore(c.meta, c.index, c.table, c.ids, c.names, async (n) => c.shards[n] as Shard, c.filters);
}
