import { dayNumber, lastDayNumber } from '../factstore/day-number';
import type { EntityType } from '../factstore/schema';
import type { Candidate } from '../match/find-candidates';
import { findAnchors } from './anchors';
import { beforeDate, filterByLanguage, tagged } from './candidate-filters';
import { detectLanguage } from './language';
import { linkOne } from './link-one';
import type { Reading } from './reading';
import type { LinkReason } from './reasons';

// The linker's coordinator: it filters the candidates, reads the whole text
// once for anchors, then links each candidate by the rules in link-one.ts and
// the modules it calls (short forms, namesakes, metonyms, agreement phrases).

/** A linked mention: a span of the text and the entity it names. */
export interface Mention {
  entityId: string;
  /** Offsets into the scanned text. */
  start: number;
  end: number;
  /** The surface form as written. */
  text: string;
  /** Why this span was linked to this entity, as values the card puts in the reader's words. */
  reason: LinkReason;
}

/** What the linker needs to know about entities. */
export interface LinkContext {
  name(entityId: string): string | undefined;
  /**
   * For agreements: the entities whose presence in a paragraph points to it
   * (parties, signatories, place of signing, related entities, those who
   * reacted), and the year it was signed.
   */
  agreement(entityId: string): { evidence: ReadonlySet<string>; year: number } | undefined;
  /** The country an entity belongs to ("Baghdad" → Iraq), if any. */
  countryOf(entityId: string): string | undefined;
  /** The entity's type. */
  type(entityId: string): EntityType | undefined;
  /** Prominence, 0–3 (3: a head of state or government): chooses among namesakes. */
  rank?(entityId: string): number;
  /** How much the store knows about the entity's country (0–255): the last tie-break among namesakes. */
  weight?(entityId: string): number;
  /** When the entity began (signed, founded), as a day number (see `dayNumber`); 0 when not known. */
  begins?(entityId: string): number;
  /** A head of state's or government's time in office, as day numbers (0 at the end while open). */
  span?(entityId: string): readonly [number, number] | undefined;
}

/**
 * Turns alias matches into linked mentions, choosing among candidates the way
 * a careful reader would, and drops what cannot be decided.
 */
export function linkMentions(
  text: string,
  found: readonly Candidate[],
  ctx: LinkContext,
  options: { lang?: string | undefined; date?: string | undefined } = {},
): Mention[] {
  // A name in another language ("Tunis", Tunisia in Croatian) only on a page in that
  // language: the page's own tag, or else the language its text is in.
  const lang = options.lang ?? (found.some(tagged) ? detectLanguage(text) : undefined);
  const byLanguage = filterByLanguage(found, lang);
  // An article cannot name an agreement signed or a body founded after it was written.
  const candidates = options.date ? beforeDate(byLanguage, ctx, lastDayNumber(options.date)) : byLanguage;
  // Among namesakes, the one in office when the article was written.
  const when = options.date
    ? { day: dayNumber(options.date), last: lastDayNumber(options.date), date: options.date }
    : undefined;
  const { anchored, countries, lands, decided, touched } = findAnchors(candidates, ctx, when);
  const reading: Reading = {
    text,
    all: candidates,
    ctx,
    anchored,
    surnames: surnamesOf(anchored, ctx),
    countries,
    lands,
    touched,
    lang,
    when,
    decided,
    lastAgreement: undefined,
    seen: new Map(),
  };
  const mentions: Mention[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const m = linkOne(reading, i);
    if (m) mentions.push(m);
  }
  return mentions;
}

/** The last words of the full names of the people the text names (see `Reading.surnames`). */
function surnamesOf(
  anchored: ReadonlyMap<string, number>,
  ctx: LinkContext,
): Map<string, { id: string; at: number } | null> {
  const out = new Map<string, { id: string; at: number } | null>();
  for (const [id, at] of anchored) {
    if (ctx.type(id) !== 'person') continue;
    const words = (ctx.name(id) ?? '').split(/\s+/);
    const last = words[words.length - 1];
    if (words.length < 2 || !last || !/^\p{Lu}/u.test(last)) continue;
    // (Each person is anchored once: a second with that surname makes it no one's.)
    out.set(last, out.has(last) ? null : { id, at });
  }
  return out;
}
