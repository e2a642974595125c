import type { Candidate } from '../match/find-candidates';
import { LEGAL_SUFFIX } from '../text/legal-form';
import { PREFIX_BEFORE } from './capitals';
import { once, type Reading } from './reading';

// What the words around a candidate say about it, before any entity is weighed:
// half of a compound or of a handle, a language rather than a country, a thing
// named after a company, a body's fuller name, a state rather than its city.
// Strings and offsets; link-one.ts asks these.

// A participle after a name and a hyphen: the name as what is based, led or owned there or by it.
const PARTICIPLE_AFTER =
  /^[-‐](based|led|owned|born|backed|funded|financed|made|run|controlled|brokered|bound|headquartered|listed|allied|aligned|sponsored|supported|registered|flagged|educated|trained|appointed|installed|occupied|held|annexed|administered)\b/u;

/**
 * Whether candidate `c` is half of a hyphenated compound whose other half is no
 * name: "Soyuz-FG", "Progress MS-04", "Urban-Brookings", "African-American"
 * (but "Iraq-Iran" names both, and "London-based" London).
 */
export function inCompound(
  text: string,
  c: Candidate,
  prev: Candidate | undefined,
  next: Candidate | undefined,
): boolean {
  // ("anti-Trump", "pro-Russian", "ex-Labour": a prefix, not another name.)
  const joinedBefore =
    /[\p{L}\p{N}][-‐]$/u.test(text.slice(Math.max(0, c.start - 2), c.start)) &&
    !PREFIX_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start));
  // ("London-based", "U.S.-led", "Kroger-owned": the name, then a participle of what it does.)
  const joinedAfter =
    /^[-‐][\p{L}\p{N}]/u.test(text.slice(c.end, c.end + 2)) && !PARTICIPLE_AFTER.test(text.slice(c.end, c.end + 16));
  const isName = (o: Candidate | undefined) =>
    o?.aliases.some((a) => a.kind !== 'short' && a.kind !== 'generic') ?? false;
  return (
    (joinedBefore && !(prev?.end === c.start - 1 && isName(prev))) ||
    (joinedAfter && !(next?.start === c.end + 1 && isName(next)))
  );
}

/**
 * Whether candidate `c` is a later part of a handle or an address written without spaces:
 * "@Uber_Sydney", "Football.London" (whose first part, "Uber", "BuzzFeed.com", names the owner).
 */
export function inHandle(text: string, c: Candidate): boolean {
  return /_$|[\p{L}\p{N}]\.$/u.test(text.slice(Math.max(0, c.start - 2), c.start));
}

// Languages that share their name with a demonym: "translated into English by", "(in French,
// …)", "evocative Greek names" (not "in French politics", "Greek ships", "on Russian terms", "the
// Russian version of events").
const LANGUAGES =
  /^(English|French|German|Spanish|Italian|Portuguese|Russian|Greek|Arabic|Chinese|Japanese|Korean|Dutch|Polish|Turkish|Hebrew|Persian|Swedish|Danish|Norwegian|Finnish|Hungarian|Czech|Ukrainian|Romanian|Vietnamese|Thai)$/;
// A word for what is said or written in a language.
const LANGUAGE_NOUN_AFTER =
  /^[ \t]+(names|words?|phrases?|spellings?|script|characters|subtitles|translations?|dictionar(y|ies)|grammar|speakers?|lessons?|dialects?|accents?|alphabet)\b/u;
