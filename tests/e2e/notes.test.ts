import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cardText,
  clickInCard,
  clickInEditor,
  editorFocused,
  type Harness,
  inCard,
  openRealPopup,
  pointOf,
  privateMarks,
  SCREENSHOT_DIR,
  selectWithMouse,
  startHarness,
  waitForPaint,
} from './harness';

const PASSAGE = 'The memorandum commits both sides to stop armed groups crossing the border.';
const story = (first: string, withPassage = true) =>
  `<!doctype html><html lang="en"><head><title>Notes test story</title></head><body><article><h1>Border talks</h1>
  <p>${first}</p>
  <p>Ali Larijani met Qasim al-Araji in Baghdad. ${withPassage ? PASSAGE : 'Nothing else was said that day.'} Officials gave no timetable.</p>
  <p>Washington objected the next day.</p></article></body></html>`;

// One profile for the whole file: the notes must outlive the browser.
const profile = mkdtempSync(join(tmpdir(), 'backstory-notes-profile-'));
const routes: Record<string, string> = { '/story.html': story('Iran and Iraq held talks on Monday.') };
let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

async function open(path: string): Promise<Page> {
  if (!h) throw new Error('no browser');
  const page = await h.context.newPage();
  await page.goto(h.origin + path);
  await waitForPaint(page);
  return page;
}

/** The marked passages of notes on the page (drawn inside Backstory's closed shadow root). */
const notedPassages = (page: Page) => privateMarks(page, 'note');

