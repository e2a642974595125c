import {
  BASE,
  BREAK,
  DROP,
  FLAG_LOWER,
  FLAG_MARK,
  FLAG_WORD,
  FLAGS,
  FOLD,
  flagsOf,
  learn,
  PACKED,
  PACKED_WORD,
  SPACE,
} from '../text/fold';
import { type AliasEntry, type AliasIndex, aliasEntry, CAPITAL_FLAG, childOf } from './alias-index';

/** A span of the original text where one or more aliases matched. */
export interface Candidate {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The surface form, as written in the text. */
  text: string;
  /** Every alias (of possibly several entities) that matched here. */
  aliases: AliasEntry[];
}

const NO_CHILD = -1;
// As a signed 32-bit integer, so that hashes stay small integers in the engine.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * What the matcher derives from an index once: the root's children as a
 * direct table, and filters (bit sets of hashes of folded text) that tell,
 * as the text is read, whether a word can start a match at all:
 * - `first`: the first word of some alias (`firstLower`: of one that may
 *   start in lower case);
 * - `single`: the first word of an alias that ends there (or in the
 *   punctuation right after it);
 * - `second`: the first two words, with what separates them, of a longer
 *   alias (`secondLower` likewise).
 * Most words of a page pass none, and are read once and never walked in the
 * trie; "The" passes `first` (The Bahamas) but "The president" fails `second`.
 */
interface Prepared {
  /** Children of the root's children, by `label1 << 16 | label2`, in an open-addressing table: the two widest levels without a search. */
  pairKeys: Uint32Array;
  pairNodes: Int32Array;
  pairMask: number;
  /** The last node id at depth 1 (breadth-first order puts them right after the root). */
  depth1Max: number;
  /** 32 minus log2 of the filters' size in bits: a hash's top bits index them. */
  shift: number;
  root: Int32Array;
  first: Int32Array;
  firstLower: Int32Array;
  single: Int32Array;
  second: Int32Array;
  secondLower: Int32Array;
}

const prepared = new WeakMap<AliasIndex, Prepared>();

/** One step of the FNV-1a hash the filters use, over folded units. */
function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME);
}

function setBit(bits: Int32Array, h: number, shift: number): void {
  const b = h >>> shift;
  bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
}

function hasBit(bits: Int32Array, h: number, shift: number): boolean {
  const b = h >>> shift;
  return ((bits[b >>> 5] as number) & (1 << (b & 31))) !== 0;
}

/**
 * Filter size: about 16 bits per alias, so few words pass by chance, but no
 * bigger than needed, so the filters stay in the processor's cache (a filter
 * that misses the cache on every word costs more than the walks it saves).
 */
function filterBits(aliases: number): number {
  return Math.min(24, Math.max(15, Math.ceil(Math.log2(Math.max(1, aliases) * 16))));
}

const isWordLabel = (label: number) => (flagsOf(label) & FLAG_WORD) !== 0;

