import { BASE, BREAK, DROP, FLAG_LOWER, FLAG_MARK, FLAG_WORD, FLAGS, FOLD, learn, PACKED, SPACE } from '../text/fold';
import { type AliasEntry, type AliasIndex, aliasEntry, CAPITAL_FLAG, edgeOf } from './alias-index';
import type { Candidate } from './find-candidates';
import { NO_EDGE, type Prepared, prepare } from './word-filters';

const ENDS: number[] = [];

/** Where the last call to {@link nextUnit} left off. */
let cursor = 0;

/**
 * The next folded unit of `text` from `j` that counts, as the index folds
 * keys: dropped units vanish, a run of space is one SPACE; -1 at a break or
 * the end. Leaves `cursor` after it.
 */
function nextUnit(text: string, j: number): number {
  const n = text.length;
  const T = PACKED;
  let space = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    let t = T[c] as number;
    if (t === 0) {
      learn(c);
      t = T[c] as number;
    }
    const f = t & 0xffff;
    if (f === DROP) {
      j++;
      continue;
    }
    if (f === BREAK) break;
    if (f === SPACE) {
      space = true;
      j++;
      continue;
    }
    if (space) break;
    cursor = j + 1;
    return f;
  }
  cursor = j;
  return space ? SPACE : -1;
}

function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (FLAGS[c] === 0) learn(c);
  return FLAGS[c] as number;
}

/** Whether the next character that counts (skipping dropped ones) from `j` is part of a word. */
function wordContinuesAt(text: string, j: number): boolean {
  for (; j < text.length; j++) {
    const fl = flagsAt(text, j);
    if (FOLD[text.charCodeAt(j)] !== DROP) return (fl & FLAG_WORD) !== 0;
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

/** The aliases at a terminal that fit the surface's case. */
function fitting(text: string, start: number, end: number, index: AliasIndex, node: number): AliasEntry[] {
  const capital = !(flagsAt(text, start) & FLAG_LOWER);
  let surface: string | undefined;
  const out: AliasEntry[] = [];
  const skip = index.entitySkip;
  for (let v = index.valueStart[node] as number; v < (index.valueStart[node + 1] as number); v++) {
    const alias = index.values[v] as number;
    if ((index.aliasFlags[alias] as number) & CAPITAL_FLAG && !capital) continue;
    if (skip !== undefined && skip[index.aliasEntity[alias] as number] === 1) continue;
    const cased = index.aliasCased.get(alias);
    if (cased !== undefined) {
      surface ??= casedSurface(text, start, end);
      if (surface !== cased) continue;
    }
    out.push(aliasEntry(index, alias));
  }
  return out;
}

/**
 * The longest fitting match that starts at `start` (a word's first unit):
 * walks the trie edge by edge, comparing each edge's tail in order, notes
 * every alias end on the way that falls on a word boundary, and takes the
 * longest whose case fits.
 */
export function walkFrom(text: string, start: number, index: AliasIndex, p: Prepared): Candidate | undefined {
  const { firstEdge, valueStart, tailStart, tails } = index;
  let e = p.root[FOLD[text.charCodeAt(start)] as number] as number;
  let j = start + 1;
  // One array for every walk (walks do not nest): no allocation per word.
  const ends = ENDS;
  ends.length = 0;
  while (e !== NO_EDGE) {
    for (let k = tailStart[e] as number; k < (tailStart[e + 1] as number); k++) {
      if (nextUnit(text, j) !== tails[k]) return choose(text, start, index, ends);
      j = cursor;
    }
    const node = e + 1;
    if ((valueStart[node] as number) < (valueStart[node + 1] as number) && !wordContinuesAt(text, j))
      ends.push(node, j);
    if ((firstEdge[node] as number) === (firstEdge[node + 1] as number)) break;
    const unit = nextUnit(text, j);
    if (unit < 0) break;
    e = edgeOf(index, node, unit);
    j = cursor;
  }
  return choose(text, start, index, ends);
}

function choose(text: string, start: number, index: AliasIndex, ends: number[]): Candidate | undefined {
  const n = text.length;
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

/** The longest fitting match that starts at offset `start` of `text`, if any (no filters: for tests and tools). */
export function matchAt(text: string, start: number, index: AliasIndex): Candidate | undefined {
  return walkFrom(text, start, index, prepare(index));
}