async function notesPage(): Promise<Page> {
  if (!h) throw new Error('no browser');
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/notes.html`);
  await page.waitForSelector('h1');
  return page;
}

describe('notes, kept across a browser restart', () => {
  it('saves a note on an entity from its card, and one on a passage from a selection', async () => {
    h = await startHarness({ userDataDir: profile, routes });
    const page = await open('/story.html');

    // On the entity: hover, "Add a note", type, save.
    const name = await pointOf(page, 'Ali Larijani');
    await page.mouse.move(name.x, name.y);
    await page.mouse.move(name.x + 1, name.y);
    await expect.poll(() => cardText(page)).toContain('Add a note');
    await clickInCard(page, '.add-note');
    await expect.poll(() => editorFocused(page)).toBe(true);
    await page.keyboard.type('Watch where he goes next.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'note-editor.png') });
    await clickInEditor(page, '.note-actions .save');
    await expect.poll(() => cardText(page)).toContain('Watch where he goes next.');
    await page.keyboard.press('Escape');

    // On a passage: select it with the mouse, then the button next to the selection.
    await selectWithMouse(page, 'p:nth-of-type(2)', PASSAGE);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(PASSAGE);
    await expect.poll(() => cardText(page)).toContain('Note this passage');
    await clickInCard(page, '.add-note');
    await expect.poll(() => cardText(page)).toContain(PASSAGE);
    await expect.poll(() => editorFocused(page)).toBe(true);
    await page.keyboard.type('This is the sentence Washington objects to.');
    await clickInEditor(page, '.note-actions .save');
    await expect.poll(() => notedPassages(page)).toEqual([PASSAGE]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'note-passage.png') });
    await page.close();
  });

  it('still has both notes after the browser is closed and started again, and paints the passage', async () => {
    // The same address as before: notes belong to their page's URL.
    const port = Number(new URL(h?.origin ?? 'http://x').port);
    await h?.close();
    h = await startHarness({ userDataDir: profile, routes, port });
    const list = await notesPage();
    await list.waitForSelector('[data-testid="notes"] li');
    const bodies = await list.locator('[data-testid="notes"] .body').allInnerTexts();
    expect(bodies.sort()).toEqual(['This is the sentence Washington objects to.', 'Watch where he goes next.']);
    await list.close();

    const page = await open('/story.html');
    await expect.poll(() => notedPassages(page)).toEqual([PASSAGE]);
    // The name of an entity with notes is marked, and its card shows the note.
    await expect.poll(() => privateMarks(page, 'has-notes')).toEqual(['Ali Larijani']);
    // None of it is in what the page's scripts can read: the highlight registry, the DOM.
    const seen = await page.evaluate(() => {
      const names: string[] = [];
      const texts: string[] = [];
      for (const [name, h] of CSS.highlights) {
        names.push(name);
        for (const r of h as unknown as Iterable<Range>) texts.push(r.toString());
      }
      return { names, texts, html: document.documentElement.outerHTML };
    });
    expect(seen.names.filter((n) => /note/.test(n))).toEqual([]);
    expect(seen.texts.join('\n')).not.toContain(PASSAGE);
    expect(seen.html).not.toContain('mark-note');
    expect(seen.html).not.toContain('This is the sentence Washington objects to.');
    // The marks are never hit: at the noted passage, the page's elementsFromPoint finds only its own elements.
    const passageTop = () =>
      page.evaluate((passage) => {
        const node = document.querySelectorAll('p')[1]?.firstChild as Text;
        const r = document.createRange();
        r.setStart(node, node.data.indexOf(passage));
        r.setEnd(node, node.data.indexOf(passage) + passage.length);
        const box = r.getClientRects()[0] as DOMRect;
        const hits = document.elementsFromPoint(box.left + 5, box.top + box.height / 2);
        return { top: box.top, ours: hits.filter((e) => e.hasAttribute('data-backstory-ui')).length };
      }, PASSAGE);
    expect((await passageTop()).ours).toBe(0);
    // They stay on their text as the page scrolls.
    const markTop = () =>
      inCard<number>(
        page,
        "function () { return this.querySelector('.mark-note')?.getBoundingClientRect().top ?? -1; }",
      );
    await page.evaluate(() => {
      document.body.style.minHeight = '3000px';
      scrollBy(0, 40);
    });
    const { top } = await passageTop();
    await expect.poll(markTop).toBeCloseTo(top, 0);
    // The popup lists both notes that concern this page: the passage, quoted, and the note on a name it has.
    if (!h) throw new Error('no browser');
    const popup = await openRealPopup(h, page);
    try {
      const section = popup.page.locator('section[aria-label="Your notes"]');
      await section.waitFor({ timeout: 10_000 });
      expect(await section.locator('li[data-orphaned="false"] blockquote').allInnerTexts()).toEqual([PASSAGE]);
      const items = await section.locator('li').allInnerTexts();
      expect(items).toHaveLength(2);
      expect(items.join('\n')).toContain('This is the sentence Washington objects to.');
      expect(items.join('\n')).toContain('Ali Larijani: Watch where he goes next.');
    } finally {
      await popup.close();
    }
    await page.close();
  });

  it('finds the passage again after a paragraph before it was edited', async () => {
    routes['/story.html'] = story(
      'Iran and Iraq held two days of talks on Monday and Tuesday, officials in both capitals said.',
    );
    const page = await open('/story.html');
    await expect.poll(() => notedPassages(page)).toEqual([PASSAGE]);
    await page.close();
  });

  it('lists a note whose passage is gone as orphaned, and keeps it', async () => {
    routes['/story.html'] = story('Iran and Iraq held talks on Monday.', false);
    const page = await open('/story.html');
    await page.waitForTimeout(500);
    expect(await notedPassages(page)).toEqual([]);
    const list = await notesPage();
    await expect
      .poll(async () => {
        await list.reload();
        await list.waitForSelector('[data-testid="notes"] li');
        return list.locator('[data-testid="notes"] li[data-orphaned="true"] .body').allInnerTexts();
      })
      .toEqual(['This is the sentence Washington objects to.']);
    expect(await list.locator('[data-testid="notes"] li').count()).toBe(2);
    await list.screenshot({ path: join(SCREENSHOT_DIR, 'notes-page.png') });
    await list.close();
    await page.close();
  });

  it('filters, deletes with undo, and edits on the notes page', async () => {
    const list = await notesPage();
    await list.waitForSelector('[data-testid="notes"] li');
    await list.getByLabel('Entity').selectOption({ label: 'Ali Larijani' });
    await expect.poll(() => list.locator('[data-testid="notes"] li').count()).toBe(1);
    await list.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => list.locator('[data-testid="notes"] li').count()).toBe(0);
    await list.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => list.locator('[data-testid="notes"] .body').allInnerTexts())
      .toEqual(['Watch where he goes next.']);
    await list.getByRole('button', { name: 'Edit' }).click();
    await list.getByLabel('Edit the note').fill('Watch where he goes next, and with whom.');
    await list.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => list.locator('[data-testid="notes"] .body').allInnerTexts())
      .toEqual(['Watch where he goes next, and with whom.']);
    await list.close();
  });

  it('imports a note whose page address is a javascript: URL, and shows its page as text, never a link', async () => {
    const list = await notesPage();
    const annotation = (n: number, source: string) => ({
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
      type: 'Annotation',
      created: '2025-08-16T10:00:00Z',
      modified: '2025-08-16T10:00:00Z',
      body: { type: 'TextualBody', value: `Planted note ${n}` },
      target: { source, title: `Planted page ${n}` },
    });
    const file = {
      type: 'AnnotationCollection',
      items: [annotation(1, 'javascript:alert(document.domain)'), annotation(2, 'JaVaScRiPt:alert(1)')],
    };
    await list.setInputFiles('input[type="file"]', {
      name: 'planted.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect.poll(() => list.locator('[role="status"]').innerText()).toContain('Imported 2 notes');
    await expect.poll(() => list.locator('[data-testid="notes"] .body').allInnerTexts()).toContain('Planted note 1');
    const hrefs = await list.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).not.toMatch(/^\s*javascript:/i);
    // The page's title is there, as text: no link around it.
    expect(await list.locator('[data-testid="notes"]').innerText()).toContain('On a passage of Planted page 1');
    expect(await list.locator('a[href]', { hasText: 'Planted page' }).count()).toBe(0);
    await list.close();
  });
});
