// Small helpers for the project's Node scripts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: the nearest folder up from here with wxt.config.ts (this file may run bundled elsewhere). */
function findRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'wxt.config.ts'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * Runs a command from node_modules/.bin (or the PATH) in the project root,
 * streaming its output. Resolves with its exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: `${resolve(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
        FORCE_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (stream) => (chunk) => {
      output += chunk;
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
    child.on('error', (error) => resolvePromise({ code: 1, output: String(error) }));
  });
}
