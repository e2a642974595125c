// Issue #17 on the page that showed it: a 2015 Washington Post article on US–Israeli
// relations, read from the shared corpus at run time (outside requests blocked).
// The popup's one-line descriptions say a contested capital with its source's own
// qualifier, and no coverage item is labelled "Headline not recorded".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openRealPopup, SHARED, startHarness, waitForPaint } from './harness';

const PAGE = '/corpus/wapo-2.html';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    routes: { [PAGE]: readFileSync(join(SHARED, 'corpus/readability/wapo-2.html'), 'utf8') },
  });
  await h.context.route('**/*', (route) => {
    const url = route.request().url();
    return /^https?:/.test(url) && !url.startsWith(h.origin) ? route.abort() : route.continue();
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the popup on a 2015 article about Israel', () => {
  it('says Jerusalem is Israel’s capital only with the Factbook’s note, and names every coverage item', async () => {
    const page = await h.context.newPage();
    await page.goto(h.origin + PAGE, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    await waitForPaint(page);
    const popup = await openRealPopup(h, page);
    try {
      const israel = popup.page
        .locator('.entity-list li')
        .filter({ has: popup.page.locator('.name', { hasText: /^Israel$/ }) })
        .first();
      await expect.poll(() => israel.innerText(), { timeout: 10_000 }).toContain('capital Jerusalem (');
      expect(await israel.innerText()).toContain('the US recognized Jerusalem as Israel');
      await popup.page.waitForSelector('ol.related-list li', { timeout: 10_000 });
      const text = await popup.page.locator('main').innerText();
      expect(text).not.toContain('Headline not recorded');
      expect(text).not.toMatch(/capital Jerusalem\.(\s|$)/);
    } finally {
      await popup.close();
    }
    await page.close();
  });
});