function prepare(index: AliasIndex): Prepared {
  let p = prepared.get(index);
  if (p) return p;
  const { firstEdge, labels, valueStart, values, aliasFlags, aliasCased } = index;
  const nodes = firstEdge.length - 1;
  const hasValues = (node: number) => (valueStart[node] as number) < (valueStart[node + 1] as number);
  // Whether some alias at or below each node may start with a lower-case letter.
  const lowerOk = new Uint8Array(nodes);
  for (let node = nodes - 1; node >= 0; node--) {
    let ok = 0;
    for (let v = valueStart[node] as number; v < (valueStart[node + 1] as number) && !ok; v++) {
      const alias = values[v] as number;
      const cased = aliasCased.get(alias);
      if (cased !== undefined) ok = cased.charAt(0) === cased.charAt(0).toLowerCase() ? 1 : 0;
      else ok = (aliasFlags[alias] as number) & CAPITAL_FLAG ? 0 : 1;
    }
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number) && !ok; e++)
      ok = lowerOk[e + 1] as number;
    lowerOk[node] = ok;
  }
  const bits = filterBits(index.aliasEntity.length);
  const shift = 32 - bits;
  const size = 1 << (bits - 5);
  const depth1Max = (firstEdge[1] as number) - (firstEdge[0] as number);
  const depth2 = (firstEdge[depth1Max + 1] as number) - (firstEdge[1] as number);
  const pairSize = 2 ** Math.ceil(Math.log2(Math.max(2, depth2 * 2)));
  p = {
    pairKeys: new Uint32Array(pairSize),
    pairNodes: new Int32Array(pairSize).fill(NO_CHILD),
    pairMask: pairSize - 1,
    depth1Max,
    shift,
    root: new Int32Array(65536).fill(NO_CHILD),
    first: new Int32Array(size),
    firstLower: new Int32Array(size),
    single: new Int32Array(size),
    second: new Int32Array(size),
    secondLower: new Int32Array(size),
  };
  const { root, first, firstLower, single, second, secondLower, pairKeys, pairNodes, pairMask } = p;
  for (let e = firstEdge[0] as number; e < (firstEdge[1] as number); e++) {
    const child = e + 1;
    root[labels[e] as number] = child;
    for (let e2 = firstEdge[child] as number; e2 < (firstEdge[child + 1] as number); e2++) {
      const key = (((labels[e] as number) << 16) | (labels[e2] as number)) >>> 0;
      let slot = Math.imul(key, 0x9e3779b1) & pairMask;
      while (pairNodes[slot] !== NO_CHILD) slot = (slot + 1) & pairMask;
      pairKeys[slot] = key;
      pairNodes[slot] = e2 + 1;
    }
  }

  // Depth-first through the first two words of every key. `word` is 1 or 2;
  // `w1` is the hash of the first word once it has ended.
  const stack: number[] = [];
  for (let e = firstEdge[0] as number; e < (firstEdge[1] as number); e++) {
    const label = labels[e] as number;
    if (isWordLabel(label)) stack.push(e + 1, hashStep(FNV_OFFSET, label), 1, 0);
  }
  while (stack.length > 0) {
    const w1 = stack.pop() as number;
    const word = stack.pop() as number;
    const h = stack.pop() as number;
    const node = stack.pop() as number;
    // `node` is inside word `word` (word > 0) or in the separator after word 1 (word = 0).
    let endsWord = word > 0 && hasValues(node);
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number); e++) {
      const label = labels[e] as number;
      const child = e + 1;
      if (isWordLabel(label)) {
        // Word 1 or 2 goes on, or word 2 starts after the separator.
        stack.push(child, hashStep(h, label), word === 0 ? 2 : word, w1);
      } else {
        if (word > 0) endsWord = true;
        if (word === 1 || word === 0) {
          // In the separator after word 1: an alias that ends here is a one-word match ("Samus’").
          const first = word === 1 ? h : w1;
          if (hasValues(child)) setBit(single, first, shift);
          stack.push(child, hashStep(h, label), 0, first);
        }
      }
    }
    if (!endsWord) continue;
    if (word === 1) {
      setBit(first, h, shift);
      if (lowerOk[node]) setBit(firstLower, h, shift);
      if (hasValues(node)) setBit(single, h, shift);
    } else if (word === 2) {
      setBit(second, h, shift);
      if (lowerOk[node]) setBit(secondLower, h, shift);
    }
  }
  prepared.set(index, p);
  return p;
}

/** The flags of the unit at `i`, learning it if new. */
function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let f = FLAGS[c] as number;
  if (f === 0) {
    learn(c);
    f = FLAGS[c] as number;
  }
  return f;
}

