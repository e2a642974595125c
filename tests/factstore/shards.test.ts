import { describe, expect, it } from 'vitest';
import { cachedShards, type Shard } from '../../lib/factstore/shards';

const empty = (): Shard => ({ entities: [], sources: {} });

describe('the card shard cache', () => {
  it('reads a shard once while it is kept', async () => {
    const reads: number[] = [];
    const shard = cachedShards(async (n) => {
      reads.push(n);
      return empty();
    });
    await shard(3);
    await shard(3);
    await shard(4);
    expect(reads).toEqual([3, 4]);
  });

  it('tries a failed read again next time', async () => {
    let calls = 0;
    const shard = cachedShards(async () => {
      calls++;
      if (calls === 1) throw new Error('the file could not be read');
      return empty();
    });
    await expect(shard(0)).rejects.toThrow('could not be read');
    await expect(shard(0)).resolves.toEqual(empty());
    expect(calls).toBe(2);
  });

  it('forgets the oldest shard once 64 others were read after it', async () => {
    const reads: number[] = [];
    const shard = cachedShards(async (n) => {
      reads.push(n);
      return empty();
    });
    for (let n = 0; n <= 64; n++) await shard(n);
    await shard(64);
    await shard(1);
    expect(reads.filter((n) => n === 1)).toHaveLength(1);
    await shard(0);
    expect(reads.filter((n) => n === 0)).toHaveLength(2);
  });
});
