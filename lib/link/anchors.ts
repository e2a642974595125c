import type { AliasEntry } from '../match/alias-index';
import type { Candidate } from '../match/find-candidates';
import type { LinkContext } from './link-mentions';
import { chooseNamesake, outOfPlace } from './namesakes';
import { type ArticleTime, entityIds } from './reading';
import type { Decider } from './reasons';

/** What a first pass over the whole text settles before any candidate is linked. */
export interface Anchors {
  /**
   * Entities named unambiguously by a full name, an acronym or a demonym anywhere
   * in the text (or decided among namesakes) → first offset: they anchor short
   * forms and ambiguous aliases.
   */
  anchored: Map<string, number>;
  /**
   * The countries the text is about, and how often: those it names, and those of
   * the people, bodies and places it names.
   */
  countries: Map<string, number>;
  /** The countries the text names, or names a place in ("Florida"): where its small towns may be linked. */
  lands: Set<string>;
  /** Where a namesake was chosen → what decided. */
  decided: Map<number, Decider>;
  /**
   * The countries that any reading of any name in the text belongs to ("Paris", though also a
   * Chilean's surname; "the White House"): weaker evidence than `countries`, enough to read a
   * head of state's surname alone as theirs.
   */
  touched: Set<string>;
}

/** An entity's country, or the entity itself when it is a country. */
const countryOrSelf = (ctx: LinkContext, id: string) =>
  ctx.countryOf(id) ?? (ctx.type(id) === 'place' ? id : undefined);

const strongOnly = (aliases: readonly AliasEntry[]) =>
  aliases.filter((a) => a.kind === 'name' || a.kind === 'acronym' || a.kind === 'demonym');

/**
 * Reads the whole text once for what anchors the rest: names that say who
 * and what it is about, then namesakes that context decides. Linking a short
 * form before its full name ("Abbott … Tony Abbott") needs the full name known
 * first, hence a pass of its own.
 */
export function findAnchors(candidates: readonly Candidate[], ctx: LinkContext, when?: ArticleTime): Anchors {
  const anchored = new Map<string, number>();
  // (An acronym alone does not say what the text is about: "AFP" is also a Hungarian party.)
  const countries = new Map<string, number>();
  const lands = new Set<string>();
  const count = (id: string) => {
    const country = countryOrSelf(ctx, id);
    if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
    if (country && ctx.type(id) === 'place') lands.add(country);
  };
  // A country's own acronym ("U.S.", "UK") does say what the text is about.
  // (A place of no prominence does not: "Hamilton" alone does not make a text about Bermuda.)
  const counts = (id: string, strong: readonly AliasEntry[]) =>
    !(ctx.type(id) === 'place' && ctx.rank?.(id) === 0) &&
    (strong.some((a) => a.kind !== 'acronym') || (ctx.type(id) === 'place' && ctx.countryOf(id) === undefined));
  for (const c of candidates) {
    // A country's name beats other people's surnames, as in linking ("France" is the country, not
    // Anatole France): someone's surname does not stop it saying what the text is about.
    const strong = strongOnly(c.aliases);
    const country =
      strong.length > 0 && strong.every((a) => ctx.type(a.entityId) === 'place' && !ctx.countryOf(a.entityId));
    const ids = entityIds(
      country && c.aliases.every((a) => strong.includes(a) || a.kind === 'short') ? strong : c.aliases,
    );
    if (ids.length === 1 && strong.length > 0) {
      const id = ids[0] as string;
      if (!anchored.has(id)) anchored.set(id, c.start);
      if (counts(id, strong)) count(id);
    }
  }
  // Full names and demonyms shared by namesakes ("Tony Abbott", "américaine"): the one the
  // context decides anchors the surname later ("Abbott") as a unique full name would.
  const decided = new Map<number, Decider>();
  for (const c of candidates) {
    const strong = strongOnly(c.aliases);
    if (strong.length !== c.aliases.length) continue;
    // (A town of a country the text is not about is no namesake here: "Washington", Aruba.)
    const ids = entityIds(strong).filter((id) => !outOfPlace(id, ctx, lands));
    if (ids.length < 2 || ids.some((id) => anchored.has(id))) continue;
    const chosen = chooseNamesake(ids, ctx, countries, when);
    if (chosen && !anchored.has(chosen.id)) {
      anchored.set(chosen.id, c.start);
      decided.set(c.start, chosen.decided);
      if (counts(chosen.id, strong)) count(chosen.id);
    }
  }
  const touched = new Set<string>();
  for (const c of candidates) {
    const here = new Set<string>();
    let demonym = false;
    for (const a of c.aliases) {
      // (Not a surname, a generic phrase, a small town, nor an acronym other than a country's own:
      // "BPM", a film's title, is also an Antiguan party's. Surnames are skipped before their
      // entity is looked up: most of a long text's aliases are namesakes' surnames.)
      if (a.kind === 'short' || a.kind === 'generic') continue;
      const country = countryOrSelf(ctx, a.entityId);
      const weak =
        (a.kind === 'acronym' && country !== a.entityId) ||
        (ctx.type(a.entityId) === 'place' && ctx.rank?.(a.entityId) === 0);
      if (weak || !country) continue;
      here.add(country);
      demonym ||= a.kind === 'demonym';
    }
    // A name of one country only ("Paris", though also a Chilean's surname), or a demonym (of a
    // country and its territories); not a name many countries give something ("Democratic
    // Party", "Kingston", "Perth").
    if (here.size === 1 || demonym) for (const country of here) touched.add(country);
  }
  return { anchored, countries, lands, decided, touched };
}
