import { foldKey } from '../text/normalize';

export type AliasKind = 'name' | 'short' | 'acronym' | 'demonym' | 'generic' | 'metonym';
const KINDS: readonly AliasKind[] = ['name', 'short', 'acronym', 'demonym', 'generic', 'metonym'];

/** One alias of one entity, as the matcher reports it. */
export interface AliasEntry {
  entityId: string;
  kind: AliasKind;
  /**
   * When set, the surface text must have exactly this case (after the same
   * normalisation minus case folding): "MoU" does not match "mou".
   */
  cased?: string;
  /** When true, the surface must start with a capital: "Turkey" is not "turkey". */
  capital?: boolean;
  /** The alias's language, when the pack gives one ("fa", "de"). */
  lang?: string;
}

/** An alias to index: its text, entity and kind. */
export interface AliasInput {
  entityId: string;
  text: string;
  kind: AliasKind;
  lang?: string | undefined;
}

/**
 * A multi-pattern index over normalised aliases: a radix trie (chains of
 * single-child nodes merged into one edge with a string label) laid out in
 * flat typed arrays, breadth-first, so a node's edges are contiguous and the
 * node reached by edge `e` is node `e + 1`. An edge's label is its first unit
 * (`labels`, searched) and the rest (`tails`, compared in order, which keeps
 * a walk along a long name in one stretch of memory). It builds from sorted
 * keys without allocating an object per node, serialises to a few buffers,
 * and loads without rebuilding.
 */
export interface AliasIndex {
  /** `firstEdge[n]..firstEdge[n + 1]` are node `n`'s edges. */
  firstEdge: Uint32Array;
  /** The first UTF-16 code unit of each edge's label, ascending within a node. */
  labels: Uint16Array;
  /** `tails[tailStart[e]..tailStart[e + 1]]` is the rest of edge `e`'s label. */
  tailStart: Uint32Array;
  tails: Uint16Array;
  /** `valueStart[n]..valueStart[n + 1]` index `values` for node `n`'s aliases. */
  valueStart: Uint32Array;
  /** Alias numbers ending at each node. */
  values: Uint32Array;
  /** Per alias: index into `entityIds`. */
  aliasEntity: Uint32Array;
  /** Per alias: kind (low 3 bits), case-sensitive (bit 3), needs a capital (bit 4). */
  aliasFlags: Uint8Array;
  /** Per case-sensitive alias: its cased form. */
  aliasCased: Map<number, string>;
  /** Per alias: 0, or 1 + the index in `langs` of its language. */
  aliasLang: Uint8Array;
  /** The languages of tagged aliases. */
  langs: string[];
  entityIds: string[];
  /** Per entity: 1 when its pack is switched off, so its names are not matched (set by the store). */
  entitySkip?: Uint8Array | undefined;
}

const CASED = 1 << 3;
const CAPITAL = 1 << 4;
/** The alias-flags bit of aliases that need a capital in the text. */
export const CAPITAL_FLAG = CAPITAL;

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
    let flags = KINDS.indexOf(input.kind);
    if (isCaseSensitive(input.text)) {
      flags |= CASED;
      aliasCased.set(n, norm.cased);
    } else if (startsWithCapital(input.text)) {
      flags |= CAPITAL;
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

/** The edge of `node` whose label starts with code unit `c`, or -1. */
export function edgeOf(index: AliasIndex, node: number, c: number): number {
  const { firstEdge, labels } = index;
  let lo = firstEdge[node] as number;
  let hi = (firstEdge[node + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const label = labels[mid] as number;
    if (label === c) return mid;
    if (label < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether any alias ends at `node`. */
export function hasValues(index: AliasIndex, node: number): boolean {
  return (index.valueStart[node] as number) < (index.valueStart[node + 1] as number);
}

// Keyed by the index's arrays, which copies of an index (with their own skip list) share.
const entryCache = new WeakMap<Uint8Array, (AliasEntry | undefined)[]>();

/** Alias number `alias` as an entry; entries are made once per index and shared. */
export function aliasEntry(index: AliasIndex, alias: number): AliasEntry {
  let cache = entryCache.get(index.aliasFlags);
  if (!cache) {
    cache = [];
    entryCache.set(index.aliasFlags, cache);
  }
  let entry = cache[alias];
  if (!entry) {
    const flags = index.aliasFlags[alias] as number;
    entry = {
      entityId: index.entityIds[index.aliasEntity[alias] as number] as string,
      kind: KINDS[flags & 7] as AliasKind,
    };
    if (flags & CASED) entry.cased = index.aliasCased.get(alias) as string;
    if (flags & CAPITAL) entry.capital = true;
    const lang = index.aliasLang[alias] as number;
    if (lang > 0) entry.lang = index.langs[lang - 1] as string;
    cache[alias] = entry;
  }
  return entry;
}

/** The number of aliases in the index. */
export function aliasCount(index: AliasIndex): number {
  return index.aliasEntity.length;
}