/** Whether the next character that counts (skipping dropped ones) from `j` is part of a word. */
function wordContinuesAt(text: string, j: number): boolean {
  const FO = FOLD;
  for (; j < text.length; j++) {
    const fl = flagsAt(text, j);
    if (FO[text.charCodeAt(j)] !== DROP) return (fl & FLAG_WORD) !== 0;
  }
  return false;
}

/** The surface between `start` and `end` folded like an alias but keeping case, for case-sensitive aliases. */
function casedSurface(text: string, start: number, end: number): string {
  let out = '';
  let space = false;
  for (let i = start; i < end; i++) {
    const b = BASE[text.charCodeAt(i)] as number;
    if (b === DROP) continue;
    if (b === SPACE || b === BREAK) space = true;
    else {
      if (space) out += ' ';
      space = false;
      out += String.fromCharCode(b);
    }
  }
  return out;
}

/**
 * Finds alias matches in `text`: whole words only, leftmost-longest,
 * non-overlapping. It folds the text as it reads it (see `fold.ts`), so
 * offsets are the original text's. Case-sensitive aliases match only with
 * their exact case, and capitalised names only where the text has a capital.
 */
export function findCandidates(text: string, index: AliasIndex): Candidate[] {
  // Local bindings: imported bindings can cost a lookup per access in some loaders.
  const T = PACKED;
  const p = prepare(index);
  const { shift, first, firstLower, single, second, secondLower } = p;
  const out: Candidate[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Between words: skip to the next word character.
    let c = text.charCodeAt(i);
    let t = T[c] as number;
    if ((t & PACKED_WORD) === 0) {
      if (t === 0) learn(c);
      else i++;
      continue;
    }
    // Word 1: hash its folded characters (dropped ones, like soft hyphens, vanish).
    const w1Start = i;
    const lower = ((t >>> 16) & FLAG_LOWER) !== 0;
    let h = FNV_OFFSET;
    while (i < n) {
      c = text.charCodeAt(i);
      t = T[c] as number;
      if (t & PACKED_WORD) h = Math.imul(h ^ (t & 0xffff), FNV_PRIME);
      else if (t === 0) {
        learn(c);
        continue;
      } else if ((t & 0xffff) !== DROP) break;
      i++;
    }
    if (!hasBit(lower ? firstLower : first, h, shift)) continue;
    if (hasBit(single, h, shift)) {
      const match = walkFrom(text, w1Start, p, index);
      if (match) {
        out.push(match);
        i = match.end;
      }
      continue;
    }
    // The separator: a short run of punctuation and space (one space however long), never a break.
    let j = i;
    let space = false;
    let length = 0;
    let open = false;
    while (j < n) {
      c = text.charCodeAt(j);
      t = T[c] as number;
      if (t === 0) {
        learn(c);
        continue;
      }
      if (t & PACKED_WORD) {
        open = true;
        break;
      }
      const f = t & 0xffff;
      j++;
      if (f === DROP) continue;
      if (f === BREAK || ++length > 4) break;
      if (f === SPACE) {
        if (!space) h = Math.imul(h ^ SPACE, FNV_PRIME);
        space = true;
      } else {
        h = Math.imul(h ^ f, FNV_PRIME);
        space = false;
      }
    }
    if (!open) continue;
    // Word 2.
    const w2Start = j;
    while (j < n) {
      c = text.charCodeAt(j);
      t = T[c] as number;
      if (t & PACKED_WORD) h = Math.imul(h ^ (t & 0xffff), FNV_PRIME);
      else if (t === 0) {
        learn(c);
        continue;
      } else if ((t & 0xffff) !== DROP) break;
      j++;
    }
    if (hasBit(lower ? secondLower : second, h, shift)) {
      const match = walkFrom(text, w1Start, p, index);
      if (match) {
        out.push(match);
        i = match.end;
        continue;
      }
    }
    // No match from word 1: word 2 may start one itself.
    i = w2Start;
  }
  return out;
}

