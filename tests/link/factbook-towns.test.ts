// Towns beyond the capitals and major urban areas: those the World Factbook
// names in its entry for their country (a port, a regional capital) or with
// their region ("Cape Canaveral, Florida"). Seen missing on real pages:
// Whangārei (Guardian), Kyzyl and Cape Canaveral (AP). Each is linked only in
// a text that names its country or one of its places, never because a person
// of that country is named (a photo credit's "JIM WATSON" made a Breitbart
// page "about" Canada).
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/scan';
import { generatedStore } from '../build/generated-store';
import { fullStore } from '../fixtures/store';

const link = (text: string, name: string) =>
  scanText(fullStore(), text, { lang: 'en' }).find((m) => m.text === name)?.entityId;

describe('towns the World Factbook names', { timeout: 120_000 }, () => {
  it('are in the store with the Factbook field that names them, cited', () => {
    const { data, sources } = generatedStore();
    for (const [id, field] of [
      ['place-whangarei-nz', /^New Zealand: Transportation › Ports/],
      ['place-kyzyl-ru', /^Russia: Government › Administrative divisions/],
      ['place-cape-canaveral-us', /: /],
    ] as const) {
      const e = data.entities.get(id);
      const fact = e?.facts.find((f) => f.label === 'Named in the World Factbook');
      expect(fact?.value, id).toMatch(field);
      expect(sources[fact?.source ?? '']?.outlet, id).toMatch(/Factbook/);
    }
  });

  it('leave out towns named like people (“David”, Panama) and names only a word of a longer name gives', () => {
    const { data } = generatedStore();
    expect(data.entities.has('place-david-pa')).toBe(false);
    // "Baja California" names no town called California.
    expect(data.entities.has('place-california-mx')).toBe(false);
  });

  it.each([
    ['Villagers in Russia heard the debris fall not far from Kyzyl, officials said.', 'Kyzyl', 'place-kyzyl-ru'],
    ['The carver left New Zealand’s capital and went home to Whangārei.', 'Whangārei', 'place-whangarei-nz'],
    ['The launch pad at Cape Canaveral, Florida, was damaged.', 'Cape Canaveral', 'place-cape-canaveral-us'],
  ])('links them in a text about their country: “%s”', (text, name, id) => {
    expect(link(text, name)).toBe(id);
  });

  it('leaves them alone in a text that does not name their country', () => {
    expect(link('He went home to Kyzyl last spring.', 'Kyzyl')).toBeUndefined();
  });

  it('is not made “about” a country by a person of it: a photo credit', () => {
    // Jim Watson is a Canadian politician; Thunder Bay a port the Factbook names in Canada's entry.
    const text = 'JIM WATSON/AFP/Getty Images. The show moved from New York to Thunder Bay.';
    expect(link(text, 'Thunder Bay')).toBeUndefined();
    expect(link(`${text} Canada welcomed it.`, 'Thunder Bay')).toBe('place-thunder-bay-ca');
  });

  it('keeps a town inside a longer name alone: “The Seattle Times”', () => {
    const text = 'Photo: The Seattle Times. Seattle boats still fish in the United States.';
    const seattle = scanText(fullStore(), text, { lang: 'en' }).filter((m) => m.text === 'Seattle');
    expect(seattle.map((m) => [m.start, m.entityId])).toEqual([[text.indexOf('Seattle boats'), 'place-seattle-us']]);
  });
});
