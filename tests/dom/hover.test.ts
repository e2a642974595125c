/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../lib/dom/card-host';
import { type Clock, HoverIntent } from '../../lib/dom/hover';

/** A clock the test advances by hand. */
function fakeClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    setTimeout(fn, ms) {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  };
  return { clock, advance };
}

function intent() {
  const { clock, advance } = fakeClock();
  const log: string[] = [];
  // Four names, each its own range; the log names them by their text.
  const text = document.createTextNode('Baghdad Tehran Washington Iraq');
  document.body.replaceChildren(text);
  const names: Range[] = [];
  for (const [start, end] of [
    [0, 7],
    [8, 14],
    [15, 25],
    [26, 30],
  ] as const) {
    const r = document.createRange();
    r.setStart(text, start);
    r.setEnd(text, end);
    names.push(r);
  }
  const hover = new HoverIntent({
    doc: document,
    ranges: () => names,
    isOnCard: () => false,
    onOpen: (r) => log.push(`open ${r.toString()}`),
    onClose: () => log.push('close'),
    clock,
  });
  const name = (i: number) => names[i] as Range;
  return { hover, advance, log, name, names };
}

describe('HoverIntent', () => {
  it('opens a card only after the pointer dwells about 500 ms on a name', () => {
    const { hover, advance, log, name } = intent();
    hover.update(name(2));
    advance(400);
    expect(log).toEqual([]);
    hover.update(name(2));
    advance(100);
    expect(log).toEqual(['open Washington']);
  });

  it('does not open when the pointer passes over a name', () => {
    const { hover, advance, log, name } = intent();
    hover.update(name(1));
    advance(200);
    hover.update(undefined);
    advance(1000);
    expect(log).toEqual([]);
  });

  it('closes about 300 ms after the pointer leaves, unless it comes back', () => {
    const { hover, advance, log, name } = intent();
    hover.update(name(0));
    advance(500);
    hover.update(undefined);
    advance(200);
    hover.update(name(0)); // back on the name in time
    advance(500);
    expect(log).toEqual(['open Baghdad']);
    hover.update(undefined);
    advance(300);
    expect(log).toEqual(['open Baghdad', 'close']);
  });

  it('switches straight to another name’s card after its own dwell', () => {
    const { hover, advance, log, name } = intent();
    hover.update(name(0));
    advance(500);
    hover.update(name(3));
    advance(500);
    expect(log).toEqual(['open Baghdad', 'open Iraq']);
  });

  it('opens the card of the name under the pointer even when the list of names changes during the dwell', () => {
    const { hover, advance, log, name, names } = intent();
    hover.update(name(2));
    advance(200);
    // New text was read and painted before Washington: every name after it moved down the list.
    names.unshift(names.pop() as Range);
    hover.update(names[3] as Range);
    advance(300);
    expect(log).toEqual(['open Washington']);
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 360, height: 300 };

  it('puts the card below the name when there is room', () => {
    expect(placeCard({ left: 100, top: 100, bottom: 120 }, size, viewport)).toMatchObject({
      left: 100,
      top: 128,
      side: 'below',
    });
  });

  it('flips above the name near the bottom edge, without covering it', () => {
    const spot = placeCard({ left: 100, top: 700, bottom: 720 }, size, viewport);
    expect(spot.side).toBe('above');
    expect(spot.top + size.height).toBeLessThanOrEqual(700);
  });

  it('caps the card’s height to the roomier side when it fits neither', () => {
    const tall = { width: 360, height: 700 };
    const spot = placeCard({ left: 100, top: 300, bottom: 320 }, tall, viewport);
    expect(spot.side).toBe('below');
    expect(spot.top + spot.maxHeight).toBeLessThanOrEqual(viewport.height);
    expect(spot.top).toBeGreaterThan(320);
  });

  it('keeps the card inside the right edge', () => {
    const spot = placeCard({ left: 900, top: 100, bottom: 120 }, size, viewport);
    expect(spot.left + size.width).toBeLessThanOrEqual(viewport.width);
  });
});
