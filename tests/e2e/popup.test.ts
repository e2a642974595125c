import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSeeds } from '../../scripts/seed-pages.mjs';
import {
  type Harness,
  openPage,
  openRealPopup,
  SCREENSHOT_DIR,
  SEEDS_DIR,
  setSiteFromExtension,
  startHarness,
  waitForPaint,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // A third article on the same story, written for this test.
  h.routes['/third.html'] =
    '<!doctype html><html lang="en"><head><title>Third story</title></head><body><article><h1>Border memorandum, a week on</h1><p>Ali Larijani and Qasim al-Araji signed the memorandum of understanding in Baghdad, and the State Department objected.</p></article></body></html>';
});
afterAll(async () => {
  await h?.close();
});

const open = (path: string) => openPage(h, path);

async function withPopup<T>(page: Page, fn: (popup: Page) => Promise<T>): Promise<T> {
  const popup = await openRealPopup(h, page);
  try {
    await popup.page.waitForSelector('.entity-list, .empty', { timeout: 10_000 });
    return await fn(popup.page);
  } finally {
    await popup.close();
  }
}

const seed = (prefix: string) => listSeeds(SEEDS_DIR).find((s) => s.name.startsWith(prefix))?.name;

describe('the popup', () => {
  it('lists a seed article’s entities and ranks the other seed article first, naming what they share', async () => {
    const page = await open(`/seeds/${seed('000')}.html`);
    await withPopup(page, async (popup) => {
      // Its header shows Backstory's own icon, loaded from the extension.
      await expect
        .poll(() => popup.locator('h1 img.logo').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(48);
      const people = await popup.locator('section[aria-label="People"] .name').allInnerTexts();
      expect(people).toEqual(expect.arrayContaining(['Ali Larijani', 'Qasim al-Araji', 'Tammy Bruce']));
      await popup.waitForSelector('ol.related-list li');
      const first = popup.locator('ol.related-list li').first();
      expect(await first.locator('.meta').innerText()).toContain('Khaleej Telegraph');
      const shares = await first.locator('.shares').innerText();
      expect(shares).toMatch(/^shares: /);
      for (const name of ['Iran–Iraq border security memorandum (2025)', 'Ali Larijani', 'Tammy Bruce'])
        expect(shares).toContain(name);
      // The page itself (the Rudaw article, by its canonical URL) is not listed.
      const outlets = await popup.locator('ol.related-list .meta').allInnerTexts();
      expect(outlets.filter((o) => o.includes('Rudaw') && o.includes('Aug 17, 2025'))).toEqual([]);
      await popup.locator('ol.related-list').scrollIntoViewIfNeeded();
      await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-related.png') });
    });
    await page.close();
  });

  it('filters the names with its search box, and shows a name on the page when clicked', async () => {
    const page = await open('/demo/mou-signed.html');
    await withPopup(page, async (popup) => {
      await popup.fill('input[type="search"]', 'araji');
      expect(await popup.locator('.entity-list .name').allInnerTexts()).toEqual(['Qasim al-Araji']);
      await popup.click('.entity-list button.name');
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('backstory-flash'))).toBe(true);
    });
    await page.close();
  });

  it('lists the articles the reader read as "read" related coverage, and not after the history is cleared', async () => {
    for (const path of ['/demo/mou-signed.html', '/demo/washington-objects.html']) await (await open(path)).close();
    const third = await open('/third.html');
    const readTitles = () =>
      withPopup(third, async (popup) => {
        await popup.waitForSelector('ol.related-list li');
        return popup.locator('ol.related-list li[data-read="true"] .headline').allInnerTexts();
      });
    const read = await readTitles();
    expect(read).toEqual(
      expect.arrayContaining([
        'Iran and Iraq sign border security memorandum in Baghdad | The Demo Ledger',
        expect.stringContaining('Washington'),
      ]),
    );
    expect(read).not.toContain('Third story'); // never the page itself

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="visits"] li');
    await options.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => options.locator('[data-testid="visits"] li').count()).toBe(0);
    await options.close();
    expect(await readTitles()).toEqual([]);
    await third.close();
  });

  it('offers to turn Backstory on for a site it does not read yet, asking for that one site only', async () => {
    // *.localhost is the loopback, but not among the sites this build may read.
    const url = `${h.origin.replace('://127.0.0.1', '://news.localhost')}/third.html`;
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.bringToFront();
    const tabId = await h.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      // Without a grant, the background cannot even see this tab's address.
      return tab?.url === undefined ? (tab?.id ?? -1) : -1;
    });
    expect(tabId).toBeGreaterThan(0);
    // The popup as the toolbar button opens it: the click grants activeTab, so the
    // popup learns the tab's address (stood in for here; only a real click grants it).
    const popup = await h.context.newPage();
    await popup.addInitScript((u) => {
      const real = chrome.tabs.get.bind(chrome.tabs);
      (chrome.tabs as unknown as { get: unknown }).get = (id: number, done?: (t: chrome.tabs.Tab) => void) =>
        (real(id) as Promise<chrome.tabs.Tab>).then((t) => {
          const tab = { ...t, url: u };
          done?.(tab);
          return tab;
        });
    }, url);
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('button.turn-on');
    expect(await popup.locator('button.turn-on').innerText()).toBe('Turn on for news.localhost');
    // What the click asks the browser for: this site, not every site. The reader declines.
    const asked = await popup.evaluate(async () => {
      const seen: unknown[] = [];
      (chrome.permissions as unknown as { request: unknown }).request = (p: unknown, done?: (ok: boolean) => void) => {
        seen.push(p);
        done?.(false);
        return Promise.resolve(false);
      };
      (document.querySelector('button.turn-on') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 100));
      return seen;
    });
    expect(asked).toEqual([{ origins: ['http://news.localhost/*'] }]);
    expect(await popup.locator('[role="status"]').innerText()).toContain('declined');
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-turn-on.png') });
    // Nothing granted beyond the build's own sites: no extra content script registered
    // (one on the build's sites would read their pages twice).
    expect(await h.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('says plainly when Backstory is off on the site, and turns it back on from its switch', async () => {
    const page = await open('/demo/mou-signed.html');
    await setSiteFromExtension(h, '127.0.0.1', false);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.reload();
    await page.waitForTimeout(500);
    const popup = await openRealPopup(h, page);
    try {
      await popup.page.waitForSelector('.empty');
      expect(await popup.page.locator('.empty').innerText()).toContain('Backstory is off on 127.0.0.1');
      await popup.page.getByRole('switch').check();
    } finally {
      await popup.close();
    }
    await waitForPaint(page);
    await page.close();
  });

  it('remembers nothing new while the history is paused', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.waitForSelector('#history-title');
    if ((await options.locator('[data-testid="visits"] li').count()) > 0) {
      await options.getByRole('button', { name: 'Clear all' }).click();
      await expect.poll(() => options.locator('[data-testid="visits"] li').count()).toBe(0);
    }
    await options.getByLabel('Pause: remember nothing new').check();
    await (await open('/demo/mou-signed.html')).close();
    await options.waitForTimeout(1000);
    await options.reload();
    await options.waitForSelector('#history-title');
    expect(await options.locator('[data-testid="visits"] li').count()).toBe(0);
    // The same reading, not paused, is remembered: the check above could not pass by being early.
    await options.getByLabel('Pause: remember nothing new').uncheck();
    await (await open('/demo/mou-signed.html')).close();
    await expect
      .poll(async () => {
        await options.reload();
        await options.waitForSelector('#history-title');
        return options.locator('[data-testid="visits"] li').count();
      })
      .toBe(1);
    await options.close();
  });
});
