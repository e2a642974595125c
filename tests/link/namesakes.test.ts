import { describe, expect, it } from 'vitest';
import type { LinkContext } from '../../lib/link/link-mentions';
import { chooseNamesake } from '../../lib/link/namesakes';

/** A context over a few namesakes: their country, rank and time in office. */
function context(people: Record<string, { country?: string; rank?: number; span?: [number, number] }>): LinkContext {
  return {
    name: (id) => id,
    agreement: () => undefined,
    countryOf: (id) => people[id]?.country,
    type: () => 'person',
    rank: (id) => people[id]?.rank ?? 0,
    span: (id) => people[id]?.span,
  };
}

const when = { day: 1000, last: 1030, date: '1902-09' };

describe('chooseNamesake', () => {
  it('takes the namesake of the country the text is about over a more prominent one', () => {
    const ctx = context({ a: { country: 'x', rank: 1 }, b: { country: 'y', rank: 3 } });
    expect(chooseNamesake(['a', 'b'], ctx, new Map([['x', 1]]))).toEqual({
      id: 'a',
      decided: { by: 'country', country: 'x' },
    });
  });

  it('takes the one in office at the article’s date, and says so', () => {
    const ctx = context({ a: { rank: 3, span: [1, 500] }, b: { rank: 3, span: [900, 0] } });
    expect(chooseNamesake(['a', 'b'], ctx, new Map(), when)).toEqual({
      id: 'b',
      decided: { by: 'date', date: '1902-09' },
    });
  });

  it('takes the most prominent when nothing else decides', () => {
    const ctx = context({ a: { rank: 1 }, b: { rank: 2 } });
    expect(chooseNamesake(['a', 'b'], ctx, new Map())?.decided).toEqual({ by: 'rank' });
  });

  it('chooses none between namesakes alike in every way', () => {
    const ctx = context({ a: { rank: 2 }, b: { rank: 2 } });
    expect(chooseNamesake(['a', 'b'], ctx, new Map())).toBeUndefined();
  });
});
