import type { AliasEntry } from '../match/alias-index';
import type { Candidate } from '../match/find-candidates';
import type { LinkContext, Mention } from './link-mentions';
import type { Decider, LinkReason } from './reasons';

/** The article's date: its first and last day (a month, "2015-03", spans one), and as written. */
export interface ArticleTime {
  day: number;
  last: number;
  date: string;
}

/**
 * What the linker knows of the whole text before it links any one candidate:
 * built once per scan by `linkMentions`, read by each rule.
 */
export interface Reading {
  text: string;
  /** Every candidate, sorted and non-overlapping. */
  all: readonly Candidate[];
  ctx: LinkContext;
  /** Entities named unambiguously (or decided among namesakes) somewhere in the text → first offset. */
  anchored: ReadonlyMap<string, number>;
  /** The countries the text is about → how often it names them or what is theirs. */
  countries: ReadonlyMap<string, number>;
  /** The countries the text names, itself or by one of its places. */
  lands: ReadonlySet<string>;
  /** The countries any reading of any name in the text belongs to (see `Anchors.touched`). */
  touched: ReadonlySet<string>;
  /** The page's language, as it says or as its text reads, when known. */
  lang: string | undefined;
  /** The article's date, when the page gives one. */
  when: ArticleTime | undefined;
  /**
   * The last word of each person's full name the text gives → that person and where the
   * name first comes (null when two such people share it): "Allen" after "Katie Allen".
   */
  surnames: ReadonlyMap<string, { id: string; at: number } | null>;
  /** Full names shared by namesakes, decided before linking: where, and what decided. */
  decided: ReadonlyMap<number, Decider>;
  /** The agreement the last generic phrase was linked to, and where: the one mutable part, updated as linking goes. */
  lastAgreement: { id: string; end: number } | undefined;
  /**
   * What rules that read the whole text found, by a key of theirs (an acronym's spelling out, a
   * name's uses): each is worked out once per scan, not once per candidate, which on a long
   * text made the scan quadratic.
   */
  seen: Map<string, unknown>;
}

/** The distinct entities of some aliases, in order of first appearance. */
export function entityIds(aliases: readonly AliasEntry[]): string[] {
  return [...new Set(aliases.map((a) => a.entityId))];
}

/** Candidate `c` linked to `entityId`, for `reason`. */
export function mentionOf(c: Candidate, entityId: string, reason: LinkReason): Mention {
  return { entityId, start: c.start, end: c.end, text: c.text, reason };
}

/** `work()`, once per scan for `key` (see `Reading.seen`). */
export function once<T>(r: Reading, key: string, work: () => T): T {
  if (!r.seen.has(key)) r.seen.set(key, work());
  return r.seen.get(key) as T;
}
