import type { Plugin } from 'vite';

const LOOP_START = 'const numericData = {}\n';
const LOOP_END = '\n/**\n * Get the most probable language';
const ENTRY = 'export function francAll(value, options = {}) {\n';

/**
 * franc-min (the linker's language detector, lib/link/language.ts) builds its
 * trigram tables, 25,000 keys over 82 languages, when its module is
 * evaluated: about 8 ms of every cold start of the service worker, spent
 * before the background's first line runs (docs/benchmarks.md, session 7),
 * though a scan asks for the language only on a page with no `lang` and a
 * name of another language. This step moves that loop, unchanged, into a
 * function that `francAll` (which `franc` calls) runs the first time it is
 * called. It fails the build if franc-min's source no longer has the shape it
 * patches.
 */
export function deferFrancTables(code: string): string {
  const start = code.indexOf(LOOP_START);
  const end = code.indexOf(LOOP_END, start);
  const entry = code.indexOf(ENTRY);
  if (start < 0 || end < 0 || entry < end || code.indexOf(ENTRY, entry + 1) >= 0) {
    throw new Error('lazy-franc: franc-min/index.js changed; update build/lazy-franc.ts');
  }
  const loop = code.slice(start + LOOP_START.length, end);
  return [
    code.slice(0, start),
    LOOP_START,
    'let numericDataBuilt = false\n',
    'function buildNumericData() {\n',
    'numericDataBuilt = true\n',
    loop,
    '}\n',
    code.slice(end, entry + ENTRY.length),
    '  if (!numericDataBuilt) buildNumericData()\n',
    code.slice(entry + ENTRY.length),
  ].join('');
}

/** The Vite plugin that applies {@link deferFrancTables} to franc-min's module. */
export function lazyFranc(): Plugin {
  return {
    name: 'backstory-lazy-franc',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]franc-min[\\/]index\.js$/.test(id)) return undefined;
      return { code: deferFrancTables(code), map: null };
    },
  };
}
