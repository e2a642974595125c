// Cleaning names and dates as the datasets write them.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** Lower case, no accents, single spaces: the key names are compared by. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Decodes HTML character references ("RODR&Iacute;GUEZ") and strips tags. */
export function decodeHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => {
      if (ENTITIES[name.toLowerCase()]) return ENTITIES[name.toLowerCase()] as string;
      // Latin letters with an accent: "Iacute" → Í, "ntilde" → ñ.
      const accent = /^([a-z])(acute|grave|circ|uml|tilde|cedil|ring|slash|caron)$/i.exec(name);
      if (!accent) return m;
      const marks: Record<string, string> = {
        acute: '\u0301',
        grave: '\u0300',
        circ: '\u0302',
        uml: '\u0308',
        tilde: '\u0303',
        cedil: '\u0327',
        ring: '\u030a',
        caron: '\u030c',
        slash: '',
      };
      const base = accent[1] as string;
      const kind = (accent[2] as string).toLowerCase();
      if (kind === 'slash') return base === 'O' ? 'Ø' : base === 'o' ? 'ø' : base;
      return (base + (marks[kind] ?? '')).normalize('NFC');
    })
    .replace(/\s+/g, ' ')
    .trim();
}

// Particles that stay lower case inside a name ("Bashar al-Asad", "Ursula von der Leyen").
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'de',
  'del',
  'della',
  'der',
  'di',
  'da',
  'dos',
  'das',
  'do',
  'du',
  'la',
  'le',
  'van',
  'von',
  'y',
  'e',
  'ould',
  'ben',
  'abu',
  'ter',
  'ten',
  'zu',
]);

