import { describe, expect, it } from 'vitest';
import { memberForms } from '../../build/knowledge/bodies';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import { entity, pack } from '../fixtures/store';

const party = (id: string, country: string, name: string, forms: string[]) =>
  entity({ id, type: 'organization', name, country, aliases: forms.map((text) => ({ text, kind: 'short' as const })) });
const court = (id: string, country: string) =>
  entity({
    id,
    type: 'organization',
    name: `Supreme Court of ${country}`,
    country,
    aliases: [{ text: 'Supreme Court', kind: 'short' }],
  });

const store = createFactStore([
  pack([
    entity({ id: 'ruritania', type: 'place', name: 'Ruritania', aliases: [{ text: 'R.U.', kind: 'acronym' }] }),
    entity({ id: 'freedonia', type: 'place', name: 'Freedonia' }),
    entity({ id: 'strelsau', type: 'place', name: 'Strelsau', country: 'ruritania' }),
    party('r-dem', 'ruritania', 'Democratic Party', ['Democratic', 'Democrat', 'Democrats']),
    party('f-dem', 'freedonia', 'Democratic Party of Freedonia', ['Democratic', 'Democrat', 'Democrats']),
    court('r-court', 'ruritania'),
    court('f-court', 'freedonia'),
  ]),
]);
const linked = (text: string) => scanText(store, text).map((m) => `${m.text}→${m.entityId}`);

describe('a body named by its short form, in a text about its country', () => {
  it('links a party’s members ("a Strelsau Democrat") to the party of the country the text is about', () => {
    expect(linked('In Ruritania, a Strelsau Democrat objected. Democrats agreed.')).toEqual([
      'Ruritania→ruritania',
      'Strelsau→strelsau',
      'Democrat→r-dem',
      'Democrats→r-dem',
    ]);
    expect(linked('In Freedonia, Democrats agreed.')).toEqual(['Freedonia→freedonia', 'Democrats→f-dem']);
  });

  it('leaves it alone in a text about neither country, and inside a longer name', () => {
    expect(linked('Democrats agreed.')).toEqual([]);
    expect(linked('In Ruritania, the Democrat Herald objected.')).toEqual(['Ruritania→ruritania']);
  });

  it('counts a country named by its acronym ("the R.U.") as what the text is about', () => {
    expect(linked('In the R.U., the Supreme Court ruled.')).toEqual(['R.U.→ruritania', 'Supreme Court→r-court']);
  });

  it('reads a hashtag as a word of its own, not the start of a longer name', () => {
    expect(linked('In Ruritania, “#Tour Strelsau show” trended.')).toEqual([
      'Ruritania→ruritania',
      'Strelsau→strelsau',
    ]);
  });
});

describe('what a party’s members are called, read off its English name', () => {
  it.each([
    ['Republican Party', undefined, ['Republican', 'Republicans']],
    ['Democratic Party', undefined, ['Democratic', 'Democrat', 'Democrats']],
    ['Australian Labor Party', 'Australian', ['Labor']],
    ['Conservative Party of Canada', 'Canadian', ['Conservative', 'Conservatives']],
    ['Conservatives', 'British', ['Conservatives', 'Conservative']],
    ['Australian Greens', 'Australian', ['Greens', 'Green']],
    ['Liberal Party of Australia', 'Australian', ['Liberal', 'Liberals']],
    // A name's noun, or more than one word: nothing.
    ['Federal Party', undefined, []],
    ['Union of the Centre', 'Italian', []],
    ['Liberal Democrats', 'British', []],
    ['Free Democratic Party', 'German', []],
  ])('%s (the country’s people: %s) → %j', (english, demonym, forms) => {
    expect(memberForms(english, demonym)).toEqual(forms);
  });
});
