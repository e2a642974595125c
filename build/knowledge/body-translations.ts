import type { Entity } from '../../lib/factstore/schema';
import { languageTag } from '../../lib/factstore/world-pack';
import { foldName, isDictionaryWord } from './names';

const englishWords = (text: string) =>
  foldName(text)
    .split(' ')
    .every((w) => isDictionaryWord(w));

// The Factbook gives some bodies' names in English and in their country's
// language ("Constitutional Council (Conseil Constitutionnel)" for Burkina
// Faso and Senegal), others in English only (France's). Where at least two
// countries whose one shared official language is French give the same
// English name the same French one, that French name is the body's in every
// other French-speaking country whose body has the English name and no name
// in French: "le Conseil constitutionnel" on a Le Monde page is France's. The
// name is an alias tagged with its language (matched only on pages in that
// language), not a fact on the card: the data does not say it of this body.

/** How many countries must give a pair of names before it is read as a translation. */
const MIN_COUNTRIES = 2;

/**
 * Gives bodies the name in their country's language that other countries'
 * bodies of the same English short name carry (`languagesOf`: a country id's
 * official languages, ISO 639-3). Returns how many names were given.
 */
export function shareTranslations(entities: Entity[], languagesOf: (country: string) => readonly string[]): number {
  // English short name → other name → the countries that give that pair.
  const pairs = new Map<string, Map<string, { text: string; countries: Set<string>; from: Entity[] }>>();
  // The English short name: the entity's name without its country ("Constitutional Council (France)").
  const englishOf = (e: Entity) => {
    const base = foldName(e.name.replace(/\s*\([^)]*\)$/, ''));
    return e.aliases.filter((a) => a.kind === 'short' && !a.lang && foldName(a.text) === base);
  };
  for (const e of entities) {
    if (e.type !== 'organization' || !e.country) continue;
    const english = englishOf(e);
    if (english.length !== 1) continue;
    const key = foldName((english[0] as { text: string }).text);
    for (const a of e.aliases) {
      // (Another English name, "Court of Cassation" beside "Supreme Court", is no translation.)
      if (a === english[0] || a.lang || a.kind !== 'short' || foldName(a.text) === key || englishWords(a.text))
        continue;
      const byText = pairs.get(key) ?? new Map();
      pairs.set(key, byText);
      const p = byText.get(foldName(a.text)) ?? { text: a.text, countries: new Set<string>(), from: [] };
      byText.set(foldName(a.text), p);
      p.countries.add(e.country);
      p.from.push(e);
    }
  }
  // Each pair's language: the one official language all the countries that give it share.
  const translations = new Map<string, { text: string; lang: string; from: Entity[] }[]>();
  for (const [key, byText] of pairs)
    for (const p of byText.values()) {
      if (p.countries.size < MIN_COUNTRIES) continue;
      const [first, ...rest] = [...p.countries].map((c) => new Set(languagesOf(c)));
      const shared = [...(first ?? [])].filter((l) => rest.every((s) => s.has(l)));
      if (shared.length !== 1) continue;
      translations.set(key, [
        ...(translations.get(key) ?? []),
        { text: p.text, lang: shared[0] as string, from: p.from },
      ]);
    }
  let given = 0;
  for (const e of entities) {
    if (e.type !== 'organization' || !e.country) continue;
    const english = englishOf(e);
    if (english.length !== 1) continue;
    const languages = languagesOf(e.country);
    const has = new Set(e.aliases.map((a) => foldName(a.text)));
    for (const t of translations.get(foldName((english[0] as { text: string }).text)) ?? []) {
      // Only where the body has no name but the English one: one given in its language stays its own.
      if (!languages.includes(t.lang) || has.has(foldName(t.text)) || e.aliases.length > 1) continue;
      e.aliases.push({ text: t.text, kind: 'short', lang: languageTag(t.lang) });
      given++;
    }
  }
  return given;
}
