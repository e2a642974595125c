import { BASE, BREAK, DROP, FLAG_LOWER, FLAG_MARK, FLAG_WORD, FLAGS, FOLD, flagsOf, learn, SPACE } from '../text/fold';
import { type AliasEntry, type AliasIndex, CAPITAL_FLAG, childOf, valuesOf } from './alias-index';

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
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Bits in each first-word filter: 2^22 (512 KiB). */
const FILTER_BITS = 22;

/**
 * What the matcher derives from an index once: the root's children as a
 * direct table, and two filters of the first words of aliases (hashes of
 * their folded form): any first word, and first words some alias allows in
 * lower case. A word of the text that passes neither cannot start a match, so
 * most words are read once and never walked in the trie.
 */
interface Prepared {
  root: Int32Array;
  anyCase: Int32Array;
  lowerCase: Int32Array;
}

const prepared = new WeakMap<AliasIndex, Prepared>();

/** The hash of a folded word, as the matcher computes it while reading. */
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME);
}

function setBit(bits: Int32Array, h: number): void {
  const b = h >>> (32 - FILTER_BITS);
  bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
}

function prepare(index: AliasIndex): Prepared {
  let p = prepared.get(index);
  if (p) return p;
  const { firstEdge, labels, valueStart, values, aliasFlags, aliasCased } = index;
  const nodes = firstEdge.length - 1;
  // Whether some alias at or below each node may start with a lower-case letter.
  const lowerOk = new Uint8Array(nodes);
  for (let node = nodes - 1; node >= 0; node--) {
    let ok = 0;
    for (let v = valueStart[node] as number; v < (valueStart[node + 1] as number) && !ok; v++) {
      const alias = values[v] as number;
      const flags = aliasFlags[alias] as number;
      const cased = aliasCased.get(alias);
      if (cased !== undefined) ok = cased.charAt(0) === cased.charAt(0).toLowerCase() ? 1 : 0;
      else ok = flags & CAPITAL_FLAG ? 0 : 1;
    }
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number) && !ok; e++) ok = lowerOk[e + 1] as number;
    lowerOk[node] = ok;
  }
  const root = new Int32Array(65536).fill(NO_CHILD);
  const anyCase = new Int32Array(1 << (FILTER_BITS - 5));
  const lowerCase = new Int32Array(1 << (FILTER_BITS - 5));
  // Depth-first through the first word of every key: its hash where the word ends.
  const stack: number[] = [0, FNV_OFFSET];
  while (stack.length > 0) {
    const h = stack.pop() as number;
    const node = stack.pop() as number;
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number); e++) {
      const label = labels[e] as number;
      const child = e + 1;
      if (node === 0) root[label] = child;
      if (!(flagsOf(label) & FLAG_WORD)) {
        // The first word ended at `node`.
        if (node !== 0) {
          setBit(anyCase, h);
          if (lowerOk[node]) setBit(lowerCase, h);
        }
        continue;
      }
      const next = hashStep(h, label);
      if ((valueStart[child] as number) < (valueStart[child + 1] as number)) {
        setBit(anyCase, next);
        if (lowerOk[child]) setBit(lowerCase, next);
      }
      stack.push(child, next);
    }
  }
  p = { root, anyCase, lowerCase };
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
  const FL = FLAGS;
  const FO = FOLD;
  const { root, anyCase, lowerCase } = prepare(index);
  const out: Candidate[] = [];
  const n = text.length;
  let inWord = false;
  let wordStart = 0;
  let lower = false;
  let h = FNV_OFFSET;
  let i = 0;
  for (;;) {
    let c = 0;
    let fl = 0;
    let f = SPACE; // past the end: a non-word character that ends the last word
    if (i < n) {
      c = text.charCodeAt(i);
      fl = FL[c] as number;
      if (fl === 0) {
        learn(c);
        fl = FL[c] as number;
      }
      f = FO[c] as number;
      if (f === DROP) {
        i++;
        continue;
      }
      if (fl & FLAG_WORD) {
        if (!inWord) {
          inWord = true;
          wordStart = i;
          lower = (fl & FLAG_LOWER) !== 0;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ f, FNV_PRIME);
        i++;
        continue;
      }
    }
    if (inWord) {
      inWord = false;
      const b = h >>> (32 - FILTER_BITS);
      const bits = lower ? lowerCase : anyCase;
      if ((bits[b >>> 5] as number) & (1 << (b & 31))) {
        const first = root[FO[text.charCodeAt(wordStart)] as number] as number;
        const match = first === NO_CHILD ? undefined : walk(text, wordStart, wordStart + 1, first, index);
        if (match) {
          out.push(match);
          i = match.end;
          continue;
        }
      }
    }
    if (i >= n) break;
    i++;
  }
  return out;
}

/** Walks the trie from the node reached by the unit at `start`; the longest fitting match, if any. */
function walk(text: string, start: number, from: number, node: number, index: AliasIndex): Candidate | undefined {
  const n = text.length;
  const FL = FLAGS;
  const FO = FOLD;
  const { valueStart, firstEdge } = index;
  let best: Candidate | undefined;
  let j = from;
  for (;;) {
    if ((valueStart[node] as number) < (valueStart[node + 1] as number) && !wordContinuesAt(text, j)) {
      const found = fitting(text, start, j, valuesOf(index, node));
      if (found.length > 0) {
        // Take the combining marks that follow along, so a highlight keeps its accents.
        let end = j;
        while (end < n && flagsAt(text, end) & FLAG_MARK) end++;
        best = { start, end, text: text.slice(start, end), aliases: found };
      }
    }
    if ((firstEdge[node] as number) === (firstEdge[node + 1] as number)) break;
    // The next unit that counts: dropped ones vanish, a run of space is one space, a break ends the walk.
    let f = DROP;
    let sawSpace = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (FL[c] === 0) learn(c);
      const g = FO[c] as number;
      if (g === DROP) {
        j++;
        continue;
      }
      if (g === BREAK) return best;
      if (g === SPACE) {
        sawSpace = true;
        j++;
        continue;
      }
      f = g;
      break;
    }
    if (sawSpace) {
      const next = childOf(index, node, SPACE);
      if (next < 0 || f === DROP) break;
      node = next;
    } else if (f === DROP) break;
    const child = childOf(index, node, f);
    if (child < 0) break;
    node = child;
    j++;
  }
  return best;
}

/** The aliases at a terminal that fit the surface's case. */
function fitting(text: string, start: number, end: number, aliases: AliasEntry[]): AliasEntry[] {
  const capital = !(flagsAt(text, start) & FLAG_LOWER);
  let surface: string | undefined;
  return aliases.filter((a) => {
    if (a.capital && !capital) return false;
    if (a.cased === undefined) return true;
    surface ??= casedSurface(text, start, end);
    return surface === a.cased;
  });
}
