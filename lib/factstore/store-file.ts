import type { CompiledMeta, CompiledStore } from './compile';
import type { AgreementClue } from './derived';
import { loadCompiledStore } from './load-compiled';
import type { ShardLoader } from './shards';
import type { FactStore } from './store';

const MAGIC = 0x3453_4b42; // "BKS4", little-endian
const SECTIONS = 7;

/**
 * The compiled store as one file (`store/store.bin`), read with one fetch:
 * a header (magic, section count, then each section's offset and length)
 * and the sections, each 8-byte aligned: meta (JSON, without the
 * agreements' clues), index, table, ids (ASCII, searched without decoding),
 * names (UTF-8, decoded one at a time), filters, and the agreements' clues
 * (JSON, parsed when the linker first asks for one: three quarters of the
 * meta's JSON, and most scans never need them).
 */
export function packStoreFile(c: CompiledStore): Uint8Array {
  const encoder = new TextEncoder();
  const { agreements, ...meta } = c.meta;
  const sections = [
    encoder.encode(JSON.stringify(meta)),
    c.index,
    c.table,
    encoder.encode(c.ids),
    c.names,
    c.filters,
    encoder.encode(JSON.stringify(agreements)),
  ];
  const header = 8 + sections.length * 8;
  // Aligned sections let the loader take typed-array views over the file instead of copying.
  const align = (n: number) => (n + 7) & ~7;
  let size = align(header);
  const offsets = sections.map((s) => {
    const o = size;
    size = align(size + s.byteLength);
    return o;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, sections.length, true);
  sections.forEach((s, k) => {
    view.setUint32(8 + k * 8, offsets[k] as number, true);
    view.setUint32(12 + k * 8, s.byteLength, true);
    out.set(s, offsets[k] as number);
  });
  return out;
}

/** Loads the store from its one file (see {@link packStoreFile}). */
export function loadStoreFile(file: ArrayBuffer, loadShard: ShardLoader): FactStore {
  const view = new DataView(file);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('store.bin: not a Backstory store file');
  const count = view.getUint32(4, true);
  if (count !== SECTIONS) throw new Error(`store.bin: expected ${SECTIONS} sections, found ${count}`);
  const section = (k: number) =>
    new Uint8Array(file, view.getUint32(8 + k * 8, true), view.getUint32(12 + k * 8, true));
  const decoder = new TextDecoder();
  const meta = JSON.parse(decoder.decode(section(0))) as CompiledMeta;
  let clues: Record<string, AgreementClue> | undefined;
  Object.defineProperty(meta, 'agreements', {
    get: () => (clues ??= JSON.parse(decoder.decode(section(6))) as Record<string, AgreementClue>),
    enumerable: true,
    configurable: true,
  });
  return loadCompiledStore(meta, section(1), section(2), section(3), section(4), loadShard, section(5));
}
