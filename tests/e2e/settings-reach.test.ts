// What a content script may reach (issue #14): one that a page managed to
// subvert cannot read or write the reader's settings (it would otherwise turn
// history retention to "forever" or switch Backstory off on sites), and its
// requests speak for the page's address now, not the one it had when the
// content script's port opened (a single-page site's next article).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardText,
  clickInCard,
  clickInEditor,
  editorFocused,
  type Harness,
  hover,
  inContentScript,
  openPage,
  paintedText,
  pointOf,
  privateMarks,
  selectWithMouse,
  setSiteFromExtension,
  startHarness,
  waitForPaint,
} from './harness';

let h: Harness;
const ARTICLE =
  '<!doctype html><html lang="en"><body><article><h1>Talks</h1><p>Ali Larijani met Tammy Bruce in Baghdad on Tuesday.</p></article></body></html>';

beforeAll(async () => {
  h = await startHarness();
  h.routes['/talks.html'] = ARTICLE;
  h.routes['/spa-a.html'] = ARTICLE;
});
afterAll(async () => {
  await h?.close();
});

describe('the settings, from a content script', () => {
  it('neither reads nor writes them: they live in the extension’s own database, out of its reach', async () => {
    // The reader switched Backstory off on another site (from the popup).
    await setSiteFromExtension(h, 'example.com', false);
    const page = await openPage(h, '/talks.html');
    const write = await inContentScript<string>(
      page,
      `chrome.storage.local.set({ disabledSites: ['127.0.0.1'], history: { keepDays: 0, paused: false } })
        .then(() => 'written', (e) => 'refused: ' + e.message)`,
    );
    expect(write).toMatch(/^refused/);
    const read = await inContentScript<string>(
      page,
      `chrome.storage.local.get(null).then((all) => 'read ' + JSON.stringify(all), (e) => 'refused: ' + e.message)`,
    );
    expect(read).toMatch(/^refused/);
    // Where a browser lets a content script into storage.local (Firefox), no setting is there…
    expect(await h.worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    // … and the content script's IndexedDB is the page's, not the extension's database.
    const names = await inContentScript<string[]>(page, 'indexedDB.databases().then((d) => d.map((x) => x.name))');
    expect(names).not.toContain('backstory');
    // Backstory still runs here after a reload, and the reader's switch for the other site held.
    await page.reload();
    await waitForPaint(page);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/options.html`);
    expect(
      await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'siteEnabled', site: 'example.com' })),
    ).toEqual({
      enabled: false,
    });
    await setSiteFromExtension(h, 'example.com', true);
    await popup.close();
    await page.close();
  });
});

describe('requests from a content script a page subverted', () => {
  it('get nothing of another tab, of the reading history or of notes on names not on its page, and save no note', async () => {
    h.routes['/other.html'] = ARTICLE.replace('Ali Larijani met Tammy Bruce', 'Qasim al-Araji met Abdul Latif Rashid');
    // The reader's other tab, and a note on a name found only there.
    const other = await openPage(h, '/other.html');
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const saved = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'saveNote',
        draft: { entityId: 'qasim-al-araji', body: 'Private: ask about the border' },
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    const otherId = await h.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id as number,
      `${h.origin}/other.html`,
    );
    const page = await openPage(h, '/talks.html');
    const ownId = await h.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id as number,
      `${h.origin}/talks.html`,
    );
    const ask = (message: object) =>
      inContentScript<unknown>(page, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
    const refused = { ok: false, error: expect.stringContaining('only from Backstory') };
    for (const tabId of [otherId, ownId]) {
      expect(await ask({ type: 'notesForTab', tabId })).toEqual(refused);
      expect(await ask({ type: 'tabEntities', tabId })).toEqual(refused);
      expect(await ask({ type: 'relatedCoverage', tabId })).toEqual(refused);
    }
    expect(await ask({ type: 'entityCoverage', entityId: 'qasim-al-araji' })).toEqual(refused);
    expect(await ask({ type: 'stats' })).toEqual(refused);
    // Notes on a name that is not on its page: neither their text nor that they exist.
    expect(await ask({ type: 'entityNotes', entityId: 'qasim-al-araji' })).toEqual([]);
    expect(
      await ask({ type: 'notesFor', url: `${h.origin}/other.html`, entityIds: ['qasim-al-araji', 'ali-larijani'] }),
    ).toEqual({ passages: [], entityNotes: {} });
    // No note saved without the reader typing it in Backstory's own editor.
    expect(await ask({ type: 'saveNote', draft: { entityId: 'ali-larijani', body: 'planted' } })).toEqual(refused);
    expect(await ask({ type: 'editorSave', body: 'planted' })).toEqual(refused);
    expect(await ask({ type: 'openEditor', target: { entityId: 'qasim-al-araji' } })).toMatchObject({ ok: false });
    // Through the port as well.
    const overPort = await inContentScript<unknown>(
      page,
      `new Promise((resolve) => {
        const port = chrome.runtime.connect({ name: 'backstory' });
        port.onMessage.addListener((m) => resolve(m.result));
        port.postMessage({ id: 1, message: { type: 'notesForTab', tabId: ${otherId} } });
      })`,
    );
    expect(overPort).toEqual(refused);
    // The options page (Backstory's own) is answered.
    expect(
      await options.evaluate((tabId) => chrome.runtime.sendMessage({ type: 'notesForTab', tabId }), otherId),
    ).toMatchObject({
      entities: [expect.objectContaining({ body: 'Private: ask about the border' })],
    });
    for (const p of [page, other, options]) await p.close();
  });
});

describe('a single-page site', () => {
  it('gets the notes of the article at its address now, over a port opened before the pushState', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const saved = await options.evaluate(
      (url) =>
        chrome.runtime.sendMessage({
          type: 'saveNote',
          draft: {
            url,
            body: 'A note on the second article',
            selector: [{ type: 'TextQuoteSelector', exact: 'Tammy Bruce' }],
          },
        }),
      `${h.origin}/spa-b.html`,
    );
    expect(saved).toMatchObject({ ok: true });
    await options.close();

    const page = await openPage(h, '/spa-a.html');
    await inContentScript(page, `(globalThis.__port = chrome.runtime.connect({ name: 'backstory' }), true)`);
    await page.evaluate(() => history.pushState({}, '', '/spa-b.html'));
    const answer = await inContentScript<{ result: { passages: unknown[] } }>(
      page,
      `new Promise((resolve) => {
        globalThis.__port.onMessage.addListener((m) => resolve(m));
        globalThis.__port.postMessage({ id: 7, message: { type: 'notesFor', url: location.href, entityIds: [] } });
      })`,
    );
    expect(answer.result.passages).toHaveLength(1);
    await page.close();
  });

  it('saves a note on the article at its address now, after a pushState, through the note editor', async () => {
    const page = await openPage(h, '/spa-a.html');
    // The site moves to its next article: a new address, new text.
    await page.evaluate(() => {
      history.pushState({}, '', '/spa-next.html');
      const p = document.querySelector('article p') as HTMLElement;
      p.textContent = 'Qasim al-Araji spoke in Baghdad about the border on Friday.';
    });
    // Backstory reads the new article once the address has settled (400 ms; a card open
    // before then closes with the old article).
    await page.waitForTimeout(800);
    await expect.poll(() => paintedText(page)).toMatchObject({ 'backstory-person': ['Qasim al-Araji'] });
    // The reader selects a passage with the mouse and writes a note on it.
    const passage = 'spoke in Baghdad about the border';
    // (Selected again until offered: under load the new article's read may still replace the
    // text map the selection is measured against.)
    await expect
      .poll(async () => {
        await selectWithMouse(page, 'article p', passage);
        await page.waitForTimeout(200);
        return (await cardText(page)) ?? '';
      })
      .toContain('Note this passage');
    await clickInCard(page, '.add-note');
    await expect.poll(() => editorFocused(page)).toBe(true);
    await page.keyboard.type('Said on the next article');
    await clickInEditor(page, '.note-actions .save');
    await expect.poll(() => privateMarks(page, 'note')).toEqual([passage]);
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const notesAt = (url: string) =>
      options.evaluate(
        async (u) =>
          (
            (await chrome.runtime.sendMessage({ type: 'notesFor', url: u, entityIds: [] })) as {
              passages: { body: string }[];
            }
          ).passages.map((n) => n.body),
        url,
      );
    expect(await notesAt(`${h.origin}/spa-next.html`)).toEqual(['Said on the next article']);
    expect(await notesAt(`${h.origin}/spa-a.html`)).toEqual([]);
    await options.close();
    await page.close();
  });
});

describe('a page that takes Backstory’s highlights', () => {
  it('gets them back: cleared from the registry, they are painted again', async () => {
    const page = await openPage(h, '/talks.html');
    const painted = () => page.evaluate(() => CSS.highlights.get('backstory-person')?.size ?? 0);
    const before = await painted();
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => CSS.highlights.clear());
    expect(await painted()).toBe(0);
    await expect.poll(painted, { timeout: 6_000 }).toBe(before);
    // Emptied in place, too.
    await page.evaluate(() => CSS.highlights.get('backstory-person')?.clear());
    await expect.poll(painted, { timeout: 6_000 }).toBe(before);
    await page.close();
  });
});

describe('events a page makes up', () => {
  it('reads the page again only when its address really changed, not for a forged navigation event', async () => {
    const page = await openPage(h, '/talks.html');
    const painted = () => page.evaluate(() => CSS.highlights.get('backstory-person')?.size ?? 0);
    expect(await painted()).toBeGreaterThan(0);
    // The event's name is the extension's id (which WXT's start-up message tells the page) and the script's.
    await page.evaluate((id) => {
      for (let i = 0; i < 3; i++) window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
    }, h.extensionId);
    await page.waitForTimeout(100);
    expect(await painted()).toBeGreaterThan(0);
    await page.waitForTimeout(900);
    expect(await painted()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps its underlines when the page announces a "newer copy" of the script, and never tells the page its id', async () => {
    h.routes['/listening.html'] = ARTICLE.replace(
      '<body>',
      `<body><script>window.__messages = []; addEventListener('message', (e) => __messages.push(JSON.stringify(e.data)));</script>`,
    );
    const page = await openPage(h, '/listening.html');
    const painted = () => page.evaluate(() => CSS.highlights.get('backstory-person')?.size ?? 0);
    const before = await painted();
    expect(before).toBeGreaterThan(0);
    // What the page heard while Backstory started: nothing with the extension's id in it.
    expect(
      await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages.join('\n')),
    ).not.toContain(h.extensionId);
    // WXT's announcement of a newer copy of the content script, made up by the page
    // (the extension's id of a store-listed extension is public).
    await page.evaluate((id) => {
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail }));
      window.postMessage({ type: `${id}:content:wxt:content-script-started`, ...detail }, '*');
    }, h.extensionId);
    await page.waitForTimeout(300);
    expect(await painted()).toBe(before);
    // Still reading: new text is painted.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Qasim al-Araji answered from Baghdad on Wednesday.';
      document.querySelector('article')?.append(p);
    });
    await expect.poll(painted).toBe(before + 1);
    await page.close();
  });

  it('opens no card for a pointer the page dispatches, and does for the reader’s own', async () => {
    const page = await openPage(h, '/talks.html');
    const { x, y } = await pointOf(page, 'Ali Larijani');
    await page.evaluate(
      ([px, py]) => {
        for (const type of ['pointermove', 'pointerover', 'mousemove'])
          document
            .elementFromPoint(px as number, py as number)
            ?.dispatchEvent(new PointerEvent(type, { clientX: px, clientY: py, bubbles: true, pointerType: 'mouse' }));
      },
      [x, y],
    );
    await page.waitForTimeout(1200);
    expect(await cardText(page)).toBeNull();
    await hover(page, 'Ali Larijani');
    await expect.poll(() => cardText(page)).toContain('Ali Larijani');
    await page.close();
  });
});
