/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { mergeInOrder, type Painted } from '../../lib/dom/annotator';

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
