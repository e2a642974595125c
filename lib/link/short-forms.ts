import type { Candidate } from '../match/find-candidates';
import { CAPITALISED_WORD_AFTER, givenNameBefore, inTitleCase, partOfLongerName } from './capitals';
import type { Mention } from './link-mentions';
import { chooseNamesake } from './namesakes';
import { mentionOf, type Reading } from './reading';

// Short forms: a surname alone ("Abbott", "Obama"), a body's short name
// ("Congress", "the Fed"). Among a hundred thousand entities most short forms
// are someone else's too, so each is linked only on evidence in the text.

/** A head of state's or government's title right before a name: "President Obama". */
const HEAD_TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:President|President-elect|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Taoiseach|Pres\.|PM)[ \t]+$/u;

/**
 * A lower chamber's name clipped to an everyday word (the builder gives it to
 * chambers called "House of …" and "Assemblée nationale"): the chamber only
 * after its article ("passed the House", "à l'Assemblée") or before a party's
 * members ("House Republicans"); otherwise a house, or another body's name
 * ("House prices", "the House of Cards", "l'Assemblée de Corse").
 */
const CLIPPED_CHAMBERS = new Set(['House', 'Assemblée']);

// A party's members in lower case ("socialistes") only as people: after an article or a word for
// a person ("les socialistes", "députés socialistes", "l'écologiste"), not as an adjective ("le
// régime communiste", "le bloc communiste", "le gouvernement socialiste espagnol").
const MEMBER_BEFORE =
  /(^|[^\p{L}])(les|des|aux|un|une|l['’]|d['’]|députée?s?|élue?s?|sénat(?:eur|rice)s?|ministres?|maires?|candidate?s?|militante?s?|dirigeante?s?|responsables?)[ \t]*$/iu;

/** Whether a lower-case member form names the party's people here (see MEMBER_BEFORE). */
function asMembers(r: Reading, i: number): boolean {
  const c = r.all[i] as Candidate;
  // (Only a party's member form in another language: "al-Araji", a surname, is no adjective.)
  const memberForm = c.aliases.some(
    (a) => a.kind === 'short' && a.lang !== undefined && r.ctx.type(a.entityId) === 'organization',
  );
  if (/^\p{Lu}/u.test(c.text) || !memberForm) return true;
  const next = r.all[i + 1];
  const demonymAfter =
    next !== undefined &&
    /^[ \t]+$/.test(r.text.slice(c.end, next.start)) &&
    next.aliases.some((a) => a.kind === 'demonym');
  return MEMBER_BEFORE.test(r.text.slice(Math.max(0, c.start - 12), c.start)) && !demonymAfter;
}

