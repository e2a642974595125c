import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Wxt } from 'wxt';
import { compileStore } from '../lib/factstore/store';
import { loadBundledPacks } from './packs';

/** Where the compiled store lies inside the built extension (see `CompiledStore`). */
export const STORE_FILES = {
  meta: 'store/meta.json',
  index: 'store/index.bin',
  aliases: 'store/aliases.json',
} as const;

/**
 * A `build:publicAssets` hook: validates and compiles the bundled packs and
 * adds the artifact to the build as three files. An invalid pack fails the
 * build with the path of each bad field.
 */
export function addCompiledStore(wxt: Wxt, files: { relativeDest: string; absoluteSrc?: string }[]): void {
  const { meta, index, aliases } = compileStore(loadBundledPacks());
  const dir = join(wxt.config.wxtDir, 'store');
  mkdirSync(dir, { recursive: true });
  const contents: Record<keyof typeof STORE_FILES, string | Uint8Array> = {
    meta: JSON.stringify(meta),
    index,
    aliases: JSON.stringify(aliases),
  };
  for (const key of Object.keys(STORE_FILES) as (keyof typeof STORE_FILES)[]) {
    const file = join(dir, STORE_FILES[key].slice('store/'.length));
    writeFileSync(file, contents[key]);
    files.push({ relativeDest: STORE_FILES[key], absoluteSrc: file });
  }
}
