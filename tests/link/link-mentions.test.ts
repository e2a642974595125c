import { describe, expect, it } from 'vitest';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import { entity, pack, seedStore } from '../fixtures/store';

const store = seedStore();
const linked = (text: string) => scanText(store, text).map((m) => `${m.text}→${m.entityId}`);

describe('linking people', () => {
  it('links "Larijani" after "Ali Larijani" to the same person, and says so', () => {
    const [, second] = scanText(store, 'Ali Larijani arrived. Larijani then spoke.');
    expect(second).toMatchObject({ text: 'Larijani', entityId: 'ali-larijani' });
    expect(second?.reason).toEqual({ why: 'after', text: 'Larijani', name: 'Ali Larijani' });
  });

  it('links "Bruce" after "Tammy Bruce"', () => {
    expect(linked('Tammy Bruce spoke on Tuesday. Bruce added a line.')).toEqual([
      'Tammy Bruce→tammy-bruce',
      'Bruce→tammy-bruce',
    ]);
  });

  it('does not link "Bruce" inside another name ("Bruce Springsteen", "Lenny Bruce")', () => {
    expect(linked('Bruce Springsteen played in New Jersey.')).toEqual([]);
    expect(linked('The comedian Lenny Bruce was arrested.')).toEqual([]);
  });

  it('links a bare surname with no full name nearby only for the one head of state or government of that name, after their title', () => {
    const role = (value: string) => [{ label: 'Role', value, from: '2020', source: 'src' }];
    const two = createFactStore([
      pack([
        entity({ id: 'a-smith', name: 'Anna Smith', aliases: [{ text: 'Smith', kind: 'short' }] }),
        entity({ id: 'b-smith', name: 'Ben Smith', aliases: [{ text: 'Smith', kind: 'short' }] }),
        entity({
          id: 'c-jones',
          name: 'Cara Jones',
          aliases: [{ text: 'Jones', kind: 'short' }],
          facts: role('President of Ruritania'),
        }),
        entity({
          id: 'd-brown',
          name: 'Dan Brown',
          aliases: [{ text: 'Brown', kind: 'short' }],
          facts: role('Member of the Ruritanian Parliament'),
        }),
      ]),
    ]);
    const ids = (text: string) => scanText(two, text).map((m) => m.entityId);
    expect(ids('Smith said so.')).toEqual([]);
    expect(ids('Ben Smith said so. Later, Smith left.')).toEqual(['b-smith', 'b-smith']);
    expect(ids('President Jones said so.')).toEqual(['c-jones']);
    // Alone, and in a text that is not about Ruritania, a head's surname is too often a word or
    // someone else's: "the board game Simon" is not Canada's governor-general.
    expect(ids('Jones said so.')).toEqual([]);
    // Among a hundred thousand people, a legislator's surname alone is too often someone else's.
    expect(ids('Brown said so.')).toEqual([]);
    expect(ids('Dan Brown said so. Brown left.')).toEqual(['d-brown', 'd-brown']);
  });

  it('chooses among namesakes the one of the country the text is about, then the most prominent', () => {
    const role = (value: string) => [{ label: 'Role', value, from: '2010', source: 'src' }];
    const two = createFactStore([
      pack([
        entity({ id: 'ruritania', type: 'place', name: 'Ruritania' }),
        entity({ id: 'freedonia', type: 'place', name: 'Freedonia' }),
        entity({ id: 'tony-r', name: 'Tony Abbot', country: 'ruritania', facts: role('Governor of a province') }),
        entity({ id: 'tony-f', name: 'Tony Abbot', country: 'freedonia', facts: role('Prime Minister of Freedonia') }),
      ]),
    ]);
    const ids = (text: string) => scanText(two, text).map((m) => m.entityId);
    expect(ids('In Ruritania, Tony Abbot spoke.')).toEqual(['ruritania', 'tony-r']);
    expect(ids('Tony Abbot spoke.')).toEqual(['tony-f']);
  });

  it('links demonyms to their country', () => {
    const [m] = scanText(store, 'An Iraqi official said.');
    expect(m).toMatchObject({ entityId: 'iraq' });
    expect(m?.reason).toMatchObject({ why: 'demonym', text: 'Iraqi' });
  });
});

describe('linking places', () => {
  it('does not link a one-word place inside a longer name ("New Jersey", "Northern Ireland")', () => {
    expect(linked('She grew up in New Jersey and moved to Northern Ireland.')).toEqual([]);
  });

  it('links a place after a capitalised function word or at a sentence start', () => {
    expect(linked('In Baghdad, talks resumed. Baghdad, the capital, was calm.')).toEqual([
      'Baghdad→baghdad',
      'Baghdad→baghdad',
    ]);
  });

  it('reads a capital that acts as its government ("Baghdad said no"), and one after "in" as the city', () => {
    const [said, inCity] = scanText(store, 'Baghdad said no to the embassy in Washington.');
    expect(said).toMatchObject({ entityId: 'iraq', reason: { why: 'actsAsGovernment' } });
    expect(inCity).toMatchObject({ entityId: 'washington', reason: { why: 'place', text: 'in Washington' } });
  });

  it('reads "Washington" as the city when the sentence is not about policy', () => {
    expect(linked('Washington was cold and bright that morning.')).toEqual(['Washington→washington']);
  });

  it('does not link a translated country name on a page in another language', () => {
    // "Island" is Iceland in German and Swedish.
    expect(scanText(store, 'Island.', { lang: 'en' }).map((m) => m.entityId)).toEqual([]);
    expect(scanText(store, 'Island.', { lang: 'de' }).map((m) => m.entityId)).toEqual(['iceland']);
  });
});

describe('linking agreement phrases', () => {
  it('links "a security pact" to the 2023 agreement when the paragraph says March 2023', () => {
    const text = 'In March 2023, Iran and Iraq signed a security pact on the border.';
    expect(linked(text)).toContain('security pact→pact-2023');
  });

  it('links "a newly signed border security agreement" to the 2025 memorandum', () => {
    const text =
      'Iran’s top security official said a newly signed border security agreement with Iraq curbs interference.';
    expect(linked(text)).toContain('border security agreement→mou-2025');
  });

  it('links "the MoU" to the 2025 memorandum when its signatories are named', () => {
    expect(linked('Ali Larijani and Qasim al-Araji signed the MoU.')).toContain('MoU→mou-2025');
  });

  it('does not link an agreement phrase when no agreement in the store fits', () => {
    const agreements = (text: string) => linked(text).filter((m) => /agreement|deal/.test(m));
    expect(agreements('France and Germany signed a trade agreement.')).toEqual([]);
    expect(agreements('The deal was good for shareholders.')).toEqual([]);
  });

  it('lets "this agreement" refer back to the agreement linked just before', () => {
    const text = 'Iran and Iraq defended the deal.\nFor both governments, this agreement is a signal.';
    const mentions = scanText(store, text).filter((m) => m.entityId === 'mou-2025');
    expect(mentions.map((m) => m.text)).toEqual(['deal', 'agreement']);
    expect(mentions[1]?.reason).toMatchObject({ why: 'refersBack', text: 'agreement' });
  });
});
