import { describe, expect, it } from 'vitest';
import { pieces } from '../../lib/dom/pieces';

describe('pieces', () => {
  it('cuts a long text between blocks, within the limit, covering every character once', () => {
    const text = Array.from({ length: 50 }, (_, i) => `block ${i} ${'x'.repeat(i)}`).join('\n');
    const cuts = pieces(text, 100);
    expect(cuts[0]?.[0]).toBe(0);
    expect(cuts[cuts.length - 1]?.[1]).toBe(text.length);
    for (let i = 0; i < cuts.length; i++) {
      const [from, to] = cuts[i] as [number, number];
      expect(to - from).toBeLessThanOrEqual(100);
      if (i > 0) expect(from).toBe(cuts[i - 1]?.[1]);
      if (to < text.length) expect(text[to - 1]).toBe('\n');
    }
  });

  it('keeps a short text whole', () => {
    expect(pieces('short text', 100)).toEqual([[0, 10]]);
  });
});
