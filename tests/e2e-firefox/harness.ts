import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { dragEnds, IN_CARD, paintedPoint, ROOT, readPainted, SCREENSHOT_DIR, servePages } from '../e2e/harness';

/** The Firefox e2e build the tests install (another build's, to compare, with BACKSTORY_FIREFOX_EXTENSION_DIR). */
export const FIREFOX_EXTENSION_DIR =
  process.env.BACKSTORY_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output/firefox-mv3-e2e');
/** Debian's Firefox ESR (`apt-get install firefox-esr`), or FIREFOX_PATH. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts. */
const ADDON_ID = 'backstory@backstory.invalid';
/** The one page of the extension a web page may open (it is web-accessible: the card frames it). */
const WEB_ACCESSIBLE_PAGE = '/note-editor.html';

export { SCREENSHOT_DIR };

export interface FirefoxHarness {
  browser: Browser;
  /** The extension's internal UUID: its pages are at moz-extension://<uuid>/. */
  uuid: string;
  /** A page of the extension, kept open in a background tab: the tests ask the extension APIs through it. */
  extension: Page;
  origin: string;
  routes: Record<string, string | { body: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

/** Serves the demo and seed pages (as the Chromium harness does) and starts Firefox with the e2e build installed. */
export async function startFirefox(
  options: { routes?: Record<string, string | { body: string; headers: Record<string, string> }> } = {},
): Promise<FirefoxHarness> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox e2e build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:e2e:firefox\` first.`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `No Firefox at ${FIREFOX_PATH}: install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  const server = await servePages(options);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // Firefox draws each extension's internal UUID at install; naming it here gives the
      // tests the extension's addresses (moz-extension://<uuid>/popup.html) up front.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // In Firefox an MV3 extension's host permissions are the reader's to grant or take back
      // ("origin controls"). While this pref is true (the default since Firefox 127) the
      // manifest's host_permissions, localhost among them in the e2e build, are granted at
      // install, as Chromium grants them; set here so that a profile or policy that turns it
      // off cannot leave the tests on pages Backstory may not read (checked below).
      'extensions.originControls.grantByDefault': true,
    },
  });
  try {
    // A temporary add-on, for this browser's life (WebDriver BiDi's webExtension.install).
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
    const extension = await openExtensionPage(browser, uuid, WEB_ACCESSIBLE_PAGE);
    const granted = await extension.evaluate(() =>
      chrome.permissions.contains({ origins: ['http://127.0.0.1/*', 'http://localhost/*'] }),
    );
    if (!granted) throw new Error('Firefox did not grant the e2e build its host permissions for localhost.');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return {
      browser,
      uuid,
      extension,
      origin: server.origin,
      routes: server.routes,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}

/**
 * Opens `path` of the extension in a new tab. WebDriver BiDi refuses to navigate a
 * tab to a moz-extension: address, but a page may go to a web-accessible one, and
 * from there (the extension's own origin) to any page of the extension.
 */
async function openExtensionPage(browser: Browser, uuid: string, path: string): Promise<Page> {
  const page = await browser.newPage();
  const go = async (to: string) => {
    await page.evaluate((url) => {
      location.href = url;
    }, to);
    await page.waitForFunction(
      (url) => location.href === url && document.readyState === 'complete',
      { timeout: 10_000 },
      to,
    );
  };
  await go(`moz-extension://${uuid}${WEB_ACCESSIBLE_PAGE}`);
  if (path !== WEB_ACCESSIBLE_PAGE) await go(`moz-extension://${uuid}${path}`);
  return page;
}

/** Opens a page of the extension (`/notes.html`, say) in a new tab. */
export function extensionPage(h: FirefoxHarness, path: string): Promise<Page> {
  return openExtensionPage(h.browser, h.uuid, path);
}

/** The browser's id of the tab showing `page`. */
export async function tabIdOf(h: FirefoxHarness, page: Page): Promise<number> {
  const url = page.url();
  const id = await h.extension.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * The popup for the tab of `page`: the popup's own page in a tab, told which tab it
 * is about (`?tab=`). Firefox opens the real popup in its own window's panel, which
 * WebDriver BiDi does not reach.
 */
export async function openPopup(h: FirefoxHarness, page: Page): Promise<Page> {
  return extensionPage(h, `/popup.html?tab=${await tabIdOf(h, page)}`);
}

/** Sends the keyboard command's message to the active tab, as the background does for the manifest's shortcut. */
export async function stepMentions(h: FirefoxHarness, page: Page, direction: 1 | -1): Promise<void> {
  // WebDriver BiDi's keys are made inside the page, where Firefox's shortcuts never see them.
  await page.bringToFront();
  await h.extension.evaluate(async (d) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'mentionStep', direction: d });
  }, direction);
}

/** Opens `path` of the test server in a new tab and waits until Backstory has painted it. */
export async function openPage(h: FirefoxHarness, path: string): Promise<Page> {
  const page = await h.browser.newPage();
  await page.goto(h.origin + path);
  await waitForPaint(page);
  return page;
}

