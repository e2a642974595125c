import { describe, expect, it } from 'vitest';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import { entity, pack, seedStore } from '../fixtures/store';

describe('linking for the article’s date', () => {
  it('never links "the accord" of a 2015 article to an agreement signed in 2023 or 2025', () => {
    const text = 'Iran and Iraq discussed the security agreement. Critics called the accord a bad deal.';
    const ids = (date?: string) => scanText(seedStore(), text, { date }).map((m) => m.entityId);
    // Without a date, the phrases go to the seed story's agreement, as before.
    expect(ids()).toEqual(expect.arrayContaining(['mou-2025']));
    expect(ids('2015-03-18')).toEqual(['iran', 'iraq']);
    // After the memorandum was signed, it can be meant again.
    expect(ids('2025-09-01')).toEqual(expect.arrayContaining(['mou-2025']));
  });

  it('never links a body founded after the article, and takes the older of two namesakes', () => {
    const store = createFactStore([
      pack([
        entity({ id: 'ruritania', type: 'place', name: 'Ruritania' }),
        entity({
          id: 'new-front',
          type: 'organization',
          name: 'National Front',
          country: 'ruritania',
          facts: [{ label: 'Founded', value: '2019', date: '2019', source: 'src' }],
        }),
        entity({
          id: 'old-front',
          type: 'organization',
          name: 'National Front',
          country: 'ruritania',
          facts: [{ label: 'Founded', value: '1972', date: '1972', source: 'src' }],
        }),
      ]),
    ]);
    const ids = (date?: string) =>
      scanText(store, 'In Ruritania, the National Front won.', { date }).map((m) => m.entityId);
    expect(ids('2015-03')).toEqual(['ruritania', 'old-front']);
    // A date within the founding year cannot rule it out.
    expect(ids('2019-02-01')).toEqual(['ruritania']);
  });
});

describe('day numbers of a date written at any precision', () => {
  it('gives the first and the last day of a year, a month or a day', async () => {
    const { dayNumber, lastDayNumber } = await import('../../lib/factstore/day-number');
    const day = (iso: string) => dayNumber(iso);
    expect(lastDayNumber('2015-02')).toBe(day('2015-02-28'));
    expect(lastDayNumber('2016-02')).toBe(day('2016-02-29'));
    expect(lastDayNumber('2015')).toBe(day('2015-12-31'));
    expect(dayNumber('2015')).toBe(day('2015-01-01'));
    expect(lastDayNumber('2015-03-18')).toBe(day('2015-03-18'));
    expect(day('2015-03-19') - day('2015-03-18')).toBe(1);
    expect(dayNumber('1850')).toBe(0);
    expect(dayNumber(undefined)).toBe(0);
  });
});
