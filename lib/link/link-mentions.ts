import { dayNumber, lastDayNumber } from '../factstore/day-number';
import type { EntityType } from '../factstore/schema';
import type { AliasEntry } from '../match/alias-index';
import type { Candidate } from '../match/find-candidates';
import { detectLanguage } from './language';
import { resolveMetonym } from './metonym';
import { neighbours } from './neighbours';

/** A linked mention: a span of the text and the entity it names. */
export interface Mention {
  entityId: string;
  /** Offsets into the scanned text. */
  start: number;
  end: number;
  /** The surface form as written. */
  text: string;
  /** Why this span was linked to this entity, in words a reader understands. */
  reason: string;
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
  const byLanguage = filterByLanguage(found, options.lang ?? (found.some(tagged) ? detectLanguage(text) : undefined));
  // An article cannot name an agreement signed or a body founded after it was written:
  // in a 2015 story, "the accord" is not a memorandum of 2025.
  const candidates = options.date ? beforeDate(byLanguage, ctx, lastDayNumber(options.date)) : byLanguage;
  // Among namesakes, the one in office when the article was written.
  const when = options.date
    ? { day: dayNumber(options.date), last: lastDayNumber(options.date), date: options.date }
    : undefined;
  // Entities named unambiguously by a full name, an acronym or a demonym anywhere in
  // the text: they anchor short forms and ambiguous aliases.
  const anchored = new Map<string, number>(); // entity id → first offset
  // The countries the text is about, and how often: those it names, and those of the people,
  // bodies and places it names. (An acronym alone does not say what the text is about: "AFP"
  // is also a Hungarian party.)
  const countries = new Map<string, number>();
  const count = (id: string) => {
    const country = ctx.countryOf(id) ?? (ctx.type(id) === 'place' ? id : undefined);
    if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
  };
  // A country's own acronym ("U.S.", "UK") does say what the text is about.
  // (A place of no prominence does not: "Hamilton" alone does not make a text about Bermuda.)
  const counts = (id: string, strong: readonly AliasEntry[]) =>
    !(ctx.type(id) === 'place' && ctx.rank?.(id) === 0) &&
    (strong.some((a) => a.kind !== 'acronym') || (ctx.type(id) === 'place' && ctx.countryOf(id) === undefined));
  for (const c of candidates) {
    const ids = entityIds(c.aliases);
    const strong = c.aliases.filter((a) => a.kind === 'name' || a.kind === 'acronym' || a.kind === 'demonym');
    if (ids.length === 1 && strong.length > 0) {
      const id = ids[0] as string;
      if (!anchored.has(id)) anchored.set(id, c.start);
      if (counts(id, strong)) count(id);
    }
  }
  // Full names and demonyms shared by namesakes ("Tony Abbott", "américaine"): the one the
  // context decides anchors the surname later ("Abbott") as a unique full name would.
  const decided = new Map<number, string>(); // where a namesake was chosen → why
  for (const c of candidates) {
    const strong = c.aliases.filter((a) => a.kind === 'name' || a.kind === 'acronym' || a.kind === 'demonym');
    const ids = entityIds(strong);
    if (ids.length < 2 || strong.length !== c.aliases.length || ids.some((id) => anchored.has(id))) continue;
    const chosen = chooseNamesake(ids, ctx, countries, when);
    if (chosen && !anchored.has(chosen.id)) {
      anchored.set(chosen.id, c.start);
      decided.set(c.start, chosen.why);
      if (counts(chosen.id, strong)) count(chosen.id);
    }
  }
  const mentions: Mention[] = [];
  const state: GenericState = { lastAgreement: undefined, when, decided };
  for (let i = 0; i < candidates.length; i++) {
    const m = linkOne(text, i, candidates, anchored, ctx, state, countries);
    if (m) mentions.push(m);
  }
  return mentions;
}

