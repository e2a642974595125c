/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { PrivateMarks, PrivateNames } from '../../lib/dom/private-marks';
import { fakePainter } from '../fixtures/painter';

function ranges(n: number): Range[] {
  document.body.innerHTML = `<p>${'Name '.repeat(n)}</p>`;
  const text = document.querySelector('p')?.firstChild as Text;
  return Array.from({ length: n }, (_, i) => {
    const r = document.createRange();
    r.setStart(text, i * 5);
    r.setEnd(text, i * 5 + 4);
    return r;
  });
}

describe('the painter, against a page that shares its highlight registry', () => {
  it('tells when the page cleared, emptied or replaced a highlight, and not after its own adds and removes', () => {
    const { painter, registry, painted } = fakePainter();
    const [a, b, c] = ranges(3) as [Range, Range, Range];
    painter.add('person', a);
    painter.add('person', b);
    painter.add('place', c);
    painter.remove('person', b);
    painter.remove('person', b); // twice: nothing to remove the second time
    expect(painter.tampered()).toBe(false);

    registry.clear(); // CSS.highlights.clear()
    expect(painter.tampered()).toBe(true);
    painter.repaint([
      { type: 'person', range: a },
      { type: 'place', range: c },
    ]);
    expect(painter.tampered()).toBe(false);
    expect(painted()).toBe(2);

    (registry.get('backstory-place') as unknown as { clear(): void }).clear(); // emptied in place
    expect(painter.tampered()).toBe(true);
  });
});

describe('names from the reader’s own packs', () => {
  it('never reach the page’s registry: they are underlined among the private marks, and go with a clear', () => {
    const { painter, registry, painted } = fakePainter();
    const layer = document.createElement('div');
    document.body.append(layer);
    const marks = new PrivateMarks(layer, () => undefined);
    painter.privately = new PrivateNames(marks);
    const [a, b] = ranges(2) as [Range, Range];
    painter.add('person', a);
    painter.add('person', b, true);
    expect(painted()).toBe(1);
    expect([...registry.keys()]).toEqual(['backstory-person']);
    expect(marks.get('name-person')).toEqual([b]);
    painter.repaint([
      { type: 'person', range: a },
      { type: 'person', range: b, mine: true },
    ]);
    expect(painted()).toBe(1);
    expect(marks.get('name-person')).toEqual([b]);
    painter.remove('person', b, true);
    expect(marks.get('name-person')).toEqual([]);
    painter.add('place', b, true);
    painter.clear();
    expect(marks.get('name-place')).toEqual([]);
    expect(painted()).toBe(0);
  });
});
