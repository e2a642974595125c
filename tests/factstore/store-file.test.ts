import { describe, expect, it, vi } from 'vitest';
import { compileStore } from '../../lib/factstore/compile';
import { scanText } from '../../lib/factstore/scan';
import type { Shard } from '../../lib/factstore/shards';
import { extendStore } from '../../lib/factstore/store';
import { loadStoreFile, packStoreFile } from '../../lib/factstore/store-file';
import { seedPack } from '../fixtures/store';

const TEXT = 'Ali Larijani and Qasim al-Araji signed the MoU in Baghdad; the UN Charter was cited.';

/** The file's bytes in a buffer of their own, as a fetch gives them. */
const asFetched = (bytes: Uint8Array) => bytes.slice().buffer;

describe('the store file', () => {
  it('loads back a store that finds what the compiled one finds, with each section aligned', async () => {
    const c = compileStore([seedPack()]);
    const file = packStoreFile(c);
    const view = new DataView(file.buffer);
    for (let k = 0; k < 5; k++) expect(view.getUint32(8 + k * 8, true) % 8).toBe(0);
    const store = loadStoreFile(asFetched(file), async (n) => c.shards[n] as Shard);
    const mentions = scanText(store, TEXT).map((m) => m.entityId);
    expect(mentions).toEqual(expect.arrayContaining(['ali-larijani', 'qasim-al-araji', 'mou-2025']));
    expect((await store.record('mou-2025'))?.entity.id).toBe('mou-2025');
  });

  it('parses the agreements’ clues only when the linker first asks for one', () => {
    const c = compileStore([seedPack()]);
    const file = asFetched(packStoreFile(c));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const store = loadStoreFile(file, async (n) => c.shards[n] as Shard);
      const atLoad = parse.mock.calls.length;
      scanText(store, 'Ali Larijani met Qasim al-Araji.');
      expect(parse.mock.calls.length).toBe(atLoad);
      expect(scanText(store, TEXT).map((m) => m.entityId)).toContain('mou-2025');
      expect(parse.mock.calls.length).toBe(atLoad + 1);
    } finally {
      parse.mockRestore();
    }
  });

  it('keeps the clues unparsed in a store extended with the reader’s packs, and links the agreement from them', () => {
    const c = compileStore([seedPack()]);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const base = loadStoreFile(asFetched(packStoreFile(c)), async (n) => c.shards[n] as Shard);
      const atLoad = parse.mock.calls.length;
      const extended = extendStore(base, [], new Set(['no-such-pack']));
      expect(parse.mock.calls.length).toBe(atLoad);
      expect(scanText(extended, TEXT).map((m) => m.entityId)).toContain('mou-2025');
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a file that is not a store file', () => {
    const file = packStoreFile(compileStore([seedPack()]));
    file[0] = 0;
    expect(() => loadStoreFile(asFetched(file), async () => ({ entities: [], sources: {} }))).toThrow(
      'not a Backstory store file',
    );
  });
});
