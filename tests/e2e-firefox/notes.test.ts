import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardText,
  clickInCard,
  clickInEditor,
  editorFocused,
  extensionPage,
  type FirefoxHarness,
  hover,
  openPage,
  privateMarks,
  SCREENSHOT_DIR,
  selectWithMouse,
  startFirefox,
  waitForPaint,
} from './harness';

// tests/e2e/notes.test.ts in Firefox: a note on a name and one on a passage,
// saved from the card, and shown again when the page is read anew.

const PASSAGE = 'The memorandum commits both sides to stop armed groups crossing the border.';
const STORY = `<!doctype html><html lang="en"><head><title>Notes test story</title></head><body><article><h1>Border talks</h1>
  <p>Iran and Iraq held talks on Monday.</p>
  <p>Ali Larijani met Qasim al-Araji in Baghdad. ${PASSAGE} Officials gave no timetable.</p>
  <p>Washington objected the next day.</p></article></body></html>`;
const ON_NAME = 'Watch where he goes next.';
const ON_PASSAGE = 'This is the sentence Washington objects to.';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await startFirefox({ routes: { '/story.html': STORY } });
});
afterAll(async () => {
  await h?.close();
});

/** The marked passages of notes on the page (drawn inside Backstory's closed shadow root). */
const notedPassages = (page: Page) => privateMarks(page, 'note');

describe('notes in Firefox', () => {
  let page: Page;

  it('saves a note on an entity from its card, and one on a passage from a selection', async () => {
    page = await openPage(h, '/story.html');

    // On the entity: hover, "Add a note", type, save.
    await hover(page, 'Ali Larijani');
    await expect.poll(() => cardText(page)).toContain('Add a note');
    await clickInCard(page, '.add-note');
    await expect.poll(() => editorFocused(page)).toBe(true);
    await page.keyboard.type(ON_NAME);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'firefox-note-editor.png') });
    await clickInEditor(page, '.note-actions .save');
    await expect.poll(() => cardText(page)).toContain(ON_NAME);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();

    // On a passage: select it with the mouse, then the button next to the selection.
    await selectWithMouse(page, 'p:nth-of-type(2)', PASSAGE);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(PASSAGE);
    await expect.poll(() => cardText(page)).toContain('Note this passage');
    await clickInCard(page, '.add-note');
    await expect.poll(() => cardText(page)).toContain(PASSAGE);
    await expect.poll(() => editorFocused(page)).toBe(true);
    await page.keyboard.type(ON_PASSAGE);
    await clickInEditor(page, '.note-actions .save');
    await expect.poll(() => notedPassages(page)).toEqual([PASSAGE]);
  });

  it('shows both notes after the page is reloaded: the passage and the name marked, the note on its card', async () => {
    await page.reload();
    await waitForPaint(page);
    await expect.poll(() => notedPassages(page)).toEqual([PASSAGE]);
    await expect.poll(() => privateMarks(page, 'has-notes')).toEqual(['Ali Larijani']);
    await hover(page, 'Ali Larijani');
    await expect.poll(() => cardText(page)).toContain(ON_NAME);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'firefox-note-after-reload.png') });
    // None of it is in what the page's scripts can read: the highlight registry, the DOM.
    const seen = await page.evaluate(() => {
      const names: string[] = [];
      const texts: string[] = [];
      for (const [name, hl] of CSS.highlights) {
        names.push(name);
        for (const r of hl as unknown as Iterable<Range>) texts.push(r.toString());
      }
      return { names, texts, html: document.documentElement.outerHTML };
    });
    expect(seen.names.filter((n) => /note/.test(n))).toEqual([]);
    expect(seen.texts.join('\n')).not.toContain(PASSAGE);
    expect(seen.html).not.toContain(ON_NAME);
    expect(seen.html).not.toContain(ON_PASSAGE);
    await page.close();

    // The notes page lists both.
    const list = await extensionPage(h, '/notes.html');
    await list.waitForSelector('[data-testid="notes"] li', { timeout: 10_000 });
    const bodies = await list.$$eval('[data-testid="notes"] .body', (els) =>
      els.map((e) => (e as HTMLElement).innerText),
    );
    expect(bodies.sort()).toEqual([ON_PASSAGE, ON_NAME]);
    await list.close();
  });
});
