/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { keepNear, mergeInOrder, type Painted } from '../../lib/dom/annotator';

function paragraphs(n: number): Text[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
}

function painted(node: Text): Painted {
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 9);
  return {
    mention: { entityId: 'x', type: 'person', text: node.data.slice(0, 9), start: 0, end: 9, reason: 'test' },
    range,
  };
}

const order = (list: Painted[]) => list.map((p) => (p.range.startContainer as Text).data);

describe('mergeInOrder', () => {
  it('keeps mentions in reading order when new ones land before, between and after the old', () => {
    const nodes = paragraphs(6);
    const old = [1, 3, 4].map((i) => painted(nodes[i] as Text));
    const added = [5, 0, 2].map((i) => painted(nodes[i] as Text));
    expect(order(mergeInOrder([...old, ...added], old.length))).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `Paragraph ${i}`),
    );
  });

  it('appends text added after everything already painted, in reading order', () => {
    const nodes = paragraphs(4);
    const list = [0, 1, 3, 2].map((i) => painted(nodes[i] as Text));
    expect(order(mergeInOrder(list, 2))).toEqual(nodes.map((n) => n.data));
  });
});

describe('keepNear', () => {
  it('keeps everything under the cap', () => {
    expect(keepNear(1500, 1400, 1499, 2000)).toEqual([0, 1500]);
  });

  it('keeps the top when new posts arrive at the top of a live blog', () => {
    expect(keepNear(2100, 0, 99, 2000)).toEqual([0, 2000]);
  });

  it('keeps the bottom when text is added below (a page that loads more as the reader scrolls)', () => {
    expect(keepNear(2500, 2000, 2499, 2000)).toEqual([500, 2500]);
  });

  it('keeps a run centred on text that changed in the middle', () => {
    const [from, to] = keepNear(4000, 1990, 2009, 2000);
    expect(to - from).toBe(2000);
    expect(from).toBeLessThanOrEqual(1990);
    expect(to).toBeGreaterThan(2009);
    expect(Math.abs(1990 - from - (to - 1 - 2009))).toBeLessThanOrEqual(1);
  });
});
