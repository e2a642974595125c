import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSeeds } from '../../scripts/seed-pages.mjs';
import { SEEDS_DIR } from '../e2e/harness';
import {
  cardHasFocus,
  cardText,
  type FirefoxHarness,
  hover,
  openPage,
  openPopup,
  paintedText,
  SCREENSHOT_DIR,
  startFirefox,
  stepMentions,
} from './harness';

// The reader's core journeys of the Chromium tests (tests/e2e/reading.test.ts,
// reading-page.test.ts, popup.test.ts), in Firefox.

let h: FirefoxHarness;
beforeAll(async () => {
  h = await startFirefox();
  h.routes['/plain.html'] =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><nav><a href="/">Home</a></nav><main><article id="story">' +
    '<p>Ali Larijani met Qasim al-Araji in Baghdad to sign the memorandum of understanding.</p>' +
    '<p>Later, Larijani spoke to reporters about the MoU and the border.</p></article></main></body></html>';
});
afterAll(async () => {
  await h?.close();
});

const seed = (prefix: string) => listSeeds(SEEDS_DIR).find((s) => s.name.startsWith(prefix))?.name;

describe('reading in Firefox', () => {
  it.each([
    [
      '000',
      ['Ali Larijani', 'Larijani', 'Qasim al-Araji', 'Abdul Latif Rashid', 'Tammy Bruce', 'Bruce', 'Saddam Hussein'],
    ],
    ['002', ['Ali Larijani', 'Tammy Bruce']],
  ])('paints the people of the page built from seed %s, and nothing in its comments', async (prefix, people) => {
    const page = await openPage(h, `/seeds/${seed(prefix)}.html`);
    // Polled: a long article may be painted in more than one pass.
    await expect
      .poll(async () => (await paintedText(page))['backstory-person'])
      .toEqual(expect.arrayContaining(people));
    // The comment policy under seed 000 names Rudaw; it is not the article.
    const inComments = await page.evaluate(() => {
      let n = 0;
      for (const [, hl] of CSS.highlights)
        for (const r of hl) if ((r as Range).startContainer.parentElement?.closest('.comments')) n++;
      return n;
    });
    expect(inComments).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `firefox-seed-${prefix}.png`) });
    await page.close();
  });

  it('opens Larijani’s card with his role after a dwell, and closes it after the pointer leaves', async () => {
    const page = await openPage(h, `/seeds/${seed('000')}.html`);
    await hover(page, 'Ali Larijani');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Secretary of Iran');
    const text = (await cardText(page)) ?? '';
    expect(text).toContain('Ali Larijani');
    expect(text).toMatch(/PERSON/i);
    expect(text).toContain('Arab News, Aug 5, 2025'); // the role's source and date (en-US)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'firefox-card-larijani.png') });
    await page.mouse.move(5, 5);
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toBeNull();
    await page.close();
  });

  it('opens a card from the keyboard command, walks the names in order, and closes on Escape, giving focus back', async () => {
    const page = await openPage(h, '/plain.html');
    await page.focus('nav a');
    await stepMentions(h, page, 1);
    await expect.poll(() => cardText(page)).toContain('Ali Larijani');
    expect(await cardHasFocus(page)).toBe(true);
    await stepMentions(h, page, 1);
    await expect.poll(() => cardText(page)).toContain('Qasim al-Araji');
    await stepMentions(h, page, -1);
    await expect.poll(() => cardText(page)).toContain('Ali Larijani');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
    await page.close();
  });

  it('lists the page’s people in the popup, the most mentioned first, and shows a name on the page when clicked', async () => {
    const page = await openPage(h, '/demo/mou-signed.html');
    const popup = await openPopup(h, page);
    try {
      await popup.waitForSelector('[data-entity="ali-larijani"]', { timeout: 10_000 });
      const people = await popup.$$eval('section[aria-label="People"] .name', (els) =>
        els.map((e) => (e as HTMLElement).innerText),
      );
      expect(people).toEqual(expect.arrayContaining(['Ali Larijani', 'Qasim al-Araji', 'Abdul Latif Rashid']));
      expect(people[0]).toBe('Ali Larijani');
      await popup.screenshot({ path: join(SCREENSHOT_DIR, 'firefox-popup.png') });
      await popup.type('input[type="search"]', 'araji');
      await expect
        .poll(() => popup.$$eval('.entity-list .name', (els) => els.map((e) => (e as HTMLElement).innerText)))
        .toEqual(['Qasim al-Araji']);
      await popup.click('.entity-list button.name');
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('backstory-flash'))).toBe(true);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
