import { describe, expect, it } from 'vitest';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import { entity, pack } from '../fixtures/store';

const role = (value: string) => [{ label: 'Role', value, from: '2009', source: 'src' }];
const store = createFactStore([
  pack([
    entity({ id: 'ruritania', type: 'place', name: 'Ruritania', aliases: [{ text: 'Rurit', kind: 'metonym' }] }),
    entity({ id: 'freedonia', type: 'place', name: 'Freedonia' }),
    entity({ id: 'rurit', type: 'place', name: 'Rurit', country: 'ruritania' }),
    // Ruritania's store is the larger: its head is the more prominent of the two Obaras.
    ...['a', 'b', 'c'].map((x) =>
      entity({ id: `r-${x}`, type: 'organization', name: `Body ${x}`, country: 'ruritania' }),
    ),
    entity({
      id: 'r-obara',
      name: 'Bart Obara',
      country: 'ruritania',
      aliases: [{ text: 'Obara', kind: 'short' }],
      facts: role('President of Ruritania'),
    }),
    entity({
      id: 'f-obara',
      name: 'Rico Obara',
      country: 'freedonia',
      aliases: [{ text: 'Obara', kind: 'short' }],
      facts: role('Prime Minister of Freedonia'),
    }),
    entity({
      id: 'tunisia-like',
      type: 'place',
      name: 'Tunesia',
      aliases: [{ text: 'Tunes', lang: 'hr' }],
    }),
    entity({ id: 'tunes-city', type: 'place', name: 'Tunes', country: 'tunisia-like' }),
    entity({ id: 'isle', type: 'place', name: 'Bermudo' }),
    entity({ id: 'palest', type: 'place', name: 'Palestia', aliases: [{ text: 'Palestian', kind: 'demonym' }] }),
    entity({ id: 'hamlet', type: 'place', name: 'Hamlet', country: 'isle', prominence: 0 }),
  ]),
]);
const linked = (text: string, lang?: string) => scanText(store, text, { lang }).map((m) => `${m.text}→${m.entityId}`);

describe('reading a real page right', () => {
  it('links a head of state’s surname after the title, mid-sentence, to the most prominent head of that name', () => {
    expect(linked('After the interview, President Obara said the deal was good.')).toEqual(['Obara→r-obara']);
    // Without the title and with nothing to say which country, the surname is left alone.
    expect(linked('After the interview, Obara said the deal was good.')).toEqual([]);
    // The country the text is about still decides first.
    expect(linked('In Freedonia, Prime Minister Obara spoke.')).toEqual(['Freedonia→freedonia', 'Obara→f-obara']);
  });

  it('reads a capital in a place as that capital, not a small town of its name in another country', () => {
    // (Before towns were kept only when no one's surname, "Washington", Aruba, took "in Washington".)
    const withTown = createFactStore([
      pack([
        // (Its id sorts first, so its alias comes first: the order that went wrong.)
        entity({ id: 'a-rurit-town', type: 'place', name: 'Rurit', country: 'freedonia', prominence: 0 }),
        entity({ id: 'freedonia', type: 'place', name: 'Freedonia' }),
        entity({ id: 'ruritania', type: 'place', name: 'Ruritania', aliases: [{ text: 'Rurit', kind: 'metonym' }] }),
        entity({ id: 'rurit', type: 'place', name: 'Rurit', country: 'ruritania' }),
      ]),
    ]);
    const text = 'The institute in Rurit said the deficit grows.';
    expect(scanText(withTown, text).map((m) => `${m.text}→${m.entityId}`)).toEqual(['Rurit→rurit']);
  });

  it('reads a capital in a dateline as the place, not its government', () => {
    expect(linked('Analysis: Ann Reporter, Ruritania News, Rurit\nTalks went on.')).toContain('Rurit→rurit');
    expect(linked('RURIT — Officials said talks went on.')).toEqual(['RURIT→rurit']);
    expect(linked('Rurit (Wire) - Bart Obara said talks went on.')).toEqual(['Rurit→rurit', 'Bart Obara→r-obara']);
    // Acting in a sentence about policy, it is the government.
    expect(linked('Rurit opposes the deal, Bart Obara said.')).toEqual(['Rurit→ruritania', 'Bart Obara→r-obara']);
  });

  it('uses a name in another language only on a page in that language, telling it from the text when the page does not say', () => {
    const english = 'Protests in Tunes spread across the country on Tuesday, witnesses said.';
    expect(linked(english)).toEqual(['Tunes→tunes-city']);
    expect(linked(english, 'en')).toEqual(['Tunes→tunes-city']);
    const croatian = 'Prosvjedi u Tunes proširili su se cijelom zemljom u utorak, rekli su svjedoci.';
    expect(linked(croatian, 'hr')).toContain('Tunes→tunisia-like');
  });

  it('links a territory’s small capital only in a text about that territory', () => {
    expect(linked('Protests over the Hamlet musical spread.')).toEqual([]);
    expect(linked('In Bermudo, protests in Hamlet spread.')).toEqual(['Bermudo→isle', 'Hamlet→hamlet']);
  });

  it('leaves a demonym alone at the start of a longer name the store does not know', () => {
    expect(linked('The Palestian Authority said so.')).toEqual([]);
    expect(linked('The Palestian New Year began.')).toEqual([]);
    // A place's name before a noun for a place is no name the demonym starts (an AP page on a
    // Russian cargo ship that broke up over Tuva, a region the store spells Tyva).
    expect(linked('It broke up over the remote Palestian Gorland region.')).toEqual(['Palestian→palest']);
    expect(linked('The Palestian Gorland Authority said so.')).toEqual([]);
    // A description, a title or a known name after it is no longer name.
    expect(linked('The Palestian Embassy in Hamlet said so.')).toEqual(['Palestian→palest']);
    expect(linked('The Palestian Prime Minister spoke.')).toEqual(['Palestian→palest']);
    expect(linked('A Palestian Bart Obara spoke.')).toEqual(['Palestian→palest', 'Bart Obara→r-obara']);
    expect(linked('Palestian officials said so.')).toEqual(['Palestian→palest']);
  });
});
