import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSeeds } from '../../scripts/seed-pages.mjs';
import {
  cardRect,
  cardText,
  clickInCard,
  findPage,
  type Harness,
  hoverCard,
  inCard,
  openPage,
  openRealPopup,
  paintedText,
  pointOf,
  SCREENSHOT_DIR,
  SEEDS_DIR,
  startHarness,
  waitForPaint,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const open = (path: string) => openPage(h, path);

describe('a demo article', () => {
  it('paints the names of people, bodies, places and agreements, and nothing in nav or comments', async () => {
    const page = await open('/demo/mou-signed.html');
    const painted = await paintedText(page);
    expect(painted['backstory-person']).toEqual(
      expect.arrayContaining([
        'Ali Larijani',
        'Larijani',
        'Qasim al-Araji',
        'al-Araji',
        'Abdul Latif Rashid',
        'Saddam Hussein',
      ]),
    );
    expect(painted['backstory-organization']).toContain('Supreme National Security Council');
    expect(painted['backstory-agreement']).toEqual(
      expect.arrayContaining(['memorandum of understanding', 'MoU', 'security pact']),
    );
    expect(painted['backstory-place']).toEqual(expect.arrayContaining(['Baghdad', 'Tehran', 'Iran', 'Iraq']));
    const outsideArticle = await page.evaluate(() => {
      let n = 0;
      for (const [, h] of CSS.highlights) {
        for (const r of h) if ((r as Range).startContainer.parentElement?.closest('nav, .comments, aside, footer')) n++;
      }
      return n;
    });
    expect(outsideArticle).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-underlined.png') });
    await page.close();
  });

  it('adds no element inside the article', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/demo/mou-signed.html`, { waitUntil: 'domcontentloaded' });
    const before = await page.evaluate(() => document.querySelector('article')?.outerHTML);
    await waitForPaint(page);
    const after = await page.evaluate(() => document.querySelector('article')?.outerHTML);
    expect(after).toBe(before);
    await page.close();
  });

  it('opens Larijani’s card with his role after a dwell, and closes it after the pointer leaves', async () => {
    const page = await open('/demo/mou-signed.html');
    const { x, y } = await pointOf(page, 'Ali Larijani');
    await page.mouse.move(x, y);
    await page.mouse.move(x + 2, y);
    expect(await cardText(page)).toBeNull(); // not before the dwell
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Secretary of Iran');
    const text = (await cardText(page)) ?? '';
    expect(text).toContain('Ali Larijani');
    expect(text).toMatch(/PERSON/i);
    expect(text).toContain('Arab News, Aug 5, 2025'); // the role's source and date, as an American reader writes it
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-card-larijani.png') });
    // The card's code was loaded for this card into the content script's world: the page's
    // scripts see neither it nor the name it waits under.
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /backstory/i.test(k)))).toEqual([]);
    await page.mouse.move(5, 5);
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toBeNull();
    await page.close();
  });

  it('opens a related entity’s card from a chip on Larijani’s card, saying how it is related', async () => {
    const page = await open('/demo/mou-signed.html');
    await hoverCard(page, 'Ali Larijani');
    const chip = await inCard<string>(page, `function () { return this.querySelector('.chip')?.textContent ?? null; }`);
    expect(chip).toBeTruthy();
    await clickInCard(page, '.chip');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('related to Ali Larijani');
    const text = (await cardText(page)) ?? '';
    // The chip's entity heads the card now, and Larijani's role is gone.
    expect(text.split('\n').slice(0, 3).join(' ')).toContain(chip as string);
    expect(text).not.toContain('Secretary of Iran');
    await page.close();
  });

  it('lists Larijani in the real popup for that tab', async () => {
    const page = await open('/demo/mou-signed.html');
    const popup = await openRealPopup(h, page);
    try {
      await popup.page.waitForSelector('[data-entity="ali-larijani"]', { timeout: 10_000 });
      const people = await popup.page.locator('section[aria-label="People"] .name').allInnerTexts();
      expect(people).toContain('Ali Larijani');
      expect(people[0]).toBe('Ali Larijani'); // the most mentioned person comes first
      await popup.page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-popup.png') });
    } finally {
      await popup.close();
      await page.close();
    }
  });
});

describe('a card on a seed article', () => {
  it('opens Larijani’s card on the page built from seed 000, and its related stories in the popup', async () => {
    const seed = listSeeds(SEEDS_DIR).find((s) => s.name.startsWith('000'));
    const page = await open(`/seeds/${seed?.name}.html`);
    const { x, y } = await pointOf(page, 'Ali Larijani');
    await page.mouse.move(x, y);
    await page.mouse.move(x + 1, y);
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Secretary of Iran');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'seed-000-card.png') });
    const link = await cardRect(page, '.stories-link');
    if (!link) throw new Error('no related-stories link on the card');
    await page.mouse.move(link.x + link.width / 2, link.y + link.height / 2);
    await page.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
    const popup = await findPage(h, '/popup.html');
    try {
      await popup.page.waitForSelector('ol.stories li', { timeout: 10_000 });
      expect(await popup.page.locator('.entity-name').innerText()).toBe('Ali Larijani');
      const headlines = await popup.page.locator('ol.stories .headline').allInnerTexts();
      expect(headlines).toContain('Iran names moderate Larijani to head top security body');
      // Newest first.
      const dates = await popup.page
        .locator('ol.stories time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
      expect(dates.length).toBeGreaterThan(1);
      expect(dates.every(Boolean)).toBe(true);
      expect(dates).toEqual([...dates].sort().reverse());
      await popup.page.screenshot({ path: join(SCREENSHOT_DIR, 'popup-stories-larijani.png') });
    } finally {
      await popup.close();
      await page.close();
    }
  });
});

describe('pages built from the seed articles', () => {
  const seeds = listSeeds(SEEDS_DIR);

  it('finds both seeds', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      '000',
      ['Ali Larijani', 'Larijani', 'Qasim al-Araji', 'Abdul Latif Rashid', 'Tammy Bruce', 'Bruce', 'Saddam Hussein'],
    ],
    ['002', ['Ali Larijani', 'Tammy Bruce']],
  ])('paints the people of seed %s', async (prefix, people) => {
    const seed = seeds.find((s) => s.name.startsWith(prefix));
    expect(seed).toBeDefined();
    const page = await open(`/seeds/${seed?.name}.html`);
    const painted = await paintedText(page);
    expect(painted['backstory-person']).toEqual(expect.arrayContaining(people));
    // The comment policy under seed 000 names Rudaw; it is not the article.
    const inComments = await page.evaluate(() => {
      let n = 0;
      for (const [, h] of CSS.highlights)
        for (const r of h) if ((r as Range).startContainer.parentElement?.closest('.comments')) n++;
      return n;
    });
    expect(inComments).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `seed-${prefix}.png`), fullPage: true });
    await page.close();
  });
});
