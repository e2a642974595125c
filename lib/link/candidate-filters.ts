import type { AliasEntry } from '../match/alias-index';
import type { Candidate } from '../match/find-candidates';
import type { LinkContext } from './link-mentions';

// Filters that run before any linking: they drop aliases the page itself rules
// out (another language, a later date), so no rule downstream ever weighs them.

/** The primary language subtag: "fr-FR" → "fr". */
function baseLang(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether any of a candidate's aliases is tagged with a language. */
export const tagged = (c: Candidate) => c.aliases.some((a) => a.lang !== undefined);

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
export function filterByLanguage(candidates: readonly Candidate[], pageLang: string | undefined): Candidate[] {
  if (!pageLang) return [...candidates];
  const page = baseLang(pageLang);
  return keepAliases(candidates, (a) => !a.lang || baseLang(a.lang) === page);
}

/**
 * Drops aliases of entities that began (signed, founded) after the article's
 * date (a day number): in a 2015 story, "the accord" is not a memorandum of 2025.
 */
export function beforeDate(candidates: readonly Candidate[], ctx: LinkContext, day: number): Candidate[] {
  const begins = ctx.begins;
  if (day === 0 || !begins) return [...candidates];
  return keepAliases(candidates, (a) => begins(a.entityId) <= day);
}
