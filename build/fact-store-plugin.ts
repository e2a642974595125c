import type { Plugin } from 'vite';
import { compileStore } from '../lib/factstore/store';
import { loadBundledPacks, PACKS_DIR } from './packs';

const ID = 'virtual:backstory-store';
const RESOLVED = `\0${ID}`;

/**
 * Compiles the bundled packs into one artifact at build time and serves it as
 * `virtual:backstory-store`. An invalid pack fails the build with the path of
 * each bad field. The artifact is embedded as a JSON string, which engines
 * parse faster than the same object literal.
 */
export function factStorePlugin(): Plugin {
  return {
    name: 'backstory-fact-store',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(PACKS_DIR);
      const compiled = compileStore(loadBundledPacks());
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}
