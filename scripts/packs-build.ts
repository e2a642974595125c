// `npm run packs:build`: builds the generated fact packs from the public
// datasets (default ../shared/data, or BACKSTORY_DATA) into .packs/.
//   --if-needed  skip when the packs are newer than the data and the builder,
//                and say in one line when there is no data (the extension then
//                ships the packs it can build without it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPacks } from '../build/knowledge/run';
import { DATA_DIR, GENERATED_DIR, ROOT } from '../build/packs';

const ifNeeded = process.argv.includes('--if-needed');

/** The newest modification time under a folder (files only). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) t = Math.max(t, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return t;
}

if (!existsSync(join(DATA_DIR, 'SOURCES.md'))) {
  const earlier = existsSync(join(GENERATED_DIR, 'manifest.json'));
  const message = `packs:build: no datasets at ${DATA_DIR} (set BACKSTORY_DATA to their folder); ${
    earlier
      ? `using the packs built earlier in ${GENERATED_DIR}`
      : 'building with the world and hand-written packs only'
  }`;
  if (ifNeeded) {
    console.log(message);
    process.exit(0);
  }
  console.error(message);
  process.exit(1);
}

const manifest = join(GENERATED_DIR, 'manifest.json');
if (ifNeeded && existsSync(manifest)) {
  const built = statSync(manifest).mtimeMs;
  if (built > newest(DATA_DIR) && built > newest(join(ROOT, 'build/knowledge'))) {
    console.log(`packs:build: generated packs are up to date (${GENERATED_DIR})`);
    process.exit(0);
  }
}

try {
  console.log(`packs:build: reading ${DATA_DIR}`);
  const { packs, seconds } = await buildPacks(DATA_DIR, GENERATED_DIR);
  const total = packs.reduce((n, p) => n + p.entities, 0);
  console.log(
    `packs:build: ${packs.length} packs, ${total.toLocaleString('en')} entities, in ${seconds.toFixed(1)} s → ${GENERATED_DIR}`,
  );
} catch (error) {
  console.error(`packs:build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
