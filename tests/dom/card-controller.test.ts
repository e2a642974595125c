/** @vitest-environment happy-dom */
// The card (entrypoints/content/card.ts), whose code arrives when a card is first needed:
// what the reader dismissed while it was on its way is not shown, and a load that failed is
// tried again.
import { describe, expect, it } from 'vitest';
import { CardController } from '../../entrypoints/content/card';
import { CARD_UI_KEY, type CardUi } from '../../entrypoints/content/card-ui-api';

function setUp(loads: boolean[]) {
  document.body.innerHTML = '<p>Ali Larijani arrived in Baghdad.</p>';
  const range = document.createRange();
  range.selectNodeContents(document.body);
  const drawn: string[] = [];
  const ui = {
    css: '.card {}',
    lang: 'en',
    noteOffer: () => drawn.push('offer'),
    clear: () => undefined,
  } as unknown as CardUi;
  let release = () => {};
  let asked = 0;
  const card = new CardController({
    doc: document,
    fetchCard: async () => undefined,
    fetchNotes: async () => [],
    openEditor: async () => undefined,
    editorUrl: 'chrome-extension://x/note-editor.html',
    onDisableSite: () => undefined,
    onOpenStories: () => undefined,
    loadUi: () => {
      asked++;
      const ok = loads.shift() ?? false;
      return new Promise<boolean>((resolve) => {
        release = () => {
          if (ok) (globalThis as Record<string, unknown>)[CARD_UI_KEY] = ui;
          resolve(ok);
        };
      });
    },
  });
  const offer = () => card.panel(range, (u, mount) => u.noteOffer(mount, { onAdd: () => undefined }));
  return { card, drawn, offer, release: () => release(), asked: () => asked };
}

describe('the card, its code on the way', () => {
  it('does not show what was closed while its code was loading', async () => {
    delete (globalThis as Record<string, unknown>)[CARD_UI_KEY];
    const t = setUp([true]);
    const shown = t.offer();
    // The selection went (or Escape, or the pointer left) before the code came.
    t.card.close();
    t.release();
    expect(await shown).toBe(false);
    expect(t.drawn).toEqual([]);
    expect(t.card.isOpen).toBe(false);
    // Later, the code is there and the offer shows at once.
    expect(await t.offer()).toBe(true);
    expect(t.drawn).toEqual(['offer']);
    expect(t.asked()).toBe(1);
  });

  it('tries again to load its code when a card is next needed, after a load that failed', async () => {
    delete (globalThis as Record<string, unknown>)[CARD_UI_KEY];
    const t = setUp([false, true]);
    const first = t.offer();
    t.release();
    expect(await first).toBe(false);
    const second = t.offer();
    await Promise.resolve();
    t.release();
    expect(await second).toBe(true);
    expect(t.asked()).toBe(2);
  });
});
