/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { Annotator } from '../../lib/dom/annotator';
import { Slices } from '../../lib/dom/slices';
import type { PaintedMention } from '../../lib/messages';
import { fakePainter } from '../fixtures/painter';

/** An annotator that finds every "Tammy Bruce" in what it is sent. */
function annotator() {
  const p = fakePainter();
  const a = new Annotator(p.painter, async (text) => {
    const out: PaintedMention[] = [];
    for (let i = text.indexOf('Tammy Bruce'); i >= 0; i = text.indexOf('Tammy Bruce', i + 1))
      out.push({
        entityId: 'tammy-bruce',
        start: i,
        end: i + 11,
        text: 'Tammy Bruce',
        reason: { why: 'name', text: 'Tammy Bruce', name: 'Tammy Bruce' },
        type: 'person',
      });
    return out;
  });
  return { annotator: a, painted: p.painted };
}

/** A clock whose slices are always used up, counting the times it gave the thread back. */
function everyStep() {
  const clock = { pauses: 0, slices: new Slices(-1, async () => void clock.pauses++) };
  return clock;
}

function paragraphs(n: number): Element[] {
  document.body.innerHTML = '<article></article>';
  const article = document.querySelector('article') as Element;
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: Tammy Bruce spoke.`;
    article.append(p);
  }
  return [...article.children];
}

describe('work on a changing page gives the page its thread back', () => {
  it('between the many small blocks of one change, not only inside a large one', async () => {
    const { annotator: a, painted } = annotator();
    const roots = paragraphs(300);
    const clock = everyStep();
    await a.annotateAll(roots, true, undefined, clock.slices);
    // Each paragraph is a few nodes, under the collector's step of 256: only a clock
    // shared across the paragraphs can be due between them.
    expect(clock.pauses).toBeGreaterThanOrEqual(300);
    expect(painted()).toBe(300);
  });

  it('while reading one very long article, every few hundred nodes', async () => {
    const { annotator: a, painted } = annotator();
    paragraphs(1200);
    const clock = everyStep();
    await a.annotateAll([document.querySelector('article') as Element], false, undefined, clock.slices);
    // 1,200 paragraphs are 2,400 nodes and more: read in one go, a long article blocks the page.
    expect(clock.pauses).toBeGreaterThanOrEqual(Math.floor(2400 / 256));
    expect(painted()).toBe(1200);
  });

  it('while checking every painted mention after a change, and unpaints only the stale ones', async () => {
    const { annotator: a, painted } = annotator();
    const roots = paragraphs(500);
    await a.annotate(document.querySelector('article') as Element);
    expect(painted()).toBe(500);
    // The page removes ten paragraphs and edits one.
    for (const el of roots.slice(0, 10)) el.remove();
    (roots[20] as Element).textContent = 'Paragraph 20: Tommy Bryce spoke.';
    const clock = everyStep();
    const refreshing = a.refresh([], clock.slices);
    // Meanwhile a paragraph is added and painted: it stays painted.
    const added = document.createElement('p');
    added.textContent = 'Late: Tammy Bruce again.';
    document.querySelector('article')?.append(added);
    await a.annotateAll([added]);
    await refreshing;
    expect(clock.pauses).toBeGreaterThanOrEqual(500);
    expect(painted()).toBe(500 - 11 + 1);
    expect(a.painted.map((p) => p.range.startContainer.parentElement?.textContent)).toContain(
      'Late: Tammy Bruce again.',
    );
  });
});
