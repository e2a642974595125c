// What an acronym stands for where the text spells it out: "the Central Business
// District, or “CBD”", "a CBD (Central Business District)". A text that defines
// an acronym as something else does not use it for the store's body of that
// acronym (the Caribbean Development Bank).

// Small words a spelt-out name may have between its capitalised words.
const SMALL = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', '&', 'de', 'du', 'des', 'la', 'le', 'et', 'y']);

/** The capitals that start a word or a hyphenated part of one: "Agence France-Presse" → "AFP". */
function initials(words: readonly string[]): string {
  return words
    .flatMap((w) => w.split(/[-‐]/))
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** The words at the end of `before` that spell `letters`, capitalised words and small words between them. */
function spelledBefore(before: string, letters: string): string | undefined {
  const words = before.trimEnd().replace(/[,(]$/u, '').trimEnd().split(/\s+/);
  const picked: string[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    const w = (words[k] as string).replace(/^[("“‘']+/u, '');
    if (/^\p{Lu}/u.test(w)) picked.unshift(w);
    else if (picked.length > 0 && SMALL.has(w.toLowerCase())) picked.unshift(w);
    else break;
    const got = initials(picked);
    if (got === letters) return picked.join(' ');
    if (got.length > letters.length || !letters.endsWith(got)) return undefined;
  }
  return undefined;
}

/**
 * What `acronym` is spelt out as in `text`, if the text says: before it ("… or “CBD”", "… (CBD)"),
 * or after it in brackets. Each occurrence is found by `indexOf` and only its surroundings are
 * read: one regular expression over the whole of a long text, per acronym, made the scan slow.
 */
export function spelledOut(text: string, acronym: string): string | undefined {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2) return undefined;
  for (let at = text.indexOf(acronym); at >= 0; at = text.indexOf(acronym, at + 1)) {
    const end = at + acronym.length;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '') || /[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
    const before = text.slice(Math.max(0, at - 160), at);
    const opener = /(\(|\bor[ \t]+)["“‘']?$/u.exec(before);
    if (opener) {
      const spelt = spelledBefore(before.slice(0, opener.index), letters);
      if (spelt) return spelt;
    }
    const inBrackets = /^[ \t]*\(([^()]{3,100})\)/u.exec(text.slice(end, end + 110));
    if (inBrackets) {
      const words = (inBrackets[1] as string).trim().split(/\s+/);
      if (initials(words) === letters) return words.join(' ');
    }
  }
  return undefined;
}

/** Whether a spelt-out acronym is the entity's name: each capitalised word alike in its first four letters ("Organisation", "Organization"). */
export function spellsName(spelt: string, name: string): boolean {
  const key = (s: string) =>
    s
      .split(/[\s-‐]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 4));
  const a = key(spelt);
  const b = key(name);
  return a.length === b.length && a.every((w, k) => w === b[k]);
}
