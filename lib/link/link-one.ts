import type { AliasEntry } from '../match/alias-index';
import type { Candidate } from '../match/find-candidates';
import { spelledOut, spellsName } from './acronyms';
import { linkGeneric } from './agreement-phrases';
import { casingFits, inTitleCase, partOfLongerName, startsUnknownName, titleAfter } from './capitals';
import type { Mention } from './link-mentions';
import { resolveMetonym } from './metonym';
import { chooseNamesake, outOfPlace } from './namesakes';
import { entityIds, mentionOf, once, type Reading } from './reading';
import { linkSharedShortForm, linkShortForm, linkSurnameOfNamed } from './short-forms';
import {
  asLanguage,
  bodyKindAfter,
  bodyNameAfter,
  inCompound,
  inHandle,
  stateMeant,
  thingNamedAfter,
} from './surroundings';

/**
 * Links candidate `i`, or leaves it alone: sends generic phrases, metonyms
 * and short forms to their own rules, keeps the aliases the text's casing
 * and countries allow, then decides between one entity and its namesakes.
 */
export function linkOne(r: Reading, i: number): Mention | undefined {
  const { text, all, ctx, anchored } = r;
  const c = all[i] as Candidate;
  const next = all[i + 1];
  if (inCompound(text, c, all[i - 1], next) || inHandle(text, c)) return undefined;
  const surname = linkSurnameOfNamed(r, i);
  if (surname) return surname;
  // English capitalises every word of a name; French and most others do not (see casingFits).
  const english = r.lang === undefined || /^en\b/i.test(r.lang);
  // A short word in capitals ("FAI", an acronym) is not a name written "Fai".
  const shouting = c.text.length <= 4 && /^\p{Lu}+$/u.test(c.text);
  const generic = c.aliases.filter((a) => a.kind === 'generic');
  // "MoU" is the memorandum, not the surname of someone the text never named.
  const earlier = (a: AliasEntry) => (anchored.get(a.entityId) ?? Number.POSITIVE_INFINITY) < c.start;
  if (generic.length > 0 && c.aliases.every((a) => a.kind === 'generic' || (a.kind === 'short' && !earlier(a))))
    return linkGeneric(r, i);

  const specific = c.aliases.filter((a) => a.kind !== 'generic');
  if (specific.some((a) => a.kind === 'metonym')) {
    const resolved = resolveMetonym(text, i, all, ctx, r.lands);
    if (resolved) return mentionOf(c, resolved.entityId, resolved.reason);
  }
  let named = specific.filter(
    (a) =>
      a.kind !== 'metonym' &&
      casingFits(c.text, ctx.name(a.entityId), english) &&
      !(shouting && (a.kind === 'short' || a.kind === 'name') && a.cased === undefined),
  );
  // A demonym that names a language here: "translated into English", "Greek names".
  if (asLanguage(text, c)) named = named.filter((a) => a.kind !== 'demonym');
  // An acronym the text spells out as something else: "Central Business District, or “CBD”" is
  // not the Caribbean Development Bank (but "Partido Socialista Obrero Español (PSOE)" is PSOE).
  if (named.some((a) => a.kind === 'acronym')) {
    const spelt = once(r, `spelt ${c.text}`, () => spelledOut(text, c.text));
    if (spelt)
      named = named.filter(
        (a) =>
          a.kind !== 'acronym' ||
          spellsName(spelt, ctx.name(a.entityId) ?? '') ||
          all.some((o) => o.text === spelt && o.aliases.some((x) => x.entityId === a.entityId)),
      );
  }
  named = named.filter((a) => !outOfItsCountry(r, i, a)); // A place of no prominence (a territory's small capital: "Hamilton", Bermuda; a town the
  // Factbook names: "Kyzyl") only in a text about its country, alone or among namesakes.
  named = named.filter((a) => !outOfPlace(a.entityId, ctx, r.lands));
  if (named.length === 0 && !specific.some((a) => a.kind === 'metonym')) return undefined;
  // A full name, acronym or demonym beats other people's surnames ("Paris" the city, not
  // Valentina Paris), unless the text named that person before.
  if (named.some((a) => a.kind !== 'short')) named = named.filter((a) => a.kind !== 'short' || earlier(a));
  const ids = entityIds(named);
  if (ids.length === 1) {
    const id = ids[0] as string;
    const alias = named[0] as AliasEntry;
    const name = ctx.name(id) ?? id;
    switch (alias.kind) {
      case 'short':
        return linkShortForm(r, i, id);
      case 'demonym':
        if (startsUnknownName(text, c, next)) return undefined;
        return mentionOf(c, id, { why: 'demonym', text: c.text, name });
      default: {
        // A one-word name after another capitalised word is part of a longer
        // name the store does not know: "New Jersey" is not Jersey.
        // A person known by one name ("Philippe", the King of the Belgians) is not the
        // Philippe of "Philippe Martinez": a capitalised word after it makes another name.
        // So is a body's one-word name before a capitalised word: "Dana F. Besecker Company",
        // "Massimo Banzi", "Copa Libertadores", "Diet Coke" (not an acronym: "NATO Summit").
        // (A word that says what kind of body it is still names it: "Alibaba Group", "Brookings Institution".)
        // (Nor a title: "Microsoft President Brad Smith".)
        const checkWordAfter =
          ctx.type(id) === 'person' ||
          (ctx.type(id) === 'organization' &&
            alias.kind === 'name' &&
            !bodyKindAfter(text, c.end) &&
            !titleAfter(text, c.end));
        if (!/\s/.test(c.text) && partOfLongerName(text, c.start, c.end, checkWordAfter)) return undefined;
        // A town or region at the start of a longer name the store does not know is that name's
        // ("Vladimir Isachenkov", "The Seattle Times", "Whangārei Harbour"; not "Moscow Mayor …"); a
        // country, when that name is a body's: "the
        // New Zealand Department of Conservation" (but "U.S. Debt", "U.S. Dollar index" are the US's).
        // A country's one-word name too, when it is also a given name: "Jordan Peele".
        if (
          ctx.type(id) === 'place' &&
          startsUnknownName(text, c, next) &&
          (ctx.countryOf(id) !== undefined || bodyNameAfter(text, c.end) || /^\p{Lu}\p{Ll}+$/u.test(c.text))
        )
          return undefined;
        // A name before a slash and an agency is a photo credit: "JIM WATSON/AFP".
        if (ctx.type(id) === 'person' && /^\/\s*\p{Lu}/u.test(text.slice(c.end, c.end + 3))) return undefined;
        if (thingNamedAfter(r, c, id)) return undefined;
        if (ctx.type(id) === 'place' && ctx.countryOf(id) !== undefined && stateMeant(text, c, name)) return undefined;
        return mentionOf(c, id, { why: 'name', text: c.text, name });
      }
    }
  }
  return linkAmong(r, i, named, ids);
}

