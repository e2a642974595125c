import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Wxt } from 'wxt';
import { compileStore } from '../lib/factstore/store';
import { loadBundledPacks } from './packs';

/** Where the compiled store lies inside the built extension (see `CompiledStore`). */
export const STORE_FILES = {
  meta: 'store/meta.json',
  index: 'store/index.bin',
  table: 'store/table.bin',
  strings: 'store/strings.txt',
} as const;

/** Card shard `n` inside the built extension. */
export const shardFile = (n: number) => `store/cards/${n}.json`;

/**
 * A `build:publicAssets` hook: validates and compiles the bundled packs and
 * adds the artifact to the build: the index, the entity table and its
 * strings (loaded when the background starts), and the card shards (read
 * one at a time when a card opens). An invalid pack fails the build with the
 * path of each bad field.
 */
export function addCompiledStore(wxt: Wxt, files: { relativeDest: string; absoluteSrc?: string }[]): void {
  const compiled = compileStore(loadBundledPacks());
  const dir = join(wxt.config.wxtDir, 'store');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cards'), { recursive: true });
  const contents: Record<keyof typeof STORE_FILES, string | Uint8Array> = {
    meta: JSON.stringify(compiled.meta),
    index: compiled.index,
    table: compiled.table,
    strings: compiled.strings,
  };
  const add = (dest: string, content: string | Uint8Array) => {
    const file = join(wxt.config.wxtDir, dest);
    writeFileSync(file, content);
    files.push({ relativeDest: dest, absoluteSrc: file });
  };
  for (const key of Object.keys(STORE_FILES) as (keyof typeof STORE_FILES)[]) add(STORE_FILES[key], contents[key]);
  for (const [n, shard] of compiled.shards.entries()) add(shardFile(n), JSON.stringify(shard));
}
