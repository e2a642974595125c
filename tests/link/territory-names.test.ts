// A territory without an entity of its own is linked to the country the
// Phoenix dictionary files it under ("GAZA_ [PSEGZA]"), not to a namesake
// region elsewhere (Mozambique's Gaza Province): seen on a 2015 Washington
// Post page, where "Gaza" went to Mozambique.
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/scan';
import { fullStore } from '../fixtures/store';

describe('names of a territory without an entity of its own', { timeout: 120_000 }, () => {
  it.each([
    ['Israel struck Gaza on Monday, Netanyahu said.', 'Gaza'],
    ['Aid reached the Gaza Strip and the West Bank.', 'Gaza Strip'],
    ['Hamas still rules Gaza City.', 'Gaza City'],
  ])('links “%s” to Palestine', (text, name) => {
    const found = scanText(fullStore(), text, { lang: 'en' }).find((m) => m.text === name);
    expect(found?.entityId).toBe('palestine');
  });

  it('never gives the names of a country’s own part to the country itself (“Netherlands Antilles”)', () => {
    const found = scanText(fullStore(), 'Curaçao was part of the Netherlands Antilles until 2010.', { lang: 'en' });
    expect(found.filter((m) => m.text === 'Netherlands Antilles')).toEqual([]);
  });
});