/**
 * Whether alias `a` of candidate `i` is a national body's name used where the text gives no
 * ground for it:
 * - the acronym of a national body (a party, a ministry) where the text is not about its
 *   country: "AFP" is the news agency, not a Hungarian party of that name;
 * - a national body whose whole name is one word, in a line in title case (where every word has
 *   a capital) and nowhere else in the text, unless the text names its country or a place in
 *   it: "Diet" (Liechtenstein's) is not the diet of "Diet Pills", nor "Fusion" a Costa Rican
 *   party. (Not "Microsoft", a company's short name, nor "Reuters", an outlet; "Hezbollah fired"
 *   in a sentence is Hezbollah whether or not the text names Lebanon, and so is the headline's
 *   "Kremlin Says" above "The Kremlin said".)
 */
function outOfItsCountry(r: Reading, i: number, a: AliasEntry): boolean {
  const { text, all, ctx } = r;
  const c = all[i] as Candidate;
  const country = ctx.countryOf(a.entityId);
  if (country === undefined || ctx.type(a.entityId) !== 'organization') return false;
  if (a.kind === 'acronym') return !r.countries.has(country);
  if (a.kind !== 'name' || /\s/.test(c.text) || r.lands.has(country)) return false;
  const inTitle = (o: Candidate) => inTitleCase(text, o.start, o.end);
  return (
    inTitle(c) &&
    !/\s/.test(ctx.name(a.entityId) ?? ' ') &&
    once(r, `titled ${c.text}`, () => all.every((o) => o.text !== c.text || inTitle(o)))
  );
}

/** Several entities share the alias (`named`, of entities `ids`): choose one, or none. */
function linkAmong(r: Reading, i: number, named: readonly AliasEntry[], ids: readonly string[]): Mention | undefined {
  const { text, all, ctx, anchored, countries } = r;
  const c = all[i] as Candidate;
  // "Français", "américaine": the demonym of a country and of its territories, never at the
  // start of a longer name the store does not know ("the French New Wave").
  const demonym = named.some((a) => a.kind === 'demonym');
  if (demonym && startsUnknownName(text, c, all[i + 1])) return undefined;
  // The one the text names elsewhere.
  const elsewhere = ids.filter((id) => anchored.has(id));
  if (elsewhere.length === 1) {
    const id = elsewhere[0] as string;
    const name = ctx.name(id) ?? id;
    if ((anchored.get(id) as number) < c.start) return mentionOf(c, id, { why: 'after', text: c.text, name });
    const decided = anchored.get(id) === c.start ? r.decided.get(c.start) : undefined;
    if (decided) return mentionOf(c, id, { why: 'namesake', text: c.text, name, decided });
    return mentionOf(c, id, { why: 'alsoNamed', text: c.text, name });
  }
  if (demonym) {
    // The country, of those whose demonym it is.
    const chosen = chooseNamesake(ids, ctx, countries, r.when);
    return chosen
      ? mentionOf(c, chosen.id, { why: 'demonym', text: c.text, name: ctx.name(chosen.id) ?? chosen.id })
      : undefined;
  }
  // A surname shared by several people: one earlier full name decided above; otherwise
  // only the one head of state or government of that name ("Trump", "Obama").
  if (named.every((a) => a.kind === 'short')) return linkSharedShortForm(r, i, ids);
  // Namesakes by their full name: the one of a country the text is about, then the most
  // prominent; left alone when that does not decide.
  if (!/\s/.test(c.text) && partOfLongerName(text, c.start, c.end, false)) return undefined;
  const chosen = chooseNamesake(ids, ctx, countries, r.when);
  if (chosen)
    return mentionOf(c, chosen.id, {
      why: 'namesake',
      text: c.text,
      name: ctx.name(chosen.id) ?? chosen.id,
      decided: chosen.decided,
    });
  return undefined;
}
