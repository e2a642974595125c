import { normalizeText } from '../text/normalize';

/** One alias of one entity, as the matcher knows it. */
export interface AliasEntry {
  entityId: string;
  /** The alias as written in the pack. */
  text: string;
  kind: 'name' | 'short' | 'acronym' | 'demonym' | 'generic';
  /**
   * When set, the surface text must have exactly this case (after the same
   * normalisation minus case folding): "MoU" does not match "mou", "UN" does
   * not match "un".
   */
  cased?: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  aliases?: AliasEntry[];
}

/** A multi-pattern index over normalised aliases. */
export interface AliasIndex {
  root: TrieNode;
  size: number;
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

/** Builds the index from alias entries. */
export function buildAliasIndex(entries: Iterable<Omit<AliasEntry, 'cased'>>): AliasIndex {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  for (const entry of entries) {
    const norm = normalizeText(entry.text);
    if (norm.folded.length === 0) continue;
    let node = root;
    for (const ch of norm.folded) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    const full: AliasEntry = isCaseSensitive(entry.text) ? { ...entry, cased: norm.cased } : { ...entry };
    node.aliases ??= [];
    node.aliases.push(full);
    size++;
  }
  return { root, size };
}
