// The index's shape and the reads the matcher makes of it; building one is
// build-alias-index.ts.

export type AliasKind = 'name' | 'short' | 'acronym' | 'demonym' | 'generic' | 'metonym';
/** Alias kinds in the order `aliasFlags` numbers them (its low 3 bits). */
export const ALIAS_KINDS: readonly AliasKind[] = ['name', 'short', 'acronym', 'demonym', 'generic', 'metonym'];

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

/** The alias-flags bit of case-sensitive aliases (their cased form is in `aliasCased`). */
export const CASED_FLAG = 1 << 3;
/** The alias-flags bit of aliases that need a capital in the text. */
export const CAPITAL_FLAG = 1 << 4;

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
      kind: ALIAS_KINDS[flags & 7] as AliasKind,
    };
    if (flags & CASED_FLAG) entry.cased = index.aliasCased.get(alias) as string;
    if (flags & CAPITAL_FLAG) entry.capital = true;
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
