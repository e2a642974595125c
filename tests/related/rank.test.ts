import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../lib/factstore/schema';
import { pageKey, type RelatedCandidate, rankRelated } from '../../lib/related/rank';

const TYPES: Record<string, EntityType> = {
  iran: 'place',
  iraq: 'place',
  baghdad: 'place',
  'mou-2025': 'agreement',
  larijani: 'person',
  araji: 'person',
  bruce: 'person',
};

const page = new Map([
  ['iran', 5],
  ['iraq', 4],
  ['mou-2025', 2],
  ['larijani', 2],
  ['araji', 1],
]);

const story = (
  key: string,
  entities: string[],
  date = '2025-08-15',
  extra: Partial<RelatedCandidate> = {},
): RelatedCandidate => ({
  key,
  title: `Story ${key}`,
  outlet: 'Outlet',
  date,
  url: `https://news.example/${key}`,
  entities,
  ...extra,
});

const rank = (candidates: RelatedCandidate[], pageUrls: string[] = ['https://news.example/current']) =>
  rankRelated({ page, pageUrls, candidates, typeOf: (e) => TYPES[e], today: '2025-09-01' }).map((r) => r.key);

// Background stories that make "Iran" and "Iraq" common, as they are in any real collection.
const background = Array.from({ length: 6 }, (_, i) => story(`bg${i}`, ['iran', 'iraq', 'baghdad'], '2024-01-01'));

describe('rankRelated', () => {
  it('ranks an article sharing the agreement and two officials above one sharing only Iran and Iraq', () => {
    const order = rank([
      story('countries', ['iran', 'iraq']),
      story('deal', ['mou-2025', 'larijani', 'araji']),
      ...background,
    ]);
    expect(order.indexOf('deal')).toBeLessThan(order.indexOf('countries'));
    expect(order[0]).toBe('deal');
  });

  it.each([
    ['2025-08-20', '2025-08-01'],
    ['2025-08', '2024-12'],
    ['2025', '2019'],
  ])('puts the newer of two equal articles first (%s before %s)', (newer, older) => {
    expect(rank([story('old', ['larijani'], older), story('new', ['larijani'], newer)])).toEqual(['new', 'old']);
  });

  it('never lists the current page, whatever its URL dressing', () => {
    const order = rank(
      [story('current', ['larijani']), story('other', ['larijani'])],
      ['https://www.news.example/current/?utm_source=x#top'],
    );
    expect(order).toEqual(['other']);
  });

  it('folds duplicates: the same URL, or the same title from the same outlet, keeping "read"', () => {
    const ranked = rankRelated({
      page,
      pageUrls: [],
      today: '2025-09-01',
      typeOf: (e) => TYPES[e],
      candidates: [
        story('a', ['larijani']),
        story('a-visit', ['larijani'], '2025-08-15', { url: 'https://news.example/a?utm_medium=mail', read: true }),
        story('b', ['larijani'], '2025-08-15', { url: 'https://elsewhere.example/b', title: 'Story a' }),
      ],
    });
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.read).toBe(true);
  });

  it('names the shared entities, the strongest first, and lists nothing that shares none', () => {
    const ranked = rankRelated({
      page,
      pageUrls: [],
      today: '2025-09-01',
      typeOf: (e) => TYPES[e],
      candidates: [story('x', ['iran', 'mou-2025', 'bruce']), story('unrelated', ['bruce']), ...background],
    });
    expect(ranked.map((r) => r.key)).not.toContain('unrelated');
    expect(ranked.find((r) => r.key === 'x')?.shared).toEqual(['mou-2025', 'iran']);
  });

  it('normalises page URLs', () => {
    expect(pageKey('https://www.rudaw.net/english/a/?utm_campaign=z&id=3#c')).toBe('rudaw.net/english/a?id=3');
  });
});
