// The store built from open data, as a reader meets it: a person from the
// generated packs is underlined and their card shows a current role with its
// date and dataset; a frozen dataset's role says "as of"; the options page
// lists the packs with their datasets, snapshots and licences, and switching a
// pack off leaves its names unlinked until it is switched on again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardText,
  type Harness,
  hoverCard,
  inCard,
  openPage,
  paintedText,
  SCREENSHOT_DIR,
  SHARED,
  startHarness,
} from './harness';

let h: Harness;
let options: Page;

const ARTICLE =
  '<!doctype html><html lang="en"><body><article><h1>Talks in London</h1>' +
  '<p>Keir Starmer met Senator Mark Warner in London on Tuesday.</p>' +
  '<p>Uhuru Kenyatta was also named in the talks.</p></article></body></html>';

beforeAll(async () => {
  h = await startHarness();
  h.routes['/london.html'] = ARTICLE;
  // The Washington Post's story of 18 March 2015, served as its outlet would (outside requests blocked).
  h.routes['/corpus/wapo-2.html'] = readFileSync(join(SHARED, 'corpus/readability/wapo-2.html'), 'utf8');
  await h.context.route('**/*', (route) => {
    const url = route.request().url();
    return /^https?:/.test(url) && !url.startsWith(h.origin) ? route.abort() : route.continue();
  });
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('[data-testid="bundled-packs"] li[data-pack="people-uk"]');
});
afterAll(async () => {
  await h?.close();
});

const painted = async (page: Page) => Object.values(await paintedText(page)).flat();

describe('the store built from open data', () => {
  it('underlines people from the generated packs and shows a current role with its date and dataset', async () => {
    const page = await openPage(h, '/london.html');
    expect(await painted(page)).toEqual(expect.arrayContaining(['Keir Starmer', 'Mark Warner', 'London']));
    await hoverCard(page, 'Keir Starmer');
    const text = (await cardText(page)) ?? '';
    expect(text).toContain('Prime Minister of the United Kingdom');
    expect(text).toContain('since Jul 5, 2024');
    expect(text).toMatch(/IfG Ministers Database|CIA World Factbook/);
    await page.close();
  });

  it('shows, on a 2015 story, who a person was at the article’s time and, apart, who they are now', async () => {
    const page = await openPage(h, '/corpus/wapo-2.html');
    await hoverCard(page, 'Benjamin Netanyahu');
    const then = await inCard<string[]>(
      page,
      `function () {
        const section = this.querySelector('.then');
        return section ? [...section.querySelectorAll('p')].map((p) => p.textContent) : null;
      }`,
    );
    expect(then?.[0]).toBe('At the time of this article (Mar 2015):');
    expect(then?.join(' ')).toMatch(/Prime Minister of Israel/);
    expect(then?.find((t) => t.startsWith('Now:'))).toMatch(/^Now: Prime Minister of Israel · since/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-2015-article.png') });
    await page.close();
  });

  it('says "as of" for a role from data that stopped being updated, never "since"', async () => {
    const page = await openPage(h, '/london.html');
    await hoverCard(page, 'Uhuru Kenyatta');
    const text = (await cardText(page)) ?? '';
    // every-politician's Kenya cabinet was scraped in 2022, when he was still president.
    expect(text).toMatch(/as of [A-Z][a-z]{2} 202[23]/);
    expect(text).not.toMatch(/President of Kenya · since/);
    await page.close();
  });

  it('lists the bundled packs by kind and region, with datasets, snapshots, licences and attribution', async () => {
    const uk = options.locator('[data-testid="bundled-packs"] li[data-pack="people-uk"]');
    const text = await uk.innerText();
    expect(text).toContain('United Kingdom');
    expect(text).toContain('IfG Ministers Database');
    expect(text).toContain('CC BY 4.0');
    expect(text).toContain('Institute for Government');
    expect(text).toMatch(/snapshot Jun 2026/);
    const kinds = await options.locator('[data-testid="bundled-packs"] h4').allInnerTexts();
    expect(kinds).toEqual(expect.arrayContaining(['People', 'Organisations', 'Places', 'Agreements', 'Companies']));
    const stale = await options.locator('[data-testid="bundled-packs"] li[data-pack="people-africa"]').innerText();
    expect(stale).toContain('Not updated since');
  });

  it('leaves a switched-off pack’s names unlinked, and links them again when it is switched back on', async () => {
    const box = options.locator('li[data-pack="people-uk"] input[type="checkbox"]');
    await box.uncheck();
    await expect.poll(() => box.isChecked()).toBe(false);
    await expect.poll(() => box.isDisabled()).toBe(false);
    const off = await openPage(h, '/london.html');
    const names = await painted(off);
    expect(names).toContain('Mark Warner');
    expect(names).not.toContain('Keir Starmer');
    await off.close();

    await box.check();
    await expect.poll(() => box.isDisabled()).toBe(false);
    const on = await openPage(h, '/london.html');
    expect(await painted(on)).toContain('Keir Starmer');
    await on.close();
  });
});
