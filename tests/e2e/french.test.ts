// The reader's language: Chromium with its interface in French shows Backstory in
// French, the popup, the card, the options and notes pages, with French dates and
// numbers; the data (names, descriptions, facts) stays as the packs give it.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeMessages } from '../fixtures/i18n';
import {
  cardText,
  type Harness,
  hoverCard,
  inCard,
  openPage,
  openRealPopup,
  SCREENSHOT_DIR,
  startHarness,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ language: 'fr' });
});
afterAll(async () => {
  await h?.close();
});

/**
 * The English interface's words that French says otherwise: every run of four or more
 * words of an English message between its placeholders, where the French message differs.
 */
const englishOnly = (() => {
  const en = chromeMessages('en');
  const fr = chromeMessages('fr');
  return Object.entries(en)
    .filter(([key, m]) => fr[key]?.message !== m.message)
    .flatMap(([, m]) => m.message.split(/\{[A-Za-z0-9_]+\}| \| /))
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
})();

/** The English interface text found in `text`, if any. */
const english = (text: string) => englishOnly.filter((s) => text.includes(s));

describe('Backstory in a French browser', () => {
  it('runs in a browser whose interface is French (Debian: the chromium-l10n package)', async () => {
    const ui = await h.worker.evaluate(() => chrome.i18n.getUILanguage());
    expect(ui, 'Chromium started in another language: are its French resources installed?').toBe('fr');
    expect(await h.worker.evaluate(() => chrome.runtime.getManifest().description)).toBe(
      chromeMessages('fr').extDescription?.message,
    );
  });

  it('shows the popup in French', async () => {
    const page = await openPage(h, '/demo/mou-signed.html');
    const popup = await openRealPopup(h, page);
    const p: Page = popup.page;
    try {
      await p.waitForSelector('.entity-list', { timeout: 10_000 });
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await p.locator('h2.section-title').allTextContents()).toEqual(
        expect.arrayContaining(['Sur cette page', 'Articles liés']),
      );
      expect(await p.locator('input[type="search"]').getAttribute('placeholder')).toBe('Filtrer les noms');
      expect(await p.locator('.entity-list h2').allTextContents()).toEqual(
        expect.arrayContaining(['Personnes', 'Lieux', 'Accords']),
      );
      const larijani = p.locator('[data-entity="ali-larijani"]');
      expect(await larijani.locator('.name').getAttribute('title')).toBe('Le montrer dans la page');
      expect(await larijani.locator('.count').getAttribute('title')).toMatch(/^Cité \d+ fois sur cette page$/);
      expect((await p.locator('.site-switch').innerText()).trim()).toBe(`Activé sur ${new URL(h.origin).hostname}`);
      await p.waitForSelector('ol.related-list, section[aria-label="Articles liés"] .empty');
      const text = await p.locator('main').innerText();
      expect(english(text)).toEqual([]);
      await p.screenshot({ path: join(SCREENSHOT_DIR, 'popup-fr.png') });
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('shows the card in French, with French dates', async () => {
    const page = await openPage(h, '/demo/mou-signed.html');
    await hoverCard(page, 'Ali Larijani');
    const text = (await cardText(page)) ?? '';
    expect(text).toMatch(/^PERSONNE\b/m); // the type, in capitals by the card's style
    expect(text).toContain('Secretary of Iran'); // the data as the pack gives it
    expect(text).toContain('Arab News, 5 août 2025'); // the role's source and date
    expect(text).toMatch(/depuis le \d{1,2} [a-zéû]+\.? \d{4}/);
    expect(text).toContain('Pourquoi ce lien\u00a0: «\u00a0Ali Larijani\u00a0»');
    expect(text).toMatch(/\d+ articles? liés?|Aucun article lié/);
    expect(text).toContain('Ajouter une note');
    expect(text).toContain('Désactiver Backstory sur ce site');
    const close = await inCard<string>(
      page,
      `function () { return this.querySelector('button.close')?.getAttribute('aria-label') ?? null; }`,
    );
    expect(close).toBe('Fermer');
    const lang = await inCard<string>(page, `function () { return this.querySelector('.mount')?.lang ?? null; }`);
    expect(lang).toBe('fr');
    expect(english(text)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-fr.png') });
    await page.close();
  });

  it('shows the options and notes pages in French', async () => {
    for (const [path, title, heading] of [
      ['options.html', 'Paramètres de Backstory', 'Packs de faits'],
      ['notes.html', 'Notes Backstory', 'Vos notes'],
    ] as const) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/${path}`);
      await expect.poll(() => page.title()).toBe(title);
      await expect.poll(() => page.locator('h1, h2').allTextContents()).toContain(heading);
      expect(english(await page.locator('main').innerText())).toEqual([]);
      await page.close();
    }
  });
});