const LANGUAGE_VERB_BEFORE = /(^|[^\p{L}])(in|into|speaks?|spoke|spoken|speaking)[ \t]+$/iu;
// After "in French": punctuation, the end, or a word that starts no noun phrase.
// ("in French and German politics" is France's: "and", "or" may join an adjective to another.)
const NO_NOUN_AFTER = /^([ \t]*([,.;:!?)”"’]|$)|[ \t]+(by|with|as|for|from|to|of|on|at|but|is|was)\b)/u;

// Another language joined to the first: "translated into French and German.", "speaks French
// and Arabic fluently" (not "in French and German politics").
const AND_LANGUAGE = new RegExp(`^[ \\t]+(?:and|or)[ \\t]+${LANGUAGES.source.slice(1, -1)}(?=[^\\p{L}]|$)`, 'u');
const ADVERB_AFTER = /^[ \t]+\p{Ll}+ly\b/u;
// The second of two: "into French and German."
const LANGUAGE_AND_BEFORE = new RegExp(
  `(^|[^\\p{L}])(in|into|speaks?|spoke|spoken|speaking)[ \\t]+${LANGUAGES.source.slice(1, -1)}[ \\t]+(and|or)[ \\t]+$`,
  'iu',
);

/** Whether a demonym names a language here, not a country (see LANGUAGES). */
export function asLanguage(text: string, c: Candidate): boolean {
  if (!LANGUAGES.test(c.text)) return false;
  let after = text.slice(c.end, c.end + 40);
  if (LANGUAGE_NOUN_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  if (!LANGUAGE_VERB_BEFORE.test(before) && !LANGUAGE_AND_BEFORE.test(before)) return false;
  after = after.replace(AND_LANGUAGE, '');
  return NO_NOUN_AFTER.test(after) || ADVERB_AFTER.test(after);
}

const THE_BEFORE = /(^|[^\p{L}])the[ \t]+$/iu;

/**
 * Whether a company's one-word name is, in this text, the name of a thing (a boat, a hotel):
 * written after "the" wherever it comes, and alone at least once ("the Polaris, one of four
 * schooners"), as a company is not ("Like Walmart, Uber…"; "the Walmart store" is the company's).
 */
export function thingNamedAfter(r: Reading, c: Candidate, id: string): boolean {
  if (/\s/.test(c.text) || r.ctx.type(id) !== 'organization' || !LEGAL_SUFFIX.test(r.ctx.name(id) ?? '')) return false;
  return once(r, `thing ${c.text}`, () => {
    const same = r.all.filter((o) => o.text === c.text);
    const afterThe = (o: Candidate) => THE_BEFORE.test(r.text.slice(Math.max(0, o.start - 5), o.start));
    const alone = (o: Candidate) => /^\s*([,.;:!?)”"’]|$)/u.test(r.text.slice(o.end, o.end + 2));
    return same.every(afterThe) && same.some(alone);
  });
}

// Nouns that end a body's name: "… Department of Conservation", "… Federal Police", "… Airlines".
const BODY_NOUN =
  /^(Department|Agency|Institute|Institution|Commission|Council|Bureau|Service|Authority|Police|Party|Company|Corporation|University|College|Foundation|Centre|Center|Museum|Society|Association|League|Airlines|Airways|Railways?|Times|Post|Herald|Daily)$/;

/**
 * Whether the word after a body's one-word name says what kind of body it is, so that the two are
 * the body's own fuller name: a legal form ("Alibaba Group", "Polaris Inc.") or "Brookings
 * Institution", "Likud Party".
 */
export function bodyKindAfter(text: string, end: number): boolean {
  const next = /^[ \t]+\S+/.exec(text.slice(end, end + 20))?.[0] ?? '';
  return (
    LEGAL_SUFFIX.test(next.replace(/[,;:!?)”"’]+$/u, '')) ||
    /^[ \t]+(Institution|Institute|Foundation|Party)\b/.test(next)
  );
}

/** Whether the capitalised words after `end` (up to four) name a body: "Department of Conservation". */
export function bodyNameAfter(text: string, end: number): boolean {
  const words = text
    .slice(end, end + 60)
    .trim()
    .split(/\s+/)
    .slice(0, 5);
  for (const w of words) {
    const bare = w.replace(/[.,;:!?’'"”)]+$/u, '');
    if (BODY_NOUN.test(bare)) return true;
    if (!/^\p{Lu}/u.test(w) && !/^(of|for|and|the)$/.test(w)) return false;
  }
  return false;
}

/**
 * Whether a city that shares its state's name ("New York City", "Washington, D.C.", named
 * `name`) is written where the state is meant: "the state of New York", "Washington State"
 * (not "the state of Louisiana", a state's own name).
 */
export function stateMeant(text: string, c: Candidate, name: string): boolean {
  return (
    name !== c.text &&
    (/(^|[^\p{L}])state of[ \t]+$/iu.test(text.slice(Math.max(0, c.start - 10), c.start)) ||
      /^[ \t]+[Ss]tate\b/.test(text.slice(c.end, c.end + 7)))
  );
}
