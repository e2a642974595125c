import { type LinkContext, linkMentions, type Mention } from '../link/link-mentions';
import { type Candidate, findCandidates } from '../match/find-candidates';
import { agreementClue } from './derived';
import { type EntityInfo, type FactStore, storeParts } from './store';

// Scanning a text against a store: the matcher over every index the store has
// (the bundled one and the reader's), then the linker with the store as its context.

/** The linker's view of the store. */
export function linkContext(store: FactStore): LinkContext {
  // Read when first asked for: the bundled store parses its agreements' clues then (store-file.ts).
  const clues = () => storeParts(store)?.meta.agreements ?? {};
  const sets = new Map<string, { evidence: ReadonlySet<string>; year: number } | undefined>();
  // One scan asks about the same entities many times (namesakes, countries): each is looked up once.
  const seen = new Map<string, EntityInfo | undefined>();
  const info = (id: string) => {
    if (seen.has(id)) return seen.get(id);
    const got = store.info(id);
    seen.set(id, got);
    return got;
  };
  return {
    name: (id) => info(id)?.name,
    agreement: (id) => {
      if (!sets.has(id)) {
        const mine = store.reader?.entities.get(id);
        const clue = mine ? agreementClue(mine) : Object.hasOwn(clues(), id) ? clues()[id] : undefined;
        sets.set(id, clue ? { evidence: new Set(clue.evidence), year: clue.year } : undefined);
      }
      return sets.get(id);
    },
    countryOf: (id) => info(id)?.country,
    type: (id) => info(id)?.type,
    rank: (id) => info(id)?.rank ?? 0,
    weight: (id) => info(id)?.weight ?? 0,
    begins: (id) => info(id)?.begins ?? 0,
    span: (id) => info(id)?.span,
  };
}

/** Options of a scan: the page's language, when known ("en", "fr-FR"). */
export interface ScanOptions {
  lang?: string | undefined;
  /** The article's date ("2015-03-18", "2015-03"), when the page gives one. */
  date?: string | undefined;
}

/**
 * Candidates of two indexes as one list, leftmost-longest: where a reader
 * pack's name overlaps a bundled one, the earlier (then longer) span wins;
 * the same span gets both's aliases.
 */
export function mergeCandidates(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Candidate[] = [];
  for (const c of all) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.start === last.start && c.end === last.end)
        out[out.length - 1] = { ...last, aliases: [...last.aliases, ...c.aliases] };
      continue;
    }
    out.push(c);
  }
  return out;
}

/** The candidates of every index the store has. */
export function findAll(store: FactStore, text: string): Candidate[] {
  const bundled = findCandidates(text, store.index);
  return store.reader ? mergeCandidates(bundled, findCandidates(text, store.reader.index)) : bundled;
}

/** Finds and links every mention of the store's entities in `text`. */
export function scanText(store: FactStore, text: string, options: ScanOptions = {}): Mention[] {
  return linkMentions(text, findAll(store, text), linkContext(store), options);
}