function titleWord(word: string, first: boolean): string {
  return word
    .split(/([-'’])/)
    .map((part, i, parts) => {
      if (part === '-' || part === "'" || part === '’' || part === '') return part;
      const lower = part.toLowerCase();
      // "al-ASAD": the particle before a hyphen stays lower case, unless it starts the name.
      if (PARTICLES.has(lower) && !(first && i === 0) && (parts[i + 1] === '-' || parts.length === 1)) return lower;
      // "O'BRIEN" → "O'Brien", "MCCARTHY" → "McCarthy".
      let out = lower.charAt(0).toUpperCase() + lower.slice(1);
      if (/^Mc\p{L}/u.test(out)) out = `Mc${out.charAt(2).toUpperCase()}${out.slice(3)}`;
      return out;
    })
    .join('');
}

/** Words written all in capitals (the Factbook's surnames) in title case: "Keir STARMER" → "Keir Starmer". */
export function fixCapitals(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      // Roman numerals ("Charles III") and initials ("J.D.") stay as they are.
      if (/^[IVX]+$/.test(w) || /^(\p{Lu}\.)+$/u.test(w)) return w;
      // Each hyphenated part on its own: "Hoseini-KHAMENEI", "al-ASAD".
      return w
        .split(/(-)/)
        .map((part, j) => {
          const letters = part.replace(/[^\p{L}]/gu, '');
          const upper = letters.length > 1 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
          return upper ? titleWord(part, i === 0 && j === 0) : part;
        })
        .join('');
    })
    .join(' ');
}

// Honorifics, ranks and titles that come before a name but are not part of it.
const HONORIFICS =
  /^(?:(?:Lt\.?|Lieutenant|Maj\.?|Major|Brig\.?|Brigadier|Gen\.?|General|Col\.?|Colonel|Capt\.?|Captain|Adm\.?|Admiral|Cmdr\.?|Air|Vice|Rear|Field|Marshal|Marshall|Sgt\.?|Dr\.?|Prof\.?|Professor|Sir|Dame|Lord|Lady|Sheikh|Shaykh|Sheikha|Shaikh|Emir|Amir|Sultan|King|Queen|Prince|Princess|Crown|Grand|Duke|Grand-Duke|Mr\.?|Mrs\.?|Ms\.?|Hon\.?|Rev\.?|Reverend|Father|Archbishop|Bishop|Cardinal|Pope|Imam|Ayatollah|Mullah|Gov\.?|Governor|Governor-General|Chief|Justice|Judge|Dato'?|Datuk|Tan Sri|Haji|Hajji)\s+)+/;

/** A person's name without honorifics or ranks: "Col. Assimi GOITA" → "Assimi Goita". */
export function cleanPersonName(raw: string): string {
  let name = decodeHtml(raw)
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(HONORIFICS, '');
  return fixCapitals(name).replace(/,$/, '').trim();
}

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v', 'kbe', 'obe', 'mbe', 'qc', 'kc', 'mp']);

/**
 * The surname by which news refers to a person after first naming them
 * ("Keir Starmer" → "Starmer"; "Martin Luther King Jr." → "King"; "Bashar
 * al-Asad" → "al-Asad"), or undefined for one-word names.
 */
export function surnameOf(name: string): string | undefined {
  const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIXES.has((words[words.length - 1] as string).toLowerCase())) words.pop();
  if (words.length < 2) return undefined;
  const last = words[words.length - 1] as string;
  const before = words[words.length - 2] as string;
  // "Ursula von der Leyen" → "von der Leyen"; "Charles de Gaulle" → "de Gaulle".
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has((words[i - 1] as string).toLowerCase())) i--;
  const short = i < words.length - 1 || PARTICLES.has(before.toLowerCase()) ? words.slice(i).join(' ') : last;
  if (short.replace(/[^\p{L}]/gu, '').length < 3) return undefined;
  return short;
}

/** The month (0–11) a word names ("Dec", "december"), or -1. */
function monthOf(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((x) => x.startsWith(w));
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A date as the pack format writes it, at the precision the text gives:
 * "12 December 2019" → "2019-12-12", "December 2019" → "2019-12", "2019" →
 * "2019", "2019-05-03" stays; anything else → undefined.
 */
export function isoDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = String(text).trim();
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(t);
  if (m) {
    const [, y, mo, d] = m;
    if (mo === '00' || d === '00') return y;
    return [y, mo, d].filter(Boolean).join('-');
  }
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2] as string);
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
  }
  m = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1] as string);
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}`;
  }
  m = /^([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1] as string);
    if (month >= 0) return `${m[2]}-${String(month + 1).padStart(2, '0')}`;
  }
  return undefined;
}

/** "2024-07-05" → "5 July 2024"; "2024-07" → "July 2024"; "2024" → "2024". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  const name = month ? month.charAt(0).toUpperCase() + month.slice(1) : undefined;
  if (d && name) return `${Number(d)} ${name} ${y}`;
  if (name) return `${name} ${y}`;
  return y ?? iso;
}

let words: Set<string> | undefined;

/** Month and day names ("May", "Friday"): capitalised in every sentence that dates something. */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.has(word.toLowerCase());
}
const CALENDAR = new Set([...MONTHS, 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * Whether a single word is an ordinary English word (lower-case entry of the
 * `word-list` dictionary): "Reading", "Mobile", "Target". Such one-word names
 * of towns and companies would be linked wherever the word starts a sentence.
 */
export function isDictionaryWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  const w = word.toLowerCase();
  // The dictionary leaves out the capitalised ones: days and months are words too ("Friday", "May").
  return words.has(w) || CALENDAR.has(w);
}

const WITH_THE =
  /^(United |Netherlands|Philippines|Bahamas|Gambia|Central African|Dominican Republic|Republic of|Marshall Islands|Solomon Islands|Maldives|Comoros|Cayman|Falkland|Faroe|British |Turks|Cook Islands|Northern Mariana|Vatican|Seychelles|Czech Republic|DR Congo)/;

/** "United Kingdom" → "the United Kingdom"; "Germany" stays. */
export function countryPhrase(name: string): string {
  return WITH_THE.test(name) ? `the ${name}` : name;
}
