/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { keepNear, mergeInOrder } from '../../lib/dom/paint-order';
import type { Painted } from '../../lib/dom/painted-mentions';

function paragraphs(n: number): Text[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
}

function painted(node: Text): Painted {
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 9);
  return {
    mention: {
      entityId: 'x',
      type: 'person',
      text: node.data.slice(0, 9),
      start: 0,
      end: 9,
      reason: { why: 'onlyOne', text: 'test' },
    },
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
  /** `n` mentions, new at the given positions; returns the kept positions as [first, last, count]. */
  const kept = (n: number, fresh: number[], max: number) => {
    const flags = Array.from({ length: n }, (_, i) => fresh.includes(i));
    const keep = keepNear(flags, max);
    const at = keep.flatMap((k, i) => (k ? [i] : []));
    return { first: at[0], last: at[at.length - 1], count: at.length, keep };
  };

  it('keeps everything under the cap', () => {
    expect(kept(1500, [1499], 2000).count).toBe(1500);
  });

  it('keeps the top when new posts arrive at the top of a live blog', () => {
    expect(kept(2100, [0, 1, 2], 2000)).toMatchObject({ first: 0, last: 1999, count: 2000 });
  });

  it('keeps the bottom when text is added below (a page that loads more as the reader scrolls)', () => {
    expect(kept(2500, [2497, 2498, 2499], 2000)).toMatchObject({ first: 500, last: 2499, count: 2000 });
  });

  it('keeps every new mention, and the old ones nearest them, when new text lands at both ends', () => {
    const { keep, count } = kept(2100, [0, 2099], 2000);
    expect(count).toBe(2000);
    expect(keep[0]).toBe(true);
    expect(keep[2099]).toBe(true);
    // What gives way is the middle, farthest from both.
    expect(keep[1050]).toBe(false);
  });
});
