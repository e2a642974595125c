// What a one-line description claims, checked against the facts of its entity
// (issue #17, item 2): every number, date, name and place a description names
// must be on the entity's card, in one of its facts (or the agreement's own
// fields), and no adjective of judgement may appear unless a fact quotes it
// from a source. Strings only: the tests give it merged entities.
import type { Entity, Source } from '../../lib/factstore/schema';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Words of judgement a neutral editor would not sign unless quoting a source. */
export const JUDGEMENT_WORDS = [
  'controversial',
  'notorious',
  'famous',
  'famed',
  'prominent',
  'leading',
  'powerful',
  'infamous',
  'radical',
  'extremist',
  'renowned',
  'legendary',
  'disgraced',
  'beloved',
  'iconic',
  'hardline',
  'firebrand',
  'strongman',
  'regime',
  'so-called',
  'notable',
  'important',
  'influential',
  'major',
];

/**
 * Words the builders' sentence templates use ("Country in …", "Political party
 * in …", "Member of …"): they say what kind of thing an entity is, not a fact
 * to check. Everything else written with a capital is a name, and must be in a
 * fact.
 */
const TEMPLATE_WORDS = new Set(
  [
    'Country',
    'Territory',
    'Islands',
    'Capital',
    'Political',
    'Company',
    'Member',
    'International',
    'Non-governmental',
    'First-level',
    'City',
    'One',
    'Bilateral',
    'Multilateral',
    'Regional',
    'Plurilateral',
    'Lower',
    'Upper',
    'News',
    'Politician',
    'Administrative',
    'Legislative',
    'Constitutional',
    'Seat',
    'Listed',
    'Trilateral',
    'Association',
    'Institutional',
    'Legislature',
    'Highest',
    'Court',
    'Military',
    'Government',
    'Legislative',
    'Intelligence',
    'Police',
    'Think',
    'Intergovernmental',
    'Organisation',
    'Non-self-governing',
    'Free',
    'Europe',
  ].map((w) => w.toLowerCase()),
);

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’`ʻ]/g, "'");

/**
 * Everything the card says about an entity, as text: each fact's label, value,
 * note and dates, the name of the source it cites (a description may say whose
 * words it gives: "in the CIA World Factbook"), the agreement's fields.
 */
export function factText(e: Entity, sources: Readonly<Record<string, Source>> = {}): { text: string; dates: string[] } {
  const parts: string[] = [];
  const dates: string[] = [];
  for (const f of e.facts) {
    parts.push(
      f.label,
      f.value,
      f.note ?? '',
      Object.hasOwn(sources, f.source) ? (sources[f.source]?.outlet ?? '') : '',
    );
    for (const d of [f.date, f.from, f.to, f.asOf]) if (d) dates.push(d);
  }
  if (e.agreement) {
    parts.push(e.agreement.kind, e.agreement.status);
    dates.push(e.agreement.signed.date);
  }
  return { text: fold(parts.join(' \u0001 ')), dates };
}

/** A name's words as the checker reads them: "Dubai-based", "Kosovo's", "D.C". */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
const bare = (w: string) => w.replace(/[.'’-]+$/, '');

const JUDGEMENT = JUDGEMENT_WORDS.map((w) => [w, new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'iu')] as const);

/** Whether `word` occurs in `text` as a whole word (both folded). */
function hasWord(text: string, word: string): boolean {
  const w = fold(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${w}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/** What in `description` no fact of `e` backs: one line per claim. */
export function unbackedClaims(e: Entity, sources: Readonly<Record<string, Source>> = {}): string[] {
  const problems: string[] = [];
  const { text, dates } = factText(e, sources);
  let rest = e.description;
  // Dates: "22 May 1990", "May 1990": a fact dated that day or month.
  const dateRe = new RegExp(`\\b(?:(\\d{1,2}) )?(${MONTHS.join('|')}) (\\d{4})\\b`, 'g');
  for (const m of e.description.matchAll(dateRe)) {
    const month = String(MONTHS.indexOf(m[2] as string) + 1).padStart(2, '0');
    const iso = m[1] ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : `${m[3]}-${month}`;
    const dated = dates.some((d) => d === iso || (iso.length === 7 && d.startsWith(iso)));
    // Or a source's own words that say it ("On 17 February 2008, the Kosovo Assembly …").
    if (!dated && !text.includes(fold(m[0]))) problems.push(`date "${m[0]}"`);
    rest = rest.replace(m[0], ' ');
  }
  // Other numbers: a year is a fact's date (or named in its value); any other number is in a fact's text.
  for (const m of rest.matchAll(/(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\p{L}\p{N}])/gu)) {
    const n = m[0];
    const year = /^\d{4}$/.test(n) && dates.some((d) => d.startsWith(n));
    if (!year && !hasWord(text, n)) problems.push(`number "${n}"`);
  }
  // Names: each capitalised word (or acronym) that is no word of the builders' templates.
  const known = new Set((text.match(WORD) ?? []).map(bare));
  for (const raw of rest.replace(/[‘`ʻ]/g, "'").match(WORD) ?? []) {
    const w = bare(raw);
    if (!/^\p{Lu}/u.test(w) || MONTHS.includes(w) || TEMPLATE_WORDS.has(w.toLowerCase())) continue;
    if (!known.has(fold(w))) problems.push(`name "${w}"`);
  }
  // Judgement: only in a source's own words.
  for (const [j, re] of JUDGEMENT) if (re.test(e.description) && !re.test(text)) problems.push(`judgement "${j}"`);
  // A capital named is a capital on the card.
  if (/\bcapital\b/i.test(e.description) && !/capital/.test(text)) problems.push('capital');
  return problems;
}
