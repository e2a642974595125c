import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Wxt } from 'wxt';
import { compileStore } from '../lib/factstore/compile';
import { packStoreFile } from '../lib/factstore/store-file';
import { loadBundledPacks } from './packs';

/** Where the compiled store lies inside the built extension (see `packStoreFile`). */
export const STORE_FILE = 'store/store.bin';

/** The store file's SHA-256, in hex: which build's store a cached copy is. */
export const STORE_ID_FILE = 'store/store.id';

/** Card shard `n` inside the built extension. */
export const shardFile = (n: number) => `store/cards/${n}.json`;

/**
 * A `build:publicAssets` hook: validates and compiles the bundled packs and
 * adds the artifact to the build: one file with the index, the entity table,
 * its strings and the matcher's filters (read with one fetch when the
 * background starts), and the card shards (read one at a time when a card
 * opens). An invalid pack fails the build with the path of each bad field.
 */
export function addCompiledStore(wxt: Wxt, files: { relativeDest: string; absoluteSrc?: string }[]): void {
  const compiled = compileStore(loadBundledPacks());
  const dir = join(wxt.config.wxtDir, 'store');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cards'), { recursive: true });
  const add = (dest: string, content: string | Uint8Array) => {
    const file = join(wxt.config.wxtDir, dest);
    writeFileSync(file, content);
    files.push({ relativeDest: dest, absoluteSrc: file });
  };
  const file = packStoreFile(compiled);
  add(STORE_FILE, file);
  // The file's hash: the background keeps a copy of the store in IndexedDB under it (store-cache.ts).
  add(STORE_ID_FILE, `${createHash('sha256').update(file).digest('hex')}\n`);
  for (const [n, shard] of compiled.shards.entries()) add(shardFile(n), JSON.stringify(shard));
}
