import type { LinkContext } from './link-mentions';
import type { ArticleTime } from './reading';
import type { Decider } from './reasons';

/**
 * Whether an entity is a place of no prominence (a territory's small capital:
 * "Hamilton", Bermuda; a town the Factbook names: "Kyzyl") in a country the
 * text does not name, itself or by one of its places (`lands`): such a place
 * is linked only in a text about its country. (A person of that country does
 * not make the text about it: a photo credit's "JIM WATSON" is no reason to
 * read "Hamilton" as the Canadian city.)
 */
export function outOfPlace(id: string, ctx: LinkContext, lands: ReadonlySet<string>): boolean {
  if (ctx.type(id) !== 'place' || (ctx.rank?.(id) ?? 1) > 0) return false;
  const country = ctx.countryOf(id);
  return country !== undefined && !lands.has(country);
}

/**
 * Among namesakes, the one of a country the text is about, then the one in
 * office at the article's date (when the page gives one and only one of them
 * was), then the most prominent (rank), then the one of the country with the
 * most entries; none when that does not decide. `decided` says, for the
 * reader, what decided.
 */
export function chooseNamesake(
  ids: readonly string[],
  ctx: LinkContext,
  countries: ReadonlyMap<string, number>,
  when?: ArticleTime,
): { id: string; decided: Decider } | undefined {
  const inOffice = (id: string) => {
    const span = when ? ctx.span?.(id) : undefined;
    return when !== undefined && span !== undefined && span[0] <= when.last && (span[1] === 0 || span[1] >= when.day);
  };
  const then = when ? ids.filter(inOffice) : [];
  const timesOf = (id: string) => {
    const country = ctx.countryOf(id);
    return country === undefined ? 0 : (countries.get(country) ?? 0);
  };
  const most = Math.max(1, ...ids.map(timesOf));
  const scored = ids
    .map((id) => {
      const times = timesOf(id);
      const here = times > 0;
      // The country the text names most wins, by its share of the most: "Senate" in a text
      // about the US that also names Argentina; "a former Supreme Court justice" in a text
      // from Seoul that names Washington a few times.
      return {
        id,
        here,
        score:
          // (Below the country the text is about: "the Obama administration" in 2018 is still Barack Obama's.)
          (then.length === 1 && then[0] === id ? 5 : 0) +
          (here ? 10 + (5 * times) / most : 0) +
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
  const decided: Decider =
    byDate && when
      ? { by: 'date', date: when.date }
      : top.here
        ? { by: 'country', country: ctx.name(country ?? '') ?? country ?? '' }
        : { by: 'rank' };
  return { id: top.id, decided };
}
