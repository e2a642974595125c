import { foldKey } from '../text/normalize';
import { ALIAS_KINDS, type AliasIndex, type AliasKind, CAPITAL_FLAG, CASED_FLAG } from './alias-index';

// Building the index from aliases: a one-off (at build time for the bundled
// store, on import for a reader's pack), kept apart from the reads the matcher
// makes on every character of a page (alias-index.ts).

/** An alias to index: its text, entity and kind. */
export interface AliasInput {
  entityId: string;
  text: string;
  kind: AliasKind;
  lang?: string | undefined;
}

/**
 * An alias is matched case-sensitively when it is acronym-like: a single word
 * with two or more capitals ("MoU", "UN", "IRIB", "UNESCO"). Such names
 * collide with common words in lower case ("un", "mou"). Names like
 * "al-Araji" or "Iran" match in any case ("AL-ARAJI" in a headline).
 */
export function isCaseSensitive(alias: string): boolean {
  const words = alias.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length !== 1) return false;
  const capitals = (words[0] ?? '').match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2;
}

/** Whether an alias starts with a capital letter ("Turkey", "Chad"): then the text must too. */
export function startsWithCapital(alias: string): boolean {
  return /^\p{Lu}/u.test(alias.trimStart());
}

/**
 * Builds the index from aliases. Aliases that normalise to nothing are
 * skipped. Entities are numbered in `entityOrder` when given (the store's
 * table order), else as they first appear.
 */
export function buildAliasIndex(inputs: Iterable<AliasInput>, entityOrder: readonly string[] = []): AliasIndex {
  const entityNumbers = new Map<string, number>(entityOrder.map((id, n) => [id, n]));
  const entityIds: string[] = [...entityOrder];
  const keys: string[] = [];
  const aliasEntity: number[] = [];
  const aliasFlags: number[] = [];
  const aliasCased = new Map<number, string>();
  const aliasLang: number[] = [];
  const langs: string[] = [];
  const langNumbers = new Map<string, number>();
  for (const input of inputs) {
    const norm = foldKey(input.text);
    if (norm.folded.length === 0) continue;
    let entity = entityNumbers.get(input.entityId);
    if (entity === undefined) {
      entity = entityIds.length;
      entityIds.push(input.entityId);
      entityNumbers.set(input.entityId, entity);
    }
    const n = keys.length;
    keys.push(norm.folded);
    aliasEntity.push(entity);
    let flags = ALIAS_KINDS.indexOf(input.kind);
    if (isCaseSensitive(input.text)) {
      flags |= CASED_FLAG;
      aliasCased.set(n, norm.cased);
    } else if (startsWithCapital(input.text)) {
      flags |= CAPITAL_FLAG;
    }
    aliasFlags.push(flags);
    let lang = 0;
    if (input.lang) {
      lang = langNumbers.get(input.lang) ?? 0;
      if (lang === 0 && langs.length < 255) {
        langs.push(input.lang);
        lang = langs.length;
        langNumbers.set(input.lang, lang);
      }
    }
    aliasLang.push(lang);
  }

  const order = Uint32Array.from(keys, (_, i) => i).sort(
    (a, b) => compareKeys(keys[a] as string, keys[b] as string) || a - b,
  );
  const sorted = Array.from(order, (i) => keys[i] as string);
  // A radix trie has at most two nodes per key (a leaf and a branch), plus the root.
  const bound = 2 * sorted.length + 1;
  const totalChars = sorted.reduce((sum, k) => sum + k.length, 0);
  const qLo = new Uint32Array(bound);
  const qHi = new Uint32Array(bound);
  const qDepth = new Uint32Array(bound);
  const firstEdge = new Uint32Array(bound + 1);
  const valueStart = new Uint32Array(bound + 1);
  const labels = new Uint16Array(bound);
  const tailStart = new Uint32Array(bound + 1);
  const tails = new Uint16Array(totalChars);
  const values = new Uint32Array(sorted.length);
  let nodes = 1;
  let edges = 0;
  let tailLength = 0;
  let count = 0;
  qHi[0] = sorted.length;
  // Breadth-first over ranges of sorted keys that share a prefix of length `depth`.
  for (let q = 0; q < nodes; q++) {
    const hi = qHi[q] as number;
    const depth = qDepth[q] as number;
    firstEdge[q] = edges;
    valueStart[q] = count;
    let i = qLo[q] as number;
    // Keys that end here come first in sorted order.
    while (i < hi && (sorted[i] as string).length === depth) values[count++] = order[i++] as number;
    while (i < hi) {
      const a = sorted[i] as string;
      const c = a.charCodeAt(depth);
      let j = i + 1;
      while (j < hi && (sorted[j] as string).charCodeAt(depth) === c) j++;
      // The group's common prefix (first and last of a sorted group share it with all between).
      const b = sorted[j - 1] as string;
      let end = depth + 1;
      while (end < a.length && end < b.length && a.charCodeAt(end) === b.charCodeAt(end)) end++;
      labels[edges] = c;
      tailStart[edges] = tailLength;
      for (let k = depth + 1; k < end; k++) tails[tailLength++] = a.charCodeAt(k);
      edges++;
      qLo[nodes] = i;
      qHi[nodes] = j;
      qDepth[nodes] = end;
      nodes++;
      i = j;
    }
  }
  firstEdge[nodes] = edges;
  valueStart[nodes] = count;
  tailStart[edges] = tailLength;
  return {
    firstEdge: firstEdge.slice(0, nodes + 1),
    labels: labels.slice(0, edges),
    tailStart: tailStart.slice(0, edges + 1),
    tails: tails.slice(0, tailLength),
    valueStart: valueStart.slice(0, nodes + 1),
    values,
    aliasEntity: Uint32Array.from(aliasEntity),
    aliasFlags: Uint8Array.from(aliasFlags),
    aliasCased,
    aliasLang: Uint8Array.from(aliasLang),
    langs,
    entityIds,
  };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
