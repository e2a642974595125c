import { FLAG_WORD, flagsOf } from '../text/fold';
import { type AliasIndex, CAPITAL_FLAG } from './alias-index';

export const NO_EDGE = -1;
// FNV-1a over folded units; the offset as a signed 32-bit integer, so that
// hashes stay small integers in the engine.
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * What the matcher derives from an index once: the root's edges as a direct
 * table, and filters (bit sets of hashes of folded text) that tell, as the
 * text is read, whether a word can start a match at all:
 * - `first`: the first word of some alias (`firstLower`: of one that may
 *   start in lower case);
 * - `single`: the first word of an alias that ends there (or in the
 *   punctuation right after it, as "Samus’");
 * - `second`: the first two words of a longer alias, with what separates
 *   them (`secondLower` likewise).
 * Most words of a page pass none, and are read once and never walked in the
 * trie: "The" passes `first` (The Bahamas) but "The president" fails `second`.
 */
export interface Prepared {
  /** 32 minus log2 of the filters' size in bits: a hash's top bits index them. */
  shift: number;
  /** The root's edge for each first unit, or NO_EDGE. */
  root: Int32Array;
  first: Int32Array;
  firstLower: Int32Array;
  single: Int32Array;
  /** `single`, for aliases that may start in lower case. */
  singleLower: Int32Array;
  second: Int32Array;
  secondLower: Int32Array;
}

// Keyed by the index's arrays, which copies of an index (with their own skip list) share.
const prepared = new WeakMap<Uint32Array, Prepared>();

export function hasBit(bits: Int32Array, h: number, shift: number): boolean {
  const b = h >>> shift;
  return ((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0;
}

function setBit(bits: Int32Array, h: number, shift: number): void {
  const b = h >>> shift;
  bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
}

/**
 * Filter size: about 4 bits per alias. Few words pass by chance (a first word
 * is shared by many aliases, so the bits set are fewer than the aliases), and
 * the six filters of the full store (191,677 aliases) take 768 kB and stay in
 * the processor's cache: 16 bits per alias measured 83 MB/s on the corpus, 8
 * bits 95, 4 bits 101 (2026-11-29, same run).
 */
function filterBits(aliases: number): number {
  return Math.min(24, Math.max(15, Math.ceil(Math.log2(Math.max(1, aliases) * 4))));
}

/** The six filters of a prepared index, back to back, for the compiled store (the root table is rebuilt). */
export function packFilters(p: Prepared): { shift: number; bytes: Uint8Array } {
  const parts = [p.first, p.firstLower, p.single, p.singleLower, p.second, p.secondLower];
  const bytes = new Uint8Array(parts.reduce((n, a) => n + a.byteLength, 0));
  let o = 0;
  for (const a of parts) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), o);
    o += a.byteLength;
  }
  return { shift: p.shift, bytes };
}

/**
 * Adopts filters made at build time (see {@link packFilters}) for an index, so
 * that a service worker woken cold does not walk the whole trie to make them.
 */
export function adoptFilters(index: AliasIndex, shift: number, bytes: Uint8Array): void {
  const size = 1 << (32 - shift - 5);
  if (bytes.byteLength !== size * 4 * 6)
    throw new Error(`alias filters: expected ${size * 24} bytes, got ${bytes.byteLength}`);
  let b = bytes;
  if (b.byteOffset % 4 !== 0) b = b.slice();
  const view = (k: number) => new Int32Array(b.buffer, b.byteOffset + k * size * 4, size);
  const root = new Int32Array(65536).fill(NO_EDGE);
  for (let e = index.firstEdge[0] as number; e < (index.firstEdge[1] as number); e++)
    root[index.labels[e] as number] = e;
  prepared.set(index.firstEdge, {
    shift,
    root,
    first: view(0),
    firstLower: view(1),
    single: view(2),
    singleLower: view(3),
    second: view(4),
    secondLower: view(5),
  });
}

const isWordUnit = (unit: number) => (flagsOf(unit) & FLAG_WORD) !== 0;

