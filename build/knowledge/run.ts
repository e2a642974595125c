// The pack builder: loads the public datasets into DuckDB, joins and cleans
// them in SQL, and writes generated packs (build output, never committed).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Pack } from '../../lib/factstore/schema';
import { validatePack } from '../../lib/factstore/validate';
import { buildAgreementsAndPlaces } from './agreements-places';
import { buildBodies } from './bodies';
import { createContext, type PackBuilder } from './context';
import { buildCountries } from './countries';
import { buildPeople } from './people';

/** The builders, in the order their packs are merged. */
export const BUILDERS: [string, PackBuilder][] = [
  ['countries', buildCountries],
  ['people', buildPeople],
  ['bodies', buildBodies],
  ['agreements and places', buildAgreementsAndPlaces],
];

export interface BuildResult {
  packs: { id: string; entities: number; file: string }[];
  seconds: number;
}

/** Builds every generated pack from `dataDir` into `outDir`, replacing what was there only once all are valid. */
export async function buildPacks(
  dataDir: string,
  outDir: string,
  log = (m: string) => console.log(m),
): Promise<BuildResult> {
  const started = performance.now();
  if (!existsSync(join(dataDir, 'SOURCES.md')))
    throw new Error(`no datasets at ${dataDir} (expected SOURCES.md there)`);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const ctx = createContext(db, resolve(dataDir), log);
  const packs: Pack[] = [];
  for (const [name, build] of BUILDERS) {
    const t = performance.now();
    const made = await build(ctx);
    log(
      `  ${name}: ${made.map((p) => `${p.id} (${p.entities.length})`).join(', ')} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    packs.push(...made);
    ctx.built.push(...made);
  }
  // Every pack valid and every entity id in one pack only, before anything is written.
  const owner = new Map<string, string>();
  const errors: string[] = [];
  for (const pack of packs) {
    const result = validatePack(pack);
    if (!result.ok) errors.push(`${pack.id}:\n    ${result.errors.slice(0, 10).join('\n    ')}`);
    for (const e of pack.entities) {
      const other = owner.get(e.id);
      if (other) errors.push(`${pack.id}: entity id "${e.id}" is also in ${other}`);
      else owner.set(e.id, pack.id);
    }
  }
  if (errors.length > 0) throw new Error(`generated packs are invalid:\n  ${errors.slice(0, 20).join('\n  ')}`);
  // Written beside the output, then swapped in: a failed build leaves the last good packs.
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const written: BuildResult['packs'] = [];
  for (const pack of packs) {
    const file = `${pack.id}.json`;
    writeFileSync(join(tmp, file), JSON.stringify(pack));
    written.push({ id: pack.id, entities: pack.entities.length, file });
  }
  writeFileSync(
    join(tmp, 'manifest.json'),
    JSON.stringify({ builtAt: new Date().toISOString(), dataDir: resolve(dataDir), packs: written }, null, 1),
  );
  if (existsSync(outDir)) {
    const old = `${outDir}.old-${process.pid}`;
    renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
  } else renameSync(tmp, outDir);
  db.closeSync();
  instance.closeSync();
  return { packs: written, seconds: (performance.now() - started) / 1000 };
}
