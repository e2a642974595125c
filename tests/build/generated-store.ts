// The merged store the extension ships, read once for the tests of tests/build/:
// every entity with the sources its facts cite, which of them the builder wrote
// (the world pack and the generated packs, not the hand-written ones), and the
// day the generated packs were built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DIR, loadGeneratedPacks, loadHandWrittenPacks, loadWorldPack } from '../../build/packs';
import { emptyData, type MergedData, mergePacks } from '../../lib/factstore/merge';

export interface GeneratedStore {
  data: MergedData;
  sources: Record<string, import('../../lib/factstore/schema').Source>;
  /** Ids whose description the builder wrote: in the world or a generated pack, and in no hand-written pack. */
  generated: string[];
  /** The pack each generated id was last written by. */
  packOf: Map<string, string>;
  /** The day `npm run packs:build` wrote the packs (its manifest's `builtAt`). */
  builtOn: Date;
}

let cached: GeneratedStore | undefined;

/** The merged store; fails with a clear message when the generated packs were not built. */
export function generatedStore(): GeneratedStore {
  if (cached) return cached;
  const generatedPacks = loadGeneratedPacks();
  if (generatedPacks.length === 0)
    throw new Error('no generated packs in .packs/: run `npm run packs:build` (it needs ../shared/data)');
  const world = loadWorldPack();
  const handWritten = loadHandWrittenPacks();
  const data = mergePacks(emptyData(), [world, ...generatedPacks, ...handWritten]);
  const packOf = new Map<string, string>();
  for (const p of [world, ...generatedPacks]) for (const e of p.entities) packOf.set(e.id, p.id);
  for (const p of handWritten) for (const e of p.entities) packOf.delete(e.id);
  const { builtAt } = JSON.parse(readFileSync(join(GENERATED_DIR, 'manifest.json'), 'utf8')) as { builtAt: string };
  cached = {
    data,
    sources: Object.fromEntries(data.sources),
    generated: [...packOf.keys()].sort(),
    packOf,
    builtOn: new Date(builtAt),
  };
  return cached;
}
