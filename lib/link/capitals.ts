import type { Candidate } from '../match/find-candidates';

// What the capital letters around a span say: whether it is written as a name,
// part of a longer name the store does not know, or in a headline where every
// word has a capital. Strings and offsets only; every linking rule asks these.

/** A prefix joined by a hyphen right before: "anti-Trump", "pro-Russian", "ex-Labour", "Un-Angry". */
export const PREFIX_BEFORE = /(^|[^\p{L}])(anti|pro|ex|post|pre|non|neo|pan|mid|then|former|un|never|self)[-‐]$/iu;

/** A capitalised word (two letters at least) right after the span. */
export const CAPITALISED_WORD_AFTER = /^[ \t]+\p{Lu}\p{Ll}/u;
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
 * Other languages write the later words of a body's name in lower case ("la
 * Cour de cassation"): on a page not in English only the word after a leading
 * article must keep its capital ("La réunion" is no Réunion, "Los ángeles" no
 * Los Angeles).
 */
export function casingFits(surface: string, name: string | undefined, english = true): boolean {
  if (!name || !/\s/.test(surface)) return true;
  const words = surface.split(/\s+/);
  // In English a name's later words have capitals, are particles before one ("Osama bin
  // Laden", "Bashar al-Assad"), or are so in the name itself ("Diageo plc", "Pro-democracy
  // camp"): "We can" at a sentence's start is no party called We Can.
  if (english && words.slice(1).every((w) => /^\p{Ll}+$/u.test(w) && !name.split(/\s+/).includes(w))) return false;
  const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // Particles ("de la Raudière" for "de La Raudière") are written either way.
  const capitalised = new Set(
    name
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w) && (w.length > 3 || !english))
      .map(fold),
  );
  const checked = english ? words.slice(1) : ARTICLES.has(fold(words[0] ?? '')) ? words.slice(1, 2) : [];
  return !checked.some((w) => /^\p{Ll}/u.test(w) && capitalised.has(fold(w)));
}

const ARTICLES = new Set([
  'la',
  'le',
  'les',
  'el',
  'los',
  'las',
  'il',
  'lo',
  'der',
  'die',
  'das',
  'de',
  'o',
  'a',
  'os',
  'as',
]);

/**
 * Whether a capitalised word that is no title and no function word comes right
 * before the span, even at the start of a sentence: "Philippe Martinez" is
 * not the Martinez of the store. (Stricter than {@link partOfLongerName}, for
 * surnames linked without a full name.)
 */
export function givenNameBefore(text: string, start: number): boolean {
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
export function inTitleCase(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', start) + 1, start - 120);
  let to = text.indexOf('\n', end);
  if (to < 0 || to > end + 120) to = Math.min(text.length, end + 120);
  const words = text.slice(from, to).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length < 3) return false;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.8;
}

// Titles, which come before a name without being part of it: "Sen. Warner", "Iraqi Prime Minister".
const TITLES = new Set(
  'president minister premier chancellor senator sen rep representative congressman congresswoman governor gov mayor secretary treasurer speaker leader chairman chairwoman chair king queen prince princess emperor pope ayatollah sheikh emir sultan general gen admiral adm colonel col judge justice ambassador commissioner mr mrs ms dr prof sir dame lord lady attorney-general counsel spokesman spokeswoman spokesperson deputy vice chief ceo executive founder politburo secretary-general'.split(
    ' ',
  ),
);

/**
 * Whether the span sits inside a longer capitalised name: "Lenny Bruce",
 * "New Jersey" (before), "Bruce Springsteen" (after, checked when `after`).
 * A capital that starts a sentence, or a function word ("In Baghdad"), does not count.
 */
export function partOfLongerName(text: string, start: number, end: number, after: boolean): boolean {
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
  /^(Embass(y|ies)|Consulates?|Missions?|Delegations?|Government|Cabinet|Ministr(y|ies)|Parliament|Army|Navy|Air|Armed|Forces?|Military|Troops|Soldiers|Police|Coast|Border|Security|Intelligence|Defen[cs]e|Foreign|Interior|Treasury|Economy|Federal|National|Central|State|Supreme|Courts?|Officials?|Authorities|Leaders?|Media|Press|Public|People|Opposition|Republic|Jews?|Muslims?|Christians?|Arabs?|Kurds?|Islamists?|Copts?|Sunnis?|Shiites?|Shias?|Catholics?|Protestants?|Region|Oblast|County|Province|Krai|District|Governorate|Prefecture)$/;

// One or two capitalised words, then a lower-case noun for a kind of place.
const PLACE_NOUN_AFTER =
  /^[ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)?[ \t]+(region|province|republic|state|district|county|city|town|village|oblast|krai|prefecture|governorate|territory|island|valley|mountains|desert|border|coast)\b/u;

/** A word without what may follow it in a sentence: "Copts." → "Copts", "Assad's" → "Assad". */
const bareWord = (w: string) => w.replace(/(['’]s)?[.,;:!?’']*$/u, '');

/** Whether the capitalised word right after `end` is a title: "Microsoft President Brad Smith", "Boeing Chief …". */
export function titleAfter(text: string, end: number): boolean {
  const m = /^[ \t]+(\p{Lu}[\p{L}.'’-]*)/u.exec(text.slice(end, end + 30));
  return m !== null && TITLES.has(bareWord(m[1] as string).toLowerCase());
}

/**
 * Whether a demonym starts a longer name the store does not know: "Palestinian
 * Authority", "Chinese New Year", "French Open" (not "the Iranian Embassy",
 * "Iraqi Prime Minister", "Israeli Defense Forces", a demonym before a name
 * the store knows, or a headline in title case).
 */
export function startsUnknownName(text: string, c: Candidate, next: Candidate | undefined): boolean {
  const after = /^[ \t]+(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(c.end, c.end + 40));
  if (!after) return false;
  const word = after[1] as string;
  if (next && next.start === c.end + (after[0].length - word.length)) return false;
  // (Nor a date: "Israel Oct. 7", "China September 3", as American news writes it without "on".)
  if (
    /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/.test(
      word,
    )
  )
    return false;
  // A place's name before a lower-case noun for a place is not a longer name the demonym
  // starts: "the remote Russian Tuva region", "the Chinese Xinjiang province".
  // (Not "the French Quarter district", "the Irish Sea coast": a sea or a quarter is no such place.)
  const placeAfter = PLACE_NOUN_AFTER.exec(text.slice(c.end, c.end + 60));
  if (placeAfter && !/\b(Sea|Ocean|Gulf|Channel|Quarter|Strait|River|Lake|Bay)\b/.test(placeAfter[0])) return false;
  // The capitalised words that follow, up to three: a title or a description among them
  // ("Prime Minister", "Foreign Ministry") makes them no name.
  for (const w of text
    .slice(c.end, c.end + 60)
    .trim()
    .split(/\s+/)
    .slice(0, 3)) {
    if (!/^\p{Lu}/u.test(w)) break;
    const bare = bareWord(w);
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
  // Nor is a word after a prefix ("Un-Angry Trump Supporters", "Anti-War Obama"): an adjective.
  if (PREFIX_BEFORE.test(before.slice(0, m.index))) return undefined;
  const preceding = before.slice(0, m.index).trimEnd();
  return { word, startsSentence: preceding === '' || /[.!?:"”“]$/.test(preceding) };
}
