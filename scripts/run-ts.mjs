// Runs a TypeScript script as plain Node would run the extension's code:
// bundled with esbuild (dependencies left external) into .output/scripts/,
// then executed with the given Node flags. Benchmarks use it so that what is
// timed is the same compiled code a browser runs, not a dev-time loader's.
//   node scripts/run-ts.mjs [--node-flag ...] FILE.ts [-- args...]
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './run.mjs';

const argv = process.argv.slice(2);
const nodeFlags = [];
while (argv[0]?.startsWith('--')) nodeFlags.push(argv.shift());
const entry = argv.shift();
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs [--node-flag ...] FILE.ts [args...]');
  process.exit(2);
}
const outfile = join(ROOT, '.output/scripts', `${basename(entry).replace(/\.ts$/, '')}.mjs`);
await build({
  entryPoints: [join(ROOT, entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'error',
});
const result = spawnSync(process.execPath, [...nodeFlags, outfile, ...argv], { stdio: 'inherit', cwd: ROOT });
process.exit(result.status ?? 1);
