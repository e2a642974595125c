import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import {
  browserLanguage,
  findChromium,
  findPage,
  launchWithExtension,
  openRealPopup,
} from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const SEEDS_DIR = join(SHARED, 'seeds');
/** The e2e build the tests load (another build's, to compare, with BACKSTORY_EXTENSION_DIR). */
export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3-e2e');
export const SCREENSHOT_DIR = join(ROOT, 'test-output/screenshots');

/** Sends the keyboard command's message to a tab, as the background does for the manifest's shortcut. */
export async function stepMentions(h: Harness, page: Page, direction: 1 | -1): Promise<void> {
  await page.bringToFront();
  await h.worker.evaluate(async (d) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'mentionStep', direction: d });
  }, direction);
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  origin: string;
  routes: Record<string, string | { body: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

/** Serves the demo pages (`/demo/…`), the pages built from the seeds (`/seeds/<name>.html`) and `routes`. */
export function servePages(
  options: { routes?: Record<string, string | { body: string; headers: Record<string, string> }>; port?: number } = {},
): ReturnType<typeof startServer> {
  return startServer({
    demoDir: join(ROOT, 'assets/demo'),
    seedsDir: SEEDS_DIR,
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.port ? { port: options.port } : {}),
  });
}

/**
 * Serves the demo and seed pages and launches Chromium with the e2e build loaded (a new
 * profile unless one is given), its interface in `language`: American English unless a
 * test asks for another, whatever this machine's own language.
 */
export async function startHarness(
  options: {
    userDataDir?: string;
    routes?: Record<string, string | { body: string; headers: Record<string, string> }>;
    port?: number;
    language?: string;
  } = {},
): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build at ${EXTENSION_DIR}: run \`npm run build:e2e\` first.`);
  }
  const chrome = findChromium();
  if ('error' in chrome) throw new Error(chrome.error);
  const server = await servePages(options);
  const launched = await launchWithExtension({
    extensionDir: EXTENSION_DIR,
    executablePath: chrome.path,
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    ...browserLanguage(options.language ?? 'en-US'),
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    ...launched,
    origin: server.origin,
    routes: server.routes,
    async close() {
      await launched.context.close();
      await server.close();
    },
  };
}

/** Runs in the page: the painted highlights, as the page itself sees them (name → painted strings). */
export function readPainted(): Record<string, string[]> {
  // Plain loops: some test pages break Array.prototype.map on purpose.
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    const texts: string[] = [];
    for (const r of highlight) texts.push((r as Range).toString());
    out[name] = texts;
  }
  return out;
}

/** The painted highlights, as the page itself sees them: name → painted strings. */
export async function paintedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readPainted);
}

/** Waits until Backstory has painted something on the page. */
export async function waitForPaint(page: Page): Promise<void> {
  await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 15_000 });
}

/** Runs in the page: scrolls the `n`th painted occurrence of `t` to the middle and returns its viewport centre. */
export function paintedPoint([t, n]: readonly [string, number]): { x: number; y: number } | null {
  const ranges: Range[] = [];
  for (const [, h] of CSS.highlights) for (const r of h) if ((r as Range).toString() === t) ranges.push(r as Range);
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = ranges[n];
  if (!range) return null;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

/**
 * Functions (as source) that read the card: each runs with `this` bound to
 * the card's closed shadow root (see inCard; the Firefox harness runs the
 * same ones over WebDriver BiDi).
 */
export const IN_CARD = {
  /** The viewport centre of the `nth` name of `text` underlined among the private marks. */
  markPoint: (text: string, nth: number) => `function () {
      const box = [...this.querySelectorAll('.mark.name')].filter((m) => m.dataset.text === ${JSON.stringify(text)})[${nth}];
      const r = box?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }`,
  /** The texts the private marks of `kind` are drawn on. */
  marks: (kind: string) => `function () {
      return [...this.querySelectorAll('.mark-${kind}[data-text]')].map((m) => m.dataset.text);
    }`,
  /** The text of the open card, or null. */
  text: `function () {
      if (this.querySelector('.mount')?.style.display === 'none') return null;
      const card = this.querySelector('.card');
      return card ? card.innerText : null;
    }`,
  /** The viewport rectangle of an element of the open card (scrolled into the card's view). */
  rect: (selector: string) => `function () {
      if (this.querySelector('.mount')?.style.display === 'none') return null;
      const el = this.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      // The card scrolls when it is taller than the room beside the name:
      // scroll it (not the page, which would move the name) to show the element.
      const card = this.querySelector('.card');
      if (card && card !== el) {
        const c = card.getBoundingClientRect();
        const e = el.getBoundingClientRect();
        if (e.bottom > c.bottom || e.top < c.top) card.scrollTop += e.top - c.top - c.height / 2;
      }
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }`,
  /** Whether focus is inside the card. */
  hasFocus: 'function () { return this.activeElement !== null; }',
  /** Whether the focused element of the card is the note editor's frame. */
  editorFrameFocused: "function () { return this.activeElement?.tagName === 'IFRAME'; }",
};

/** The viewport centre of the `nth` painted occurrence of `text`. */
export async function pointOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(paintedPoint, [text, nth] as const);
  if (point) return point;
  // A name from the reader's own packs is underlined inside the closed shadow root.
  const mark = await inCard<{ x: number; y: number } | null>(page, IN_CARD.markPoint(text, nth));
  if (!mark) throw new Error(`“${text}” (#${nth}) is not painted`);
  return mark;
}

