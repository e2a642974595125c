import { scanText } from '../factstore/scan';
import type { Pack } from '../factstore/schema';
import type { Shard } from '../factstore/shards';
import { extendStore, type FactStore } from '../factstore/store';
import { loadStoreFile } from '../factstore/store-file';
import type { StoreCache } from './store-cache';

/** Reads one of the extension's own files, or throws a clear error. */
export type FileReader = (path: string) => Promise<Response>;

/** Reads the extension's own files (`getURL`: the browser's address of one), or fails with a clear error. */
export function extensionFiles(getURL: (path: string) => string): FileReader {
  return async (path) => {
    const r = await fetch(getURL(path));
    if (!r.ok) throw new Error(`cannot read ${path} (${r.status})`);
    return r;
  };
}

/**
 * The background's fact store: the one compiled at build time (see
 * build/fact-store-plugin.ts; index, entity table, strings and the matcher's
 * filters now, in one file; card shards when a card asks), with the reader's
 * own packs on top. Every request waits for `ready`; `timings` tell
 * `bench:store` where a cold start's time goes (ms since the worker started).
 */
export class StoreHolder {
  ready: Promise<unknown>;
  private base: FactStore | undefined;
  private current: FactStore | undefined;
  private bundledReadyMs = 0;
  private readyMs: number | null = null;
  private readonly stages: Record<string, number> = {};

  constructor(
    private readonly file: FileReader,
    private readonly readerPacks: () => Promise<{ packs: Pack[]; off: Set<string> }>,
    private readonly cache: StoreCache,
  ) {
    this.ready = this.start();
  }

  /** The store, once loaded. */
  get store(): FactStore {
    if (!this.current) throw new Error('the fact store is not loaded');
    return this.current;
  }

  /** Loads the reader's packs (and the packs switched off) again; resolves with the number of entities. */
  reload(): Promise<number> {
    const next = this.load();
    this.ready = next.catch(() => undefined);
    return next;
  }

  timings(): { bundledReadyMs: number; readyMs: number | null; stages: Record<string, number> } {
    return { bundledReadyMs: this.bundledReadyMs, readyMs: this.readyMs, stages: { ...this.stages } };
  }

  private async start(): Promise<void> {
    const stages = this.stages;
    stages.begin = performance.now();
    this.base = await this.bundled();
    stages.loaded = performance.now();
    this.current = this.base;
    warmUp(this.base);
    this.bundledReadyMs = performance.now();
    stages.prepared = this.bundledReadyMs;
    try {
      await this.load();
    } catch (error) {
      console.error('Backstory: could not load your fact packs', error);
    }
    this.readyMs = performance.now();
  }

  /**
   * The bundled store: from the cached copy when it is this build's (see
   * StoreCache), else from the extension's file, which is then cached for the
   * next start. A copy that cannot be loaded is dropped and the file read.
   */
  private async bundled(): Promise<FactStore> {
    const stages = this.stages;
    const shard = async (n: number) => (await this.file(`/store/cards/${n}.json`)).json() as Promise<Shard>;
    // The build's id and the cached copy are read side by side: each costs an IPC round trip.
    // Either may fail, and the database may never answer (a browser that blocks it): then
    // the bundled file is read, as with no copy at all.
    const [id, copy] = await Promise.all([
      this.file('/store/store.id')
        .then(async (r) => (await r.text()).trim())
        .catch(() => undefined),
      withTimeout(this.cache.get(), CACHE_WAIT_MS).catch(() => undefined),
    ]);
    stages.found = performance.now();
    const cached = id !== undefined && copy?.id === id ? copy.file : undefined;
    if (cached) {
      try {
        const bytes = await cached.arrayBuffer();
        stages.fetched = performance.now();
        stages.fromCache = 1;
        return loadStoreFile(bytes, shard);
      } catch (error) {
        console.warn('Backstory: the cached store could not be read; reading the bundled file', error);
        await this.cache.clear().catch(() => undefined);
      }
    }
    const bytes = await (await this.file('/store/store.bin')).arrayBuffer();
    stages.fetched = performance.now();
    stages.fromCache = 0;
    const store = loadStoreFile(bytes, shard);
    // Kept for the next start; the reader does not wait for it.
    if (id !== undefined) void this.cache.put(id, new Blob([bytes])).catch(() => undefined);
    return store;
  }

  private async load(): Promise<number> {
    if (!this.base) throw new Error('the bundled fact store is not loaded');
    const { packs, off } = await this.readerPacks();
    // The reader's packs get a small index of their own; the bundled one is not rebuilt.
    this.current = packs.length > 0 || off.size > 0 ? extendStore(this.base, packs, off) : this.base;
    warmUp(this.current);
    return this.current.size;
  }
}

/** How long the start waits for the cached copy before it reads the bundled file instead. */
export const CACHE_WAIT_MS = 1000;

/** `promise`, or a rejection once `ms` have passed. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Prepares the matcher's tables now, so that the first page does not wait for them. */
function warmUp(store: FactStore): void {
  scanText(store, 'Backstory');
}
