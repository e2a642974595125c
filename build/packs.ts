// Node-only: reads and validates the bundled packs at build time. Used by the
// Vite plugin that compiles the fact store, by the tests and by `annotate`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../lib/factstore/schema';
import { parsePackText, validatePack } from '../lib/factstore/validate';
import { type WorldCountry, worldPack } from '../lib/factstore/world-pack';

/** The project's root: the nearest folder up from here with assets/packs (this file may run bundled elsewhere). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'assets/packs')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(dirname(fileURLToPath(import.meta.url)), '..');
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const PACKS_DIR = join(ROOT, 'assets/packs');
/** Where `npm run packs:build` writes the generated packs (build output, never committed). */
export const GENERATED_DIR = join(ROOT, '.packs');
/** The public datasets the generated packs are built from. */
export const DATA_DIR = resolve(ROOT, process.env.BACKSTORY_DATA ?? '../shared/data');

const require = createRequire(import.meta.url);

/** The world pack, generated from the installed `world-countries` package. */
export function loadWorldPack(): Pack {
  const countries = require('world-countries') as WorldCountry[];
  const { version } = require('world-countries/package.json') as { version: string };
  const result = validatePack(worldPack(countries, version));
  if (!result.ok) throw new Error(`The generated world pack is invalid:\n  ${result.errors.join('\n  ')}`);
  return result.pack;
}

/** Reads and validates one pack file; throws with every error, one per line. */
export function loadPackFile(path: string): Pack {
  const result = parsePackText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}:\n  ${result.errors.join('\n  ')}`);
  return result.pack;
}

/** The hand-written packs in `assets/packs/`, in file-name order. */
export function loadHandWrittenPacks(): Pack[] {
  return readdirSync(PACKS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadPackFile(join(PACKS_DIR, f)));
}

/**
 * The files of the packs `npm run packs:build` wrote, in the order its
 * manifest lists them (none when it never ran). Read here, not in the builder,
 * so that loading packs does not load DuckDB.
 */
export function generatedPackFiles(dir = GENERATED_DIR): string[] {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return [];
  const { packs } = JSON.parse(readFileSync(manifest, 'utf8')) as { packs: { file: string }[] };
  return packs.map((p) => join(dir, p.file));
}

/** The packs `npm run packs:build` generated, if it ran (see build/knowledge/). */
export function loadGeneratedPacks(): Pack[] {
  return generatedPackFiles(GENERATED_DIR).map(loadPackFile);
}

/**
 * Every bundled pack, in merge order: the world, the generated packs, then
 * the hand-written packs (which extend generated entities of the same id).
 */
export function loadBundledPacks(): Pack[] {
  return [loadWorldPack(), ...loadGeneratedPacks(), ...loadHandWrittenPacks()];
}
