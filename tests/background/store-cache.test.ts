import { describe, expect, it } from 'vitest';
import type { StoreCache } from '../../lib/background/store-cache';
import { StoreHolder } from '../../lib/background/store-holder';
import { compileStore } from '../../lib/factstore/compile';
import { scanText } from '../../lib/factstore/scan';
import { packStoreFile } from '../../lib/factstore/store-file';
import { seedPack } from '../fixtures/store';

const FILE = packStoreFile(compileStore([seedPack()]));

/** The extension's files, counting how often the store file is read. */
function extension(id: string) {
  const reads = { store: 0 };
  const file = async (path: string) => {
    if (path === '/store/store.id') return new Response(`${id}\n`);
    if (path === '/store/store.bin') {
      reads.store++;
      return new Response(FILE.slice());
    }
    throw new Error(`no file ${path}`);
  };
  return { file, reads };
}

/** An in-memory cache, as IndexedDB keeps it: one file under its id. */
function memoryCache(initial?: { id: string; file: Blob }): StoreCache & { entry?: { id: string; file: Blob } } {
  const cache: StoreCache & { entry?: { id: string; file: Blob } } = {
    ...(initial ? { entry: initial } : {}),
    get: async () => cache.entry,
    put: async (id, file) => {
      cache.entry = { id, file };
    },
    clear: async () => {
      delete cache.entry;
    },
  };
  return cache;
}

const noPacks = async () => ({ packs: [], off: new Set<string>() });
const finds = (holder: StoreHolder) =>
  scanText(holder.store, 'Ali Larijani met Qasim al-Araji.').map((m) => m.entityId);

describe('the bundled store, kept in IndexedDB between starts', () => {
  it('reads the extension’s file once, then starts from the copy', async () => {
    const cache = memoryCache();
    const first = extension('build-1');
    const a = new StoreHolder(first.file, noPacks, cache);
    await a.ready;
    expect(first.reads.store).toBe(1);
    await expect.poll(() => cache.entry?.id).toBe('build-1');

    const second = extension('build-1');
    const b = new StoreHolder(second.file, noPacks, cache);
    await b.ready;
    expect(second.reads.store).toBe(0);
    expect(b.timings().stages.fromCache).toBe(1);
    expect(finds(b)).toEqual(finds(a));
    expect(finds(b).length).toBeGreaterThan(0);
  });

  it('never starts from a copy of another build’s store', async () => {
    const cache = memoryCache({ id: 'build-1', file: new Blob([FILE.slice()]) });
    const next = extension('build-2');
    const holder = new StoreHolder(next.file, noPacks, cache);
    await holder.ready;
    expect(next.reads.store).toBe(1);
    await expect.poll(() => cache.entry?.id).toBe('build-2');
  });

  it('reads the file, and replaces the copy, when the copy is damaged', async () => {
    const cache = memoryCache({ id: 'build-1', file: new Blob(['not a store']) });
    const ext = extension('build-1');
    const holder = new StoreHolder(ext.file, noPacks, cache);
    await holder.ready;
    expect(ext.reads.store).toBe(1);
    expect(finds(holder).length).toBeGreaterThan(0);
    await expect.poll(async () => (await cache.entry?.file.arrayBuffer())?.byteLength).toBe(FILE.byteLength);
  });

  it('reads the file when the database never answers, or the build has no id', async () => {
    const silent: StoreCache = {
      get: () => new Promise(() => undefined),
      put: async () => undefined,
      clear: async () => undefined,
    };
    const ext = extension('build-1');
    const holder = new StoreHolder(ext.file, noPacks, silent);
    await holder.ready;
    expect(ext.reads.store).toBe(1);
    expect(finds(holder).length).toBeGreaterThan(0);

    const cache = memoryCache({ id: 'build-1', file: new Blob([FILE.slice()]) });
    const noId = async (path: string) => {
      if (path === '/store/store.id') throw new Error('cannot read /store/store.id (404)');
      return ext.file(path);
    };
    const without = new StoreHolder(noId, noPacks, cache);
    await without.ready;
    expect(ext.reads.store).toBe(2);
    expect(finds(without).length).toBeGreaterThan(0);
  });
});