/** Waits until Backstory has painted something on the page. */
export async function waitForPaint(page: Page): Promise<void> {
  await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 15_000 });
}

/** The painted highlights, as the page itself sees them: name → painted strings. */
export function paintedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readPainted);
}

/** The viewport centre of the `nth` painted occurrence of `text`. */
export async function pointOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(paintedPoint, [text, nth] as const);
  if (point) return point;
  const mark = await inCard<{ x: number; y: number }>(page, IN_CARD.markPoint(text, nth));
  if (!mark) throw new Error(`“${text}” (#${nth}) is not painted`);
  return mark;
}

/** Rests the pointer on the `nth` occurrence of `text` (a second move, as a hand would). */
export async function hover(page: Page, text: string, nth = 0): Promise<void> {
  const { x, y } = await pointOf(page, text, nth);
  await page.mouse.move(x, y);
  await page.mouse.move(x + 1, y);
}

/** Hovers `name` and waits until its card shows. */
export async function hoverCard(page: Page, name: string): Promise<void> {
  await hover(page, name);
  await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain(name);
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiEvaluateResult }>;
}
type BidiEvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown; sharedId?: string } }
  | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * Runs `fn` (a function declaration, as source: one of IN_CARD) with `this` bound to
 * the card's shadow root, and returns its JSON result. The card lives in a closed
 * shadow root that no page script (nor puppeteer's selectors) can enter; WebDriver
 * BiDi can: it serializes the host with its closed shadow root when asked
 * (`includeShadowTree: 'all'`), and calls a function on that root by reference.
 */
export async function inCard<T>(page: Page, fn: string): Promise<T | null> {
  // puppeteer-core's own BiDi connection and the tab's browsing context (not in its typings).
  const connection = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!connection || !context) throw new Error('puppeteer-core no longer exposes its WebDriver BiDi connection');
  const call = async (params: object) => {
    const { result } = await connection.send('script.callFunction', {
      target: { context },
      awaitPromise: true,
      ...params,
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
    return result.result;
  };
  const host = await call({
    functionDeclaration: '() => document.querySelector("[data-backstory-ui]")',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const shadow = (host.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot;
  if (!shadow?.sharedId) return null;
  const json = await call({
    functionDeclaration: `function () { return JSON.stringify((${fn}).call(this)); }`,
    this: { sharedId: shadow.sharedId },
  });
  return typeof json.value === 'string' ? (JSON.parse(json.value) as T | null) : null;
}

/** The text of the open card, or null when no card is showing. */
export function cardText(page: Page): Promise<string | null> {
  return inCard<string>(page, IN_CARD.text);
}

/** Whether focus is inside the card. */
export function cardHasFocus(page: Page): Promise<boolean | null> {
  return inCard<boolean>(page, IN_CARD.hasFocus);
}

/** The texts the reader's private marks of `kind` (`note`, `has-notes`) are drawn on, inside the closed shadow root. */
export async function privateMarks(page: Page, kind: string): Promise<string[]> {
  return (await inCard<string[]>(page, IN_CARD.marks(kind))) ?? [];
}

/** Clicks the element of the open card that `selector` names. */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const r = await inCard<{ x: number; y: number; width: number; height: number }>(page, IN_CARD.rect(selector));
  if (!r) throw new Error(`nothing like ${selector} in the card`);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

/** Selects `passage` with the mouse, as a reader drags over it; `block` is the element whose first text holds it. */
export async function selectWithMouse(page: Page, block: string, passage: string): Promise<void> {
  const ends = await page.evaluate(dragEnds, [block, passage] as const);
  await page.mouse.move(ends.x1, ends.y1);
  await page.mouse.down();
  await page.mouse.move(ends.x2, ends.y2, { steps: 8 });
  await page.mouse.up();
}

/** The note editor open in the card: Backstory's own document, framed inside the closed shadow root. */
export async function noteEditor(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    // Asked of the frame itself: puppeteer keeps a moz-extension: frame's address as
    // about:blank (WebDriver BiDi reports no navigation into the extension's process).
    const url = await frame.evaluate(() => location.href).catch(() => '');
    if (/^moz-extension:\/\/[^/]+\/note-editor\.html/.test(url)) return frame;
  }
  return undefined;
}

/** Whether typing goes to the note editor: the card's frame has focus, and in it the text field. */
export async function editorFocused(page: Page): Promise<boolean> {
  const frame = await noteEditor(page);
  if (!frame) return false;
  const inFrame = await frame.evaluate(() => document.hasFocus() && document.activeElement?.tagName === 'TEXTAREA');
  return inFrame && (await inCard<boolean>(page, IN_CARD.editorFrameFocused)) === true;
}

/** Clicks, with the mouse, a control of the note editor in the card. */
export async function clickInEditor(page: Page, selector: string): Promise<void> {
  const box = await (await (await noteEditor(page))?.$(selector))?.boundingBox();
  if (!box) throw new Error(`nothing like ${selector} in the note editor`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
