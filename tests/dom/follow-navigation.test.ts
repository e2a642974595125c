/** @vitest-environment happy-dom */
// A single-page site's next article (entrypoints/content/reader.ts): read afresh once the
// address has really changed, and never while the reader is writing a note in the card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followNavigation } from '../../entrypoints/content/reader';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp(writing: boolean) {
  const log: string[] = [];
  const card = { writing, close: () => void log.push('close') };
  const ctx = {
    addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn),
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  } as never;
  followNavigation(ctx, card, { enabled: true, read: async () => void log.push('read') });
  const navigate = (path: string) => {
    history.pushState(null, '', path);
    window.dispatchEvent(new Event('wxt:locationchange'));
  };
  return { log, card, navigate };
}

describe('the next article of a single-page site', () => {
  it('is read once the address has changed, and not on a made-up event', () => {
    const t = setUp(false);
    window.dispatchEvent(new Event('wxt:locationchange'));
    vi.advanceTimersByTime(1000);
    expect(t.log).toEqual([]);
    t.navigate('/next-article');
    vi.advanceTimersByTime(500);
    expect(t.log).toEqual(['close', 'read']);
  });

  it('waits while a note is being written in the card, then is read once', () => {
    const t = setUp(true);
    t.navigate('/scrolled-on');
    vi.advanceTimersByTime(5000);
    t.navigate('/scrolled-further');
    vi.advanceTimersByTime(5000);
    expect(t.log).toEqual([]);
    // Saved (or closed): the article the reader is now on is read.
    t.card.writing = false;
    vi.advanceTimersByTime(1500);
    expect(t.log).toEqual(['close', 'read']);
  });
});