/** Whether a clipped chamber's name is written as the chamber here (see CLIPPED_CHAMBERS). */
function chamberWord(r: Reading, i: number): boolean {
  const c = r.all[i] as Candidate;
  if (partyAfter(r, i)) return true;
  return (
    /(^|[^\p{L}])(the[ \t]+|l['’])$/iu.test(r.text.slice(Math.max(0, c.start - 5), c.start)) &&
    !OTHER_NAME_AFTER.test(r.text.slice(c.end, c.end + 40))
  );
}

/** Whether the span is written as a body's short form or a party's members here. */
function writtenAsShortForm(r: Reading, i: number): boolean {
  const c = r.all[i] as Candidate;
  return asMembers(r, i) && (!CLIPPED_CHAMBERS.has(c.text) || chamberWord(r, i));
}

/**
 * A party's members named right after the span, and no name before it: "Senate Republicans",
 * "House Democrats" (not "Texas House Republicans", a state's chamber, nor "Parliament House").
 */
function partyAfter(r: Reading, i: number): boolean {
  const c = r.all[i] as Candidate;
  const next = r.all[i + 1];
  return (
    next !== undefined &&
    /^[ \t]+$/.test(r.text.slice(c.end, next.start)) &&
    next.aliases.some((a) => a.kind === 'short' && a.entityId.startsWith('party-')) &&
    !CAPITALISED_BEFORE.test(r.text.slice(Math.max(0, c.start - 30), c.start))
  );
}

// A capitalised word (not "The") right before a span: "Texas House".
const CAPITALISED_BEFORE = /(^|[^\p{L}])(?!The\b)\p{Lu}[\p{L}.'’-]*[ \t]+$/u;

// What makes a clipped chamber's name part of another: a title's "of", "on", "at" or "in" and a
// capital ("the House of the Dragon", "the House on Haunted Hill"; not "the House on Tuesday"),
// or French "de", "des", "du" ("l'Assemblée de Corse", "l'Assemblée des évêques").
const OTHER_NAME_AFTER =
  /^(?:[ \t]+(?:of|on|at|in)[ \t]+(?:the[ \t]+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}|[ \t]+(?:de|des|du)\b|[ \t]+d['’])/u;

/**
 * Whether the short form is part of a longer name: "Bruce" in "Bruce
 * Springsteen" or "Lenny Bruce". `id`, when given, is the entity it would name.
 */
function inLongerName(r: Reading, i: number, id: string | undefined): boolean {
  const { text, all, ctx } = r;
  const c = all[i] as Candidate;
  // A body before its members' party is no longer name: "Senate Republicans".
  if (id !== undefined && ctx.type(id) === 'organization' && partyAfter(r, i)) return false;
  const prev = all[i - 1];
  // A body's short form after a place or a body the store knows is not part of a longer
  // unknown name: "a Virginia Democrat", "an Oklahoma Republican", "Senate Republicans".
  const afterKnown =
    prev !== undefined &&
    /^[ \t]+$/.test(text.slice(prev.end, c.start)) &&
    prev.aliases.some(
      (a) =>
        a.kind !== 'generic' &&
        (ctx.type(a.entityId) === 'place' || (a.kind === 'short' && ctx.type(a.entityId) === 'organization')),
    );
  return afterKnown && id !== undefined && ctx.type(id) !== 'person'
    ? CAPITALISED_WORD_AFTER.test(text.slice(c.end, c.end + 3)) && !inTitleCase(text, c.start, c.end)
    : partOfLongerName(text, c.start, c.end, true);
}

/**
 * Whether a head of state's or government's surname, alone, is theirs here: some name in the
 * text is one of their country's ("Paris", "the White House", "Russian"; see `Reading.touched`),
 * or their title comes before it ("President Obama"). Hundreds of heads share their surname with
 * a word, a given name or a character: "the board game Simon", "the Moon", "translated into
 * English", "Lady Bird", "Note:" are no governor-general's, president's or prime minister's.
 */
function headHere(r: Reading, c: Candidate, id: string): boolean {
  const country = r.ctx.countryOf(id);
  return (country !== undefined && r.touched.has(country)) || headTitleBefore(r, c);
}

const headTitleBefore = (r: Reading, c: Candidate) =>
  HEAD_TITLE_BEFORE.test(r.text.slice(Math.max(0, c.start - 40), c.start));

/**
 * A surname the store gives only to others, after the full name of someone else the text names:
 * "Allen" after "Katie Allen", whose surname is no alias of hers in the data, is hers, not a
 * namesake's. Left to the other rules when two people named in full share it.
 */
export function linkSurnameOfNamed(r: Reading, i: number): Mention | undefined {
  const c = r.all[i] as Candidate;
  if (r.surnames.size === 0 || /\s/.test(c.text)) return undefined;
  const named = r.surnames.get(c.text.replace(/['’]s$/u, ''));
  if (!named || named.at >= c.start || !c.aliases.every((a) => a.kind === 'short' && a.entityId !== named.id))
    return undefined;
  // After a head's title, a head of that surname, not a relative named before: "Paolo Duterte …
  // President Duterte".
  if (
    (r.ctx.rank?.(named.id) ?? 0) < 3 &&
    headTitleBefore(r, c) &&
    c.aliases.some((a) => (r.ctx.rank?.(a.entityId) ?? 0) >= 3)
  )
    return undefined;
  if (!writtenAsShortForm(r, i) || inLongerName(r, i, named.id)) return undefined;
  return mentionOf(c, named.id, { why: 'after', text: c.text, name: r.ctx.name(named.id) ?? named.id });
}

/** A short form of one entity only: after its full name, or alone for a head of state or a body of the text's country. */
export function linkShortForm(r: Reading, i: number, id: string): Mention | undefined {
  const { text, ctx, anchored, countries } = r;
  const c = r.all[i] as Candidate;
  if (!writtenAsShortForm(r, i)) return undefined;
  const name = ctx.name(id) ?? id;
  if (inLongerName(r, i, id)) return undefined;
  const first = anchored.get(id);
  if (first !== undefined && first < c.start) return mentionOf(c, id, { why: 'after', text: c.text, name });
  // A surname alone, with no full name before it, only for a head of state or
  // government: among a hundred thousand people, most surnames are also someone else's.
  if ((ctx.rank?.(id) ?? 3) >= 3 && !givenNameBefore(text, c.start) && headHere(r, c, id))
    return mentionOf(c, id, { why: 'onlyOne', text: c.text });
  // An institution's short form ("Congress", "the Fed") where the text is about its country.
  const country = ctx.countryOf(id);
  // (Written with a capital: "la droite" is the right, not a party called "Droite"; but a party's
  // members in French, an alias of that language, are written in lower case: "les socialistes".)
  const asWritten =
    /^\p{Lu}/u.test(c.text) || c.aliases.some((a) => a.entityId === id && a.kind === 'short' && a.lang !== undefined);
  if (ctx.type(id) !== 'person' && country && countries.has(country) && asWritten)
    return mentionOf(c, id, {
      why: 'short',
      text: c.text,
      name,
      decided: { by: 'country', country: ctx.name(country) ?? country },
    });
  return undefined;
}

/**
 * A short form shared by several entities, none named earlier: the one head of
 * state or government of that name ("Trump"), else the head or body of the
 * country the text is about; otherwise left alone.
 */
export function linkSharedShortForm(r: Reading, i: number, shared: readonly string[]): Mention | undefined {
  const { text, ctx, countries } = r;
  const c = r.all[i] as Candidate;
  if (!writtenAsShortForm(r, i)) return undefined;
  // A clipped chamber's name, written as one, is a body's, not someone's surname ("Barry House").
  const ids = CLIPPED_CHAMBERS.has(c.text) ? shared.filter((id) => ctx.type(id) === 'organization') : shared;
  if (inLongerName(r, i, ids.every((id) => ctx.type(id) !== 'person') ? ids[0] : undefined)) return undefined;
  const heads = ids.filter((id) => ctx.type(id) === 'person' && (ctx.rank?.(id) ?? 0) >= 3);
  if (heads.length === 1 && !givenNameBefore(text, c.start) && headHere(r, c, heads[0] as string)) {
    const id = heads[0] as string;
    return mentionOf(c, id, { why: 'onlyHead', text: c.text, name: ctx.name(id) ?? id });
  }
  // Several heads of that name ("Obama": the US president, an Equatorial Guinean prime
  // minister): the one of the country the text is about, if it names one of theirs; after
  // a head's title ("President Obama"), else the most prominent of them.
  if (heads.length > 1 && !givenNameBefore(text, c.start)) {
    const chosen = chooseNamesake(heads, ctx, countries, r.when);
    const country = chosen ? ctx.countryOf(chosen.id) : undefined;
    if (
      chosen &&
      ((country && countries.has(country)) || HEAD_TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start)))
    )
      return mentionOf(c, chosen.id, {
        why: 'short',
        text: c.text,
        name: ctx.name(chosen.id) ?? chosen.id,
        decided: chosen.decided,
      });
  }
  const local = ids.filter((id) => {
    const country = ctx.countryOf(id);
    return ctx.type(id) !== 'person' && country !== undefined && countries.has(country);
  });
  const chosen = heads.length === 0 && local.length > 0 ? chooseNamesake(local, ctx, countries, r.when) : undefined;
  if (chosen) {
    const country = ctx.countryOf(chosen.id) ?? '';
    return mentionOf(c, chosen.id, {
      why: 'short',
      text: c.text,
      name: ctx.name(chosen.id) ?? chosen.id,
      decided: { by: 'country', country: ctx.name(country) ?? country },
    });
  }
  return undefined;
}