/** The prepared filters and tables of an index, made on first use. */
export function prepare(index: AliasIndex): Prepared {
  let p = prepared.get(index.firstEdge);
  if (p) return p;
  const { firstEdge, labels, tailStart, tails, valueStart, values, aliasFlags, aliasCased } = index;
  const nodes = firstEdge.length - 1;
  const hasValues = (node: number) => (valueStart[node] as number) < (valueStart[node + 1] as number);
  // Whether some alias at or below each node may start with a lower-case letter.
  const lowerOk = new Uint8Array(nodes);
  // Whether some alias that ends at each node (not below it) may start in lower case:
  // "THE" (a party's acronym) ends where "the pact" goes on, but "the" is not "THE".
  const endsLower = new Uint8Array(nodes);
  for (let node = nodes - 1; node >= 0; node--) {
    let ok = 0;
    for (let v = valueStart[node] as number; v < (valueStart[node + 1] as number) && !ok; v++) {
      const alias = values[v] as number;
      const cased = aliasCased.get(alias);
      if (cased !== undefined) ok = cased.charAt(0) === cased.charAt(0).toLowerCase() ? 1 : 0;
      else ok = (aliasFlags[alias] as number) & CAPITAL_FLAG ? 0 : 1;
    }
    endsLower[node] = ok;
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number) && !ok; e++)
      ok = lowerOk[e + 1] as number;
    lowerOk[node] = ok;
  }
  const bits = filterBits(index.aliasEntity.length);
  const shift = 32 - bits;
  const size = 1 << (bits - 5);
  p = {
    shift,
    root: new Int32Array(65536).fill(NO_EDGE),
    first: new Int32Array(size),
    firstLower: new Int32Array(size),
    single: new Int32Array(size),
    singleLower: new Int32Array(size),
    second: new Int32Array(size),
    secondLower: new Int32Array(size),
  };
  const { root, first, firstLower, single, singleLower, second, secondLower } = p;
  const markSingle = (h: number, ok: number) => {
    setBit(single, h, shift);
    if (ok) setBit(singleLower, h, shift);
  };
  for (let e = firstEdge[0] as number; e < (firstEdge[1] as number); e++) root[labels[e] as number] = e;

  // Depth-first along edges through the first two words of every key.
  // `word`: 1 or 2 inside that word, 0 in the separator after word 1; `w1`
  // is word 1's hash once it has ended.
  const stack: number[] = [];
  for (let e = firstEdge[0] as number; e < (firstEdge[1] as number); e++) {
    if (isWordUnit(labels[e] as number)) stack.push(e, FNV_OFFSET, 1, 0);
  }
  const markFirst = (h: number, ok: number) => {
    setBit(first, h, shift);
    if (ok) setBit(firstLower, h, shift);
  };
  const markSecond = (h: number, ok: number) => {
    setBit(second, h, shift);
    if (ok) setBit(secondLower, h, shift);
  };
  while (stack.length > 0) {
    let w1 = stack.pop() as number;
    let word = stack.pop() as number;
    let h = stack.pop() as number;
    const e = stack.pop() as number;
    const child = e + 1;
    const ok = lowerOk[child] as number;
    let done = false;
    // The edge's units: its label, then its tail.
    for (let k = (tailStart[e] as number) - 1; k < (tailStart[e + 1] as number) && !done; k++) {
      const unit = k < (tailStart[e] as number) ? (labels[e] as number) : (tails[k] as number);
      if (isWordUnit(unit)) {
        if (word === 0) word = 2;
        h = Math.imul(h ^ unit, FNV_PRIME);
      } else if (word === 1) {
        markFirst(h, ok);
        w1 = h;
        word = 0;
        h = Math.imul(h ^ unit, FNV_PRIME);
      } else if (word === 2) {
        markSecond(h, ok);
        done = true;
      } else {
        h = Math.imul(h ^ unit, FNV_PRIME);
      }
    }
    if (done) continue;
    if (hasValues(child)) {
      if (word === 1) {
        markFirst(h, ok);
        markSingle(h, endsLower[child] as number);
      } else if (word === 0) markSingle(w1, endsLower[child] as number);
      else markSecond(h, ok);
    }
    for (let next = firstEdge[child] as number; next < (firstEdge[child + 1] as number); next++) {
      const wordLabel = isWordUnit(labels[next] as number);
      // Whether the aliases down this edge (not the node's other branches) may start in lower case.
      const nextOk = lowerOk[next + 1] as number;
      if (word === 2 && !wordLabel) {
        markSecond(h, nextOk);
        continue;
      }
      if (word === 1 && !wordLabel) markFirst(h, nextOk);
      stack.push(next, h, word, w1);
    }
  }
  prepared.set(index.firstEdge, p);
  return p;
}