interface GenericState {
  /** The agreement the last generic phrase was linked to, and where. */
  lastAgreement: { id: string; end: number } | undefined;
  /** The article's date, when the page gives one. */
  when: ArticleTime | undefined;
  /** Full names shared by namesakes, decided before linking: where, and why. */
  decided: ReadonlyMap<number, string>;
}

/** The article's date: its first and last day (a month, "2015-03", spans one), and as written. */
interface ArticleTime {
  day: number;
  last: number;
  date: string;
}

const CAPITALISED_WORD_AFTER = /^[ \t]+\p{Lu}\p{Ll}/u;
const CAPITALISED_WORD_BEFORE = /\p{Lu}[\p{Ll}.]*[ \t]+$/u;
// Capitalised words that do not start a name: "In Baghdad", "The Iranian".
const FUNCTION_WORDS = new Set(
  'a an and as at about across after against before between both but by for from in into like near neither nor not of on or over than the to toward towards under via with within without'.split(
    ' ',
  ),
);

/**
 * Whether a multi-word surface is written as a name: "The bottom line" is not
 * "The Bottom" (a later word that the name capitalises is lower case here).
 */
function casingFits(surface: string, name: string | undefined): boolean {
  if (!name || !/\s/.test(surface)) return true;
  // Particles ("de la Raudière" for "de La Raudière") are written either way.
  const capitalised = new Set(
    name
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w) && w.length > 3)
      .map((w) => w.toLowerCase()),
  );
  return !surface
    .split(/\s+/)
    .slice(1)
    .some((w) => /^\p{Ll}/u.test(w) && capitalised.has(w.toLowerCase()));
}

/**
 * Whether a capitalised word that is no title and no function word comes right
 * before the span, even at the start of a sentence: "Philippe Martinez" is
 * not the Martinez of the store. (Stricter than {@link partOfLongerName}, for
 * surnames linked without a full name.)
 */
function givenNameBefore(text: string, start: number): boolean {
  const before = nameWordBefore(text, start);
  return before !== undefined && !SENTENCE_WORDS.has(before.word.toLowerCase());
}

// Words that start sentences before a name: "Yesterday Trump said", "When Obama…".
const SENTENCE_WORDS = new Set(
  'yesterday today tomorrow now then meanwhile however still later earlier also so when while once although though because if since here there this that these those what why how where who whom whose which last next every each said says asked told'.split(
    ' ',
  ),
);

/** Whether the line around a span is written in title case (most of its words capitalised). */
function inTitleCase(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', start) + 1, start - 120);
  let to = text.indexOf('\n', end);
  if (to < 0 || to > end + 120) to = Math.min(text.length, end + 120);
  const words = text.slice(from, to).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length < 3) return false;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.8;
}

/** A head of state's or government's title right before a name: "President Obama". */
const HEAD_TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Taoiseach|Pres\.|PM)[ \t]+$/u;

const TITLES = new Set(
  'president minister premier chancellor senator sen rep representative congressman congresswoman governor gov mayor secretary treasurer speaker leader chairman chairwoman chair king queen prince princess emperor pope ayatollah sheikh emir sultan general gen admiral adm colonel col judge justice ambassador commissioner mr mrs ms dr prof sir dame lord lady attorney-general counsel spokesman spokeswoman deputy vice'.split(
    ' ',
  ),
);

/**
 * Whether the span sits inside a longer capitalised name: "Lenny Bruce",
 * "New Jersey" (before), "Bruce Springsteen" (after, checked when `after`).
 * A capital that starts a sentence, or a function word ("In Baghdad"), does not count.
 */
function partOfLongerName(text: string, start: number, end: number, after: boolean): boolean {
  // In a headline in title case ("Trump Supporters Boo…") every word has a capital: asked
  // only when the neighbours say "longer name", as it reads the whole line.
  if (after && CAPITALISED_WORD_AFTER.test(text.slice(end, end + 3))) return !inTitleCase(text, start, end);
  const before = nameWordBefore(text, start);
  // "… Iraq. Bruce said": a capital that starts a sentence does not start a name.
  if (!before || before.startsSentence) return false;
  return !inTitleCase(text, start, end);
}