/** The child of `node` along folded unit `f`, or -1: a table lookup at depth 1, a search below. */
function childAt(index: AliasIndex, p: Prepared, node: number, f: number): number {
  if (node > p.depth1Max) return childOf(index, node, f);
  const key = (((index.labels[node - 1] as number) << 16) | f) >>> 0;
  const { pairKeys, pairNodes, pairMask } = p;
  for (let slot = Math.imul(key, 0x9e3779b1) & pairMask; ; slot = (slot + 1) & pairMask) {
    const found = pairNodes[slot] as number;
    if (found === NO_CHILD) return NO_CHILD;
    if (pairKeys[slot] === key) return found;
  }
}

/** The longest fitting match that starts at offset `start` of `text`, if any (no filters: for tests and tools). */
export function matchAt(text: string, start: number, index: AliasIndex): Candidate | undefined {
  return walkFrom(text, start, prepare(index), index);
}

/** The longest fitting match that starts at `start`, if any. */
function walkFrom(text: string, start: number, p: Prepared, index: AliasIndex): Candidate | undefined {
  const node = p.root[FOLD[text.charCodeAt(start)] as number] as number;
  return node === NO_CHILD ? undefined : walk(text, start, start + 1, node, index, p);
}

/** Walks the trie from the node reached by the unit at `start`; the longest fitting match, if any. */
function walk(
  text: string,
  start: number,
  from: number,
  node: number,
  index: AliasIndex,
  p: Prepared,
): Candidate | undefined {
  const n = text.length;
  const T = PACKED;
  const { valueStart, firstEdge } = index;
  // Terminals passed on the way (node, end), tried longest first once the walk stops.
  const ends: number[] = [];
  let j = from;
  for (;;) {
    if ((valueStart[node] as number) < (valueStart[node + 1] as number) && !wordContinuesAt(text, j))
      ends.push(node, j);
    if ((firstEdge[node] as number) === (firstEdge[node + 1] as number)) break;
    // The next unit that counts: dropped ones vanish, a run of space is one space, a break ends the walk.
    let f = DROP;
    let sawSpace = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      let t = T[c] as number;
      if (t === 0) {
        learn(c);
        t = T[c] as number;
      }
      const g = t & 0xffff;
      if (g === DROP) {
        j++;
        continue;
      }
      if (g === BREAK) break;
      if (g === SPACE) {
        sawSpace = true;
        j++;
        continue;
      }
      f = g;
      break;
    }
    if (f === DROP) break;
    if (sawSpace) {
      const next = childAt(index, p, node, SPACE);
      if (next < 0) break;
      node = next;
    }
    const child = childAt(index, p, node, f);
    if (child < 0) break;
    node = child;
    j++;
  }
  for (let k = ends.length - 2; k >= 0; k -= 2) {
    const end = ends[k + 1] as number;
    const found = fitting(text, start, end, index, ends[k] as number);
    if (found.length === 0) continue;
    // Take the combining marks that follow along, so a highlight keeps its accents.
    let stop = end;
    while (stop < n && flagsAt(text, stop) & FLAG_MARK) stop++;
    return { start, end: stop, text: text.slice(start, stop), aliases: found };
  }
  return undefined;
}

/** The aliases at a terminal that fit the surface's case. */
function fitting(text: string, start: number, end: number, index: AliasIndex, node: number): AliasEntry[] {
  const capital = !(flagsAt(text, start) & FLAG_LOWER);
  let surface: string | undefined;
  const out: AliasEntry[] = [];
  for (let v = index.valueStart[node] as number; v < (index.valueStart[node + 1] as number); v++) {
    const alias = index.values[v] as number;
    const flags = index.aliasFlags[alias] as number;
    if (flags & CAPITAL_FLAG && !capital) continue;
    const cased = index.aliasCased.get(alias);
    if (cased !== undefined) {
      surface ??= casedSurface(text, start, end);
      if (surface !== cased) continue;
    }
    out.push(aliasEntry(index, alias));
  }
  return out;
}
