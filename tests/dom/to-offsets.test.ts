/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../lib/dom/article-root';
import { collectText } from '../../lib/dom/collect-text';
import { toOffsets, toRange } from '../../lib/dom/to-ranges';

describe('toOffsets', () => {
  it('turns a selection across inline elements into offsets of the collected text, and back', () => {
    document.body.innerHTML = '<article><p>First paragraph.</p><p>Ali <b>Lari</b>jani met al-Araji.</p></article>';
    const map = collectText(findArticleRoot(document));
    const bold = document.querySelector('b')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(bold, 0);
    range.setEnd(document.querySelectorAll('p')[1]?.lastChild as Text, 8);
    const offsets = toOffsets(map, range);
    expect(offsets && map.text.slice(offsets.start, offsets.end)).toBe('Larijani met');
    expect(offsets && toRange(map, offsets.start, offsets.end)?.toString()).toBe('Larijani met');
  });

  it('reads element boundaries (a triple-click selects a whole paragraph)', () => {
    document.body.innerHTML = '<article><p>One.</p><p>Two words.</p></article>';
    const map = collectText(findArticleRoot(document));
    const range = document.createRange();
    range.selectNodeContents(document.querySelectorAll('p')[1] as Element);
    const offsets = toOffsets(map, range);
    expect(offsets && map.text.slice(offsets.start, offsets.end)).toBe('Two words.');
  });

  it('says nothing for a selection outside the collected text', () => {
    document.body.innerHTML = '<nav><a>Home</a></nav><article><p>Text.</p></article>';
    const map = collectText(findArticleRoot(document));
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('a') as Element);
    expect(toOffsets(map, range)).toBeUndefined();
  });
});
