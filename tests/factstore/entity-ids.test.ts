import { describe, expect, it } from 'vitest';
import { entityIds } from '../../lib/factstore/entity-ids';

/** Sorted ids back to back, with where each starts, as the compiled store keeps them. */
function idsOf(list: string[]) {
  const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const start = new Uint32Array(sorted.length + 1);
  let text = '';
  sorted.forEach((id, i) => {
    start[i] = text.length;
    text += id;
  });
  start[sorted.length] = text.length;
  return { sorted, ids: entityIds(text, start, sorted.length) };
}

const LIST = ['iran', 'iraq', 'ira', 'ali-larijani', 'mou-2025', 'z', 'Zeta', 'ḥamad', 'a'];

describe('the entity ids', () => {
  it('finds every id by its number, and its number by the id', () => {
    const { sorted, ids } = idsOf(LIST);
    sorted.forEach((id, i) => {
      expect(ids.at(i)).toBe(id);
      expect(ids.numberOf(id)).toBe(i);
    });
  });

  it.each(['', 'ir', 'iraq-', 'irana', '0', 'zz', 'ḥ'])('finds no entity for %j', (id) => {
    expect(idsOf(LIST).ids.numberOf(id)).toBe(-1);
  });

  it('reads as the array of ids, each cut when first read', () => {
    const { sorted, ids } = idsOf(LIST);
    expect(ids.list.length).toBe(sorted.length);
    expect(ids.list[3]).toBe(sorted[3]);
    expect(3 in ids.list).toBe(true);
    expect(sorted.length in ids.list).toBe(false);
    expect(ids.list[sorted.length]).toBeUndefined();
    expect([...ids.list]).toEqual(sorted);
    expect(ids.list.includes('mou-2025')).toBe(true);
  });
});
