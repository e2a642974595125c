import type { Entity, Source } from './schema';

/** Entities per card shard: a shard is a few hundred kilobytes of JSON, parsed in a few milliseconds. */
export const SHARD_SIZE = 256;

/** A card shard: the records of entities `n * SHARD_SIZE …` in id order, and the sources they cite. */
export interface Shard {
  entities: Entity[];
  sources: Record<string, Source>;
}

/** Reads card shard `n` (a file of the extension, or the compiled store in memory). */
export type ShardLoader = (n: number) => Promise<Shard>;

/** How many shards stay in memory: a reader who opens many cards does not fill memory. */
const KEPT = 64;

/**
 * `loadShard` with the most recent shards kept: cards of entities near each
 * other in id order, or the same card opened twice, read their shard once.
 * A failed read is not kept, so it is tried again next time.
 */
export function cachedShards(loadShard: ShardLoader): ShardLoader {
  const shards = new Map<number, Promise<Shard>>();
  return (s) => {
    let got = shards.get(s);
    if (!got) {
      got = loadShard(s);
      got.catch(() => shards.delete(s));
      shards.set(s, got);
      if (shards.size > KEPT) shards.delete(shards.keys().next().value as number);
    }
    return got;
  };
}
