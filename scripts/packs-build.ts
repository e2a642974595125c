// `npm run packs:build`: builds the generated fact packs from the public
// datasets (default ../shared/data, or BACKSTORY_DATA) into .packs/.
import { buildPacks } from '../build/knowledge/run';
import { DATA_DIR, GENERATED_DIR } from '../build/packs';

try {
  console.log(`packs:build: reading ${DATA_DIR}`);
  const { packs, seconds } = await buildPacks(DATA_DIR, GENERATED_DIR);
  const total = packs.reduce((n, p) => n + p.entities, 0);
  console.log(`packs:build: ${packs.length} packs, ${total.toLocaleString('en')} entities, in ${seconds.toFixed(1)} s → ${GENERATED_DIR}`);
} catch (error) {
  console.error(`packs:build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
