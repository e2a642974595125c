/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { hitTest } from '../../lib/dom/hit-test';

/** A rectangle as getClientRects gives it. */
const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top }) as DOMRect;

function range(start: [Node, number], end: [Node, number], rects: DOMRect[]): Range {
  const r = document.createRange();
  r.setStart(...start);
  r.setEnd(...end);
  Object.defineProperty(r, 'getClientRects', { value: () => rects });
  return r;
}

/** Makes the caret under any point fall in `node`. */
function caretIn(node: Node): void {
  Object.defineProperty(document, 'caretPositionFromPoint', {
    configurable: true,
    value: () => ({ offsetNode: node, offset: 0 }),
  });
}

describe('hitTest', () => {
  it('finds the name under the pointer among several in one text node, by its rectangles', () => {
    const text = document.createTextNode('Baghdad and Tehran');
    document.body.replaceChildren(text);
    const baghdad = range([text, 0], [text, 7], [rect(0, 0, 70, 20)]);
    const tehran = range([text, 12], [text, 18], [rect(120, 0, 60, 20)]);
    caretIn(text);
    expect(hitTest(document, [baghdad, tehran], 150, 10)).toBe(tehran);
    expect(hitTest(document, [baghdad, tehran], 10, 10)).toBe(baghdad);
    // Over the blank between them the caret snaps to the text, but no rectangle holds the point.
    expect(hitTest(document, [baghdad, tehran], 95, 10)).toBeUndefined();
  });

  it('finds a name that spans nodes ("<b>Ali</b> Larijani") from either of them', () => {
    const b = document.createElement('b');
    b.textContent = 'Ali';
    const rest = document.createTextNode(' Larijani spoke');
    document.body.replaceChildren(b, rest);
    const ali = b.firstChild as Text;
    const name = range([ali, 0], [rest, 9], [rect(0, 0, 30, 20), rect(30, 0, 80, 20)]);
    caretIn(rest);
    expect(hitTest(document, [name], 60, 10)).toBe(name);
    caretIn(ali);
    expect(hitTest(document, [name], 10, 10)).toBe(name);
  });

  it('prefers the first range in the list where two overlap (a name inside a noted passage)', () => {
    const text = document.createTextNode('They said Ali Larijani would come back.');
    document.body.replaceChildren(text);
    const passage = range([text, 0], [text, 38], [rect(0, 0, 380, 20)]);
    const name = range([text, 10], [text, 22], [rect(100, 0, 120, 20)]);
    caretIn(text);
    expect(hitTest(document, [name, passage], 150, 10)).toBe(name);
    expect(hitTest(document, [name, passage], 300, 10)).toBe(passage);
  });

  it('still finds a name when the caret lands on an element rather than a text node', () => {
    const p = document.createElement('p');
    const text = document.createTextNode('Tammy Bruce');
    p.append(text);
    document.body.replaceChildren(p);
    const name = range([text, 0], [text, 11], [rect(0, 0, 110, 20)]);
    caretIn(p);
    expect(hitTest(document, [name], 50, 10)).toBe(name);
  });
});
