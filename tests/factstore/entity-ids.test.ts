import { describe, expect, it } from 'vitest';
import { entityIds } from '../../lib/factstore/entity-ids';

/** Sorted ids back to back, with where each starts, as the compiled store keeps them (text, or its UTF-8 bytes). */
function idsOf(list: string[], as: 'text' | 'bytes') {
  const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const start = new Uint32Array(sorted.length + 1);
  let text = '';
  sorted.forEach((id, i) => {
    start[i] = text.length;
    text += id;
  });
  start[sorted.length] = text.length;
  const source = as === 'text' ? text : new TextEncoder().encode(text);
  return { sorted, ids: entityIds(source, start, sorted.length) };
}

const ASCII = ['iran', 'iraq', 'ira', 'ali-larijani', 'mou-2025', 'z', 'q1.2_x', 'a'];
// Ids are ASCII by the schema; a store whose ids are not is still read right (its bytes decoded first).
const MIXED = [...ASCII, 'Zeta', 'ḥamad', 'ira\u00e9'];

describe.each([
  ['ASCII ids, as text', ASCII, 'text'],
  ['ASCII ids, as bytes', ASCII, 'bytes'],
  ['ids not all ASCII, as text', MIXED, 'text'],
  ['ids not all ASCII, as bytes', MIXED, 'bytes'],
] as const)('the entity ids (%s)', (_, list, as) => {
  it('finds every id by its number, and its number by the id', () => {
    const { sorted, ids } = idsOf([...list], as);
    sorted.forEach((id, i) => {
      expect(ids.at(i)).toBe(id);
      expect(ids.numberOf(id)).toBe(i);
    });
  });

  it.each(['', 'ir', 'iraq-', 'irana', '0', 'zz', 'ḥ', 'mou-2025 '])('finds no entity for %j', (id) => {
    expect(idsOf([...list], as).ids.numberOf(id)).toBe(-1);
  });

  it('reads as the array of ids, each cut when first read', () => {
    const { sorted, ids } = idsOf([...list], as);
    expect(ids.list.length).toBe(sorted.length);
    expect(ids.list[3]).toBe(sorted[3]);
    expect(3 in ids.list).toBe(true);
    expect(sorted.length in ids.list).toBe(false);
    expect(ids.list[sorted.length]).toBeUndefined();
    expect([...ids.list]).toEqual(sorted);
    expect(ids.list.includes('mou-2025')).toBe(true);
  });
});