/**
 * Runs `fn` (a function declaration, as source) with `this` bound to the
 * card's shadow root, and returns its JSON result. The card lives in a
 * closed shadow root that no page script (nor Playwright's selectors) can
 * enter; the DevTools protocol can.
 */
export async function inCard<T>(page: Page, fn: string): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (n) => (n.attributes ?? []).includes('data-backstory-ui'));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    })) as { result: { value: T | null } };
    return result.value ?? null;
  } finally {
    await cdp.detach();
  }
}

/** The texts the reader's private marks of `kind` (`note`, `has-notes`) are drawn on, inside the closed shadow root. */
export function privateMarks(page: Page, kind: string): Promise<string[]> {
  return inCard<string[]>(page, IN_CARD.marks(kind)).then((t) => t ?? []);
}

/** The text of the open card, or null when no card is showing. */
export function cardText(page: Page): Promise<string | null> {
  return inCard<string>(page, IN_CARD.text);
}

/** The viewport rectangle of an element of the open card. */
export function cardRect(
  page: Page,
  selector: string,
): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return inCard(page, IN_CARD.rect(selector));
}

/** Whether focus is inside the card. */
export function cardHasFocus(page: Page): Promise<boolean | null> {
  return inCard<boolean>(page, IN_CARD.hasFocus);
}

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [
    ...(node.children ?? []),
    ...(node.shadowRoots ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/**
 * Evaluates `expression` (awaited, its result returned as JSON) in Backstory's
 * content script's world on `page`, as code that subverted the content script
 * would run it: with the extension APIs a content script has.
 */
export async function inContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Backstory');
    if (!world) throw new Error(`no content script world on ${page.url()}`);
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Opens `path` of the test server in a new tab and waits until Backstory has painted it. */
export async function openPage(h: Harness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.origin + path);
  await waitForPaint(page);
  return page;
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

/** Clicks the element of the open card that `selector` names. */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const r = await cardRect(page, selector);
  if (!r) throw new Error(`nothing like ${selector} in the card`);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

/** Runs in the page: where a drag over `text` (in the first text of `selector`) starts and ends. */
export function dragEnds([selector, text]: readonly [string, string]): {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
} {
  const node = document.querySelector(selector)?.firstChild as Text;
  const at = node.data.indexOf(text);
  const r = document.createRange();
  r.setStart(node, at);
  r.setEnd(node, at + 1);
  const a = r.getBoundingClientRect();
  r.setStart(node, at + text.length - 1);
  r.setEnd(node, at + text.length);
  const b = r.getBoundingClientRect();
  return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2 };
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
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/note-editor\.html/.test(f.url()));
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
  const frame = await noteEditor(page);
  const box = await frame?.locator(selector).boundingBox();
  if (!box) throw new Error(`nothing like ${selector} in the note editor`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Switches Backstory on or off for a site, as the popup's switch does (from an extension page). */
export async function setSiteFromExtension(h: Harness, site: string, enabled: boolean): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.evaluate(([s, on]) => chrome.runtime.sendMessage({ type: 'setSiteEnabled', site: s, enabled: on }), [
    site,
    enabled,
  ] as const);
  await page.close();
}

export { findPage, openRealPopup };