// What follows a demonym in a description rather than a name: "the Iranian Embassy",
// "Israeli Defense Forces", "Chinese state media", "Russian Federal Space Agency".
const DESCRIBED =
  /^(Embass(y|ies)|Consulates?|Missions?|Delegations?|Government|Cabinet|Ministr(y|ies)|Parliament|Army|Navy|Air|Armed|Forces?|Military|Troops|Soldiers|Police|Coast|Border|Security|Intelligence|Defen[cs]e|Foreign|Interior|Treasury|Economy|Federal|National|Central|State|Supreme|Courts?|Officials?|Authorities|Leaders?|Media|Press|Public|People|Opposition|Republic|Jews|Muslims|Christians|Arabs?|Kurds?)$/;

/**
 * Whether a demonym starts a longer name the store does not know: "Palestinian
 * Authority", "Chinese New Year", "French Open" (not "the Iranian Embassy",
 * "Iraqi Prime Minister", "Israeli Defense Forces", a demonym before a name
 * the store knows, or a headline in title case).
 */
function startsUnknownName(text: string, c: Candidate, next: Candidate | undefined): boolean {
  const after = /^[ \t]+(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(c.end, c.end + 40));
  if (!after) return false;
  const word = after[1] as string;
  if (next && next.start === c.end + (after[0].length - word.length)) return false;
  if (/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(word)) return false;
  // The capitalised words that follow, up to three: a title or a description among them
  // ("Prime Minister", "Foreign Ministry") makes them no name.
  for (const w of text
    .slice(c.end, c.end + 60)
    .trim()
    .split(/\s+/)
    .slice(0, 3)) {
    if (!/^\p{Lu}/u.test(w)) break;
    const bare = w.replace(/[.,;:’'s]+$/u, '');
    if (TITLES.has(bare.toLowerCase()) || DESCRIBED.test(bare)) return false;
  }
  return !inTitleCase(text, c.start, c.end);
}

/**
 * The capitalised word right before `start` that could be part of a name:
 * not a function word ("In Baghdad"), not a title ("President Obama", "Sen.
 * Warner"), not the end of a sentence ("Iraq. Bruce"); and whether it starts
 * a sentence itself.
 */
function nameWordBefore(text: string, start: number): { word: string; startsSentence: boolean } | undefined {
  const before = text.slice(Math.max(0, start - 30), start);
  const m = CAPITALISED_WORD_BEFORE.exec(before);
  if (!m) return undefined;
  const word = m[0].trim();
  const lower = word.toLowerCase();
  if (word.endsWith('.') || FUNCTION_WORDS.has(lower) || TITLES.has(lower)) return undefined;
  // A hashtag ("#Hamilton Chicago show") is a word of its own, not the start of a name.
  if (before[m.index - 1] === '#') return undefined;
  const preceding = before.slice(0, m.index).trimEnd();
  return { word, startsSentence: preceding === '' || /[.!?:"”“]$/.test(preceding) };
}

/** The primary language subtag: "fr-FR" → "fr". */
function baseLang(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether any of a candidate's aliases is tagged with a language. */
const tagged = (c: Candidate) => c.aliases.some((a) => a.lang !== undefined);

/** The candidates with only the aliases `keep` accepts; a candidate left with none is dropped. */
function keepAliases(candidates: readonly Candidate[], keep: (a: AliasEntry) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const aliases = c.aliases.filter(keep);
    if (aliases.length === c.aliases.length) out.push(c);
    else if (aliases.length > 0) out.push({ ...c, aliases });
  }
  return out;
}

/**
 * Drops aliases tagged with another language than the page's: the German and
 * Swedish "Island" (Iceland) is not linked on an English page. Untagged
 * aliases, and every alias on a page of unknown language, stay.
 */
function filterByLanguage(candidates: readonly Candidate[], pageLang: string | undefined): Candidate[] {
  if (!pageLang) return [...candidates];
  const page = baseLang(pageLang);
  return keepAliases(candidates, (a) => !a.lang || baseLang(a.lang) === page);
}

/** Drops aliases of entities that began (signed, founded) after the article's date (a day number). */
function beforeDate(candidates: readonly Candidate[], ctx: LinkContext, day: number): Candidate[] {
  const begins = ctx.begins;
  if (day === 0 || !begins) return [...candidates];
  return keepAliases(candidates, (a) => begins(a.entityId) <= day);
}

function entityIds(aliases: readonly AliasEntry[]): string[] {
  return [...new Set(aliases.map((a) => a.entityId))];
}

function linkOne(
  text: string,
  i: number,
  all: readonly Candidate[],
  anchored: ReadonlyMap<string, number>,
  ctx: LinkContext,
  state: GenericState,
  countries: ReadonlyMap<string, number>,
): Mention | undefined {
  const c = all[i] as Candidate;
  const mention = (entityId: string, reason: string): Mention => ({
    entityId,
    start: c.start,
    end: c.end,
    text: c.text,
    reason,
  });
  // Part of a hyphenated compound whose other part is no name: "Soyuz-FG", "Progress MS-04",
  // "Urban-Brookings", "African-American" (but "Iraq-Iran" names both).
  const prev = all[i - 1];
  const next = all[i + 1];
  // ("anti-Trump", "pro-Russian", "ex-Labour": a prefix, not another name.)
  const joinedBefore =
    /[\p{L}\p{N}][-‐]$/u.test(text.slice(Math.max(0, c.start - 2), c.start)) &&
    !/(^|[^\p{L}])(anti|pro|ex|post|pre|non|neo|pan|mid|then|former)[-‐]$/iu.test(
      text.slice(Math.max(0, c.start - 8), c.start),
    );
  const joinedAfter = /^[-‐][\p{L}\p{N}]/u.test(text.slice(c.end, c.end + 2));
  const isName = (o: Candidate | undefined) =>
    o?.aliases.some((a) => a.kind !== 'short' && a.kind !== 'generic') ?? false;
  // A body's short form after a place the store knows is not part of a longer unknown
  // name: "a Virginia Democrat", "an Oklahoma Republican".
  const afterPlace =
    prev !== undefined &&
    /^[ \t]+$/.test(text.slice(prev.end, c.start)) &&
    prev.aliases.some((a) => a.kind !== 'generic' && ctx.type(a.entityId) === 'place');
  const inLongerName = (id: string | undefined) =>
    afterPlace && id !== undefined && ctx.type(id) !== 'person'
      ? CAPITALISED_WORD_AFTER.test(text.slice(c.end, c.end + 3)) && !inTitleCase(text, c.start, c.end)
      : partOfLongerName(text, c.start, c.end, true);
  if (
    (joinedBefore && !(prev?.end === c.start - 1 && isName(prev))) ||
    (joinedAfter && !(next?.start === c.end + 1 && isName(next)))
  )
    return undefined;
  // A short word in capitals ("FAI", an acronym) is not a name written "Fai".
  const shouting = c.text.length <= 4 && /^\p{Lu}+$/u.test(c.text);
  const generic = c.aliases.filter((a) => a.kind === 'generic');
  // "MoU" is the memorandum, not the surname of someone the text never named.
  const earlier = (a: AliasEntry) => (anchored.get(a.entityId) ?? Number.POSITIVE_INFINITY) < c.start;
  if (generic.length > 0 && c.aliases.every((a) => a.kind === 'generic' || (a.kind === 'short' && !earlier(a))))
    return linkGeneric(text, i, all, ctx, state);

  const specific = c.aliases.filter((a) => a.kind !== 'generic');
  if (specific.some((a) => a.kind === 'metonym')) {
    const resolved = resolveMetonym(text, i, all, ctx);
    if (resolved) return mention(resolved.entityId, resolved.reason);
  }
  let named = specific.filter(
    (a) =>
      a.kind !== 'metonym' &&
      casingFits(c.text, ctx.name(a.entityId)) &&
      !(shouting && (a.kind === 'short' || a.kind === 'name') && a.cased === undefined),
  );
  // The acronym of a national body (a party, a ministry) only where the text is about its
  // country: "AFP" is the news agency, not a Hungarian party of that name.
  named = named.filter((a) => {
    if (a.kind !== 'acronym') return true;
    const country = ctx.countryOf(a.entityId);
    return country === undefined || ctx.type(a.entityId) === 'person' || countries.has(country);
  });
  if (named.length === 0 && !specific.some((a) => a.kind === 'metonym')) return undefined;
  // A full name, acronym or demonym beats other people's surnames ("Paris" the city, not
  // Valentina Paris), unless the text named that person before.
  if (named.some((a) => a.kind !== 'short')) {
    named = named.filter((a) => a.kind !== 'short' || (anchored.get(a.entityId) ?? Number.POSITIVE_INFINITY) < c.start);
  }
  const ids = entityIds(named);
  if (ids.length === 1) {
    const id = ids[0] as string;
    const alias = named[0] as AliasEntry;
    const name = ctx.name(id) ?? id;
    switch (alias.kind) {
      case 'short': {
        // "Bruce" in "Bruce Springsteen" or "Lenny Bruce" is part of another name.
        if (inLongerName(id)) return undefined;
        const first = anchored.get(id);
        if (first !== undefined && first < c.start)
          return mention(id, `“${c.text}” after “${name}” earlier in the text`);
        // A surname alone, with no full name before it, only for a head of state or
        // government: among a hundred thousand people, most surnames are also someone else's.
        if ((ctx.rank?.(id) ?? 3) >= 3 && !givenNameBefore(text, c.start))
          return mention(id, `the only “${c.text}” in the fact store`);
        // An institution's short form ("Congress", "the Fed") where the text is about its country.
        const country = ctx.countryOf(id);
        // (Written with a capital: "la droite" is the right, not a party called "Droite".)
        if (ctx.type(id) !== 'person' && country && countries.has(country) && /^\p{Lu}/u.test(c.text))
          return mention(id, `“${c.text}”: ${name}, in a text about ${ctx.name(country) ?? country}`);
        return undefined;
      }
      case 'demonym':
        if (startsUnknownName(text, c, next)) return undefined;
        return mention(id, `“${c.text}” is the demonym of ${name}`);
      default:
        // A one-word name after another capitalised word is part of a longer
        // name the store does not know: "New Jersey" is not Jersey.
        // A person known by one name ("Philippe", the King of the Belgians) is not the
        // Philippe of "Philippe Martinez": a capitalised word after it makes another name.
        if (!/\s/.test(c.text) && partOfLongerName(text, c.start, c.end, ctx.type(id) === 'person')) return undefined;
        // A place of no prominence (a territory's small capital: "Hamilton", Bermuda) only in a
        // text about its country.
        if (ctx.type(id) === 'place' && (ctx.rank?.(id) ?? 1) === 0) {
          const country = ctx.countryOf(id);
          if (country && !countries.has(country)) return undefined;
        }
        return mention(id, `“${c.text}” is a name of ${name}`);
    }
  }
  // Several entities share this alias: take the one the text names elsewhere.
  const elsewhere = ids.filter((id) => anchored.has(id));
  if (elsewhere.length === 1) {
    const id = elsewhere[0] as string;
    if ((anchored.get(id) as number) < c.start)
      return mention(id, `“${c.text}” after “${ctx.name(id) ?? id}” earlier in the text`);
    const why = anchored.get(id) === c.start ? state.decided.get(c.start) : undefined;
    if (why) return mention(id, `“${c.text}” could be several entries; ${ctx.name(id) ?? id}: ${why}`);
    return mention(id, `“${c.text}” could be several entries; the text also names ${ctx.name(id) ?? id}`);
  }
  if (named.some((a) => a.kind === 'demonym')) {
    // "Français", "américaine": the demonym of a country and of its territories; the country.
    if (startsUnknownName(text, c, next)) return undefined;
    const chosen = chooseNamesake(ids, ctx, countries, state.when);
    return chosen ? mention(chosen.id, `“${c.text}” is the demonym of ${ctx.name(chosen.id) ?? chosen.id}`) : undefined;
  }
  if (named.every((a) => a.kind === 'short')) {
    // A surname shared by several people: one earlier full name decided above; otherwise
    // only the one head of state or government of that name ("Trump", "Obama").
    if (inLongerName(ids.every((id) => ctx.type(id) !== 'person') ? ids[0] : undefined)) return undefined;
    const heads = ids.filter((id) => ctx.type(id) === 'person' && (ctx.rank?.(id) ?? 0) >= 3);
    if (heads.length === 1 && !givenNameBefore(text, c.start)) {
      const id = heads[0] as string;
      return mention(id, `“${c.text}”: the only head of state or government of that name, ${ctx.name(id) ?? id}`);
    }
    // Several heads of that name ("Obama": the US president, an Equatorial Guinean prime
    // minister): the one of the country the text is about, if it names one of theirs; after
    // a head's title ("President Obama"), else the most prominent of them.
    if (heads.length > 1 && !givenNameBefore(text, c.start)) {
      const chosen = chooseNamesake(heads, ctx, countries, state.when);
      const country = chosen ? ctx.countryOf(chosen.id) : undefined;
      if (
        chosen &&
        ((country && countries.has(country)) || HEAD_TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start)))
      )
        return mention(chosen.id, `“${c.text}”: ${ctx.name(chosen.id) ?? chosen.id}, ${chosen.why}`);
    }
    const local = ids.filter((id) => {
      const country = ctx.countryOf(id);
      return ctx.type(id) !== 'person' && country !== undefined && countries.has(country);
    });
    const chosen =
      heads.length === 0 && local.length > 0 ? chooseNamesake(local, ctx, countries, state.when) : undefined;
    if (chosen) {
      const country = ctx.countryOf(chosen.id) ?? '';
      return mention(
        chosen.id,
        `“${c.text}”: ${ctx.name(chosen.id) ?? chosen.id}, in a text about ${ctx.name(country) ?? country}`,
      );
    }
    return undefined;
  }
  // Namesakes by their full name: the one of a country the text is about, then the most
  // prominent; left alone when that does not decide.
  if (!/\s/.test(c.text) && partOfLongerName(text, c.start, c.end, false)) return undefined;
  const chosen = chooseNamesake(ids, ctx, countries, state.when);
  if (chosen)
    return mention(
      chosen.id,
      `“${c.text}” could be several entries; ${ctx.name(chosen.id) ?? chosen.id}: ${chosen.why}`,
    );
  return undefined;
}

/**
 * Among namesakes, the one of a country the text is about, then the one in
 * office at the article's date (when the page gives one and only one of them
 * was), then the most prominent (rank), then the one of the country with the
 * most entries; none when that does not decide.
 */
function chooseNamesake(
  ids: readonly string[],
  ctx: LinkContext,
  countries: ReadonlyMap<string, number>,
  when?: ArticleTime,
): { id: string; why: string } | undefined {
  const inOffice = (id: string) => {
    const span = when ? ctx.span?.(id) : undefined;
    return when !== undefined && span !== undefined && span[0] <= when.last && (span[1] === 0 || span[1] >= when.day);
  };
  const then = when ? ids.filter(inOffice) : [];
  const scored = ids
    .map((id) => {
      const country = ctx.countryOf(id);
      const times = country === undefined ? 0 : (countries.get(country) ?? 0);
      const here = times > 0;
      // The country the text names most wins ("Senate" in a text about the US that also names Argentina).
      return {
        id,
        here,
        score:
          // (Below the country the text is about: "the Obama administration" in 2018 is still Barack Obama's.)
          (then.length === 1 && then[0] === id ? 5 : 0) +
          (here ? 10 + Math.min(5, times) : 0) +
          (ctx.rank?.(id) ?? 0) +
          (ctx.weight?.(id) ?? 0) / 1000,
      };
    })
    .sort((a, b) => b.score - a.score);
  const [top, second] = scored;
  if (!top || (second && top.score === second.score)) return undefined;
  const country = ctx.countryOf(top.id);
  // What decided: the date, where the country did not (both namesakes of the country).
  const byDate = then.length === 1 && then[0] === top.id && (!second || second.here === top.here);
  const why = byDate
    ? `in office when the article was written (${when?.date})`
    : top.here
      ? `the text is about ${ctx.name(country ?? '') ?? country}`
      : 'the most prominent of that name';
  return { id: top.id, why };
}

const YEAR = /\b(19|20)\d{2}\b/g;
const NEW_CUE = /\b(new|newly|recent|recently|latest|fresh)\b/i;
/** How far back (in characters) "the agreement" may refer to the last one named. */
const BACK_REFERENCE_WINDOW = 1500;

/**
 * A generic phrase ("the pact", "the MoU") is linked to the agreement that the
 * paragraph points to: at least two of its parties, signatories, place of
 * signing or related entities named there (a capital counts for its country),
 * with a year written there that fits its signing as the strongest sign, and
 * the newest as the tie-break. With no such paragraph evidence it refers back
 * to the agreement linked just before; otherwise it is left alone.
 */
function linkGeneric(
  text: string,
  i: number,
  all: readonly Candidate[],
  ctx: LinkContext,
  state: GenericState,
): Mention | undefined {
  const c = all[i] as Candidate;
  const paraStart = text.lastIndexOf('\n', c.start) + 1;
  const nl = text.indexOf('\n', c.end);
  const paraEnd = nl === -1 ? text.length : nl;
  const inPara = new Set<string>();
  for (const o of neighbours(all, i, paraStart, paraEnd)) {
    for (const a of o.aliases) {
      if (a.kind === 'generic') continue;
      inPara.add(a.entityId);
      const country = ctx.countryOf(a.entityId);
      if (country) inPara.add(country);
    }
  }
  const years = [...text.slice(paraStart, paraEnd).matchAll(YEAR)].map((m) => Number(m[0]));
  // "a newly signed agreement", "the new pact": the most recent one.
  const saysNew = NEW_CUE.test(text.slice(Math.max(paraStart, c.start - 40), c.start));
  let best: { id: string; score: number; why: string } | undefined;
  for (const id of entityIds(c.aliases)) {
    const agreement = ctx.agreement(id);
    if (!agreement) continue;
    let named = 0;
    for (const e of agreement.evidence) if (inPara.has(e)) named++;
    if (named < 2) continue;
    const yearFits = years.includes(agreement.year);
    // Among agreements that fit equally, the newest: news is mostly about it.
    const score = named + (yearFits ? 10 : 0) + agreement.year / 10_000 + (saysNew ? agreement.year / 1_000 : 0);
    const why = yearFits
      ? `the paragraph names ${agreement.year} and those involved in ${ctx.name(id) ?? id}`
      : `the paragraph names those involved in ${ctx.name(id) ?? id}`;
    if (!best || score > best.score) best = { id, score, why };
  }
  const mention = (id: string, reason: string): Mention => {
    state.lastAgreement = { id, end: c.end };
    return { entityId: id, start: c.start, end: c.end, text: c.text, reason };
  };
  if (best) return mention(best.id, `“${c.text}”: ${best.why}`);
  const last = state.lastAgreement;
  if (last && c.start - last.end < BACK_REFERENCE_WINDOW && entityIds(c.aliases).includes(last.id)) {
    return mention(last.id, `“${c.text}” refers back to ${ctx.name(last.id) ?? last.id}, named just before`);
  }
  return undefined;
}
