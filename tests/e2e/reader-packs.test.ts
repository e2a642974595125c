import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entity, pack } from '../fixtures/store';
import {
  cardText,
  type Harness,
  hoverCard,
  inCard,
  paintedText,
  privateMarks,
  SCREENSHOT_DIR,
  startHarness,
  waitForPaint,
} from './harness';

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await startHarness();
  h.routes['/fagin.html'] =
    '<!doctype html><html lang="en"><body><article><p>Qasim al-Araji briefed Steven Fagin in Baghdad.</p></article></body></html>';
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('[data-testid="bundled-packs"] li');
});
afterAll(async () => {
  await h?.close();
});

const FAGIN = pack(
  [
    entity({
      id: 'steven-fagin',
      name: 'Steven Fagin',
      description: 'US diplomat in Baghdad.',
      facts: [{ label: 'Met', value: 'Qasim al-Araji', date: '2025-08-16', source: 'src' }],
    }),
  ],
  { id: 'my-notes', name: 'My diplomats' },
);

async function importFile(name: string, content: string) {
  await options.setInputFiles('input[type="file"]', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
}

describe('reader packs in the options page', () => {
  it('lists the bundled packs', async () => {
    const names = await options.locator('[data-testid="bundled-packs"] strong').allInnerTexts();
    expect(names).toEqual(
      expect.arrayContaining(['Countries of the world', 'Iran–Iraq border security memorandum, 2025']),
    );
  });

  it('refuses a bad pack with the path of each bad field, and stores nothing', async () => {
    const bad = JSON.parse(JSON.stringify(FAGIN));
    bad.entities[0].aliases = [42];
    await importFile('bad.json', JSON.stringify(bad));
    const status = options.locator('[role="status"]');
    await expect.poll(() => status.innerText()).toContain('was not imported; nothing was stored');
    expect(await status.innerText()).toContain('entities[0].aliases[0]');
    expect(await options.locator('[data-testid="reader-packs"]').count()).toBe(0);
  });

  it('imports a good pack, which the matcher uses at once, out of the page’s sight, and removes it again', async () => {
    await importFile('fagin.json', JSON.stringify(FAGIN));
    await expect.poll(() => options.locator('[role="status"]').innerText()).toContain('Imported “My diplomats”');
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/fagin.html`);
    await waitForPaint(page);
    // Backstory's one element is on every page it reads, whatever it draws inside: its arrival
    // tells the page nothing.
    expect(await page.evaluate(() => document.querySelectorAll('[data-backstory-ui]').length)).toBe(1);
    // Underlined inside Backstory's closed shadow root: the page's registry holds only the public name.
    await expect.poll(() => privateMarks(page, 'name-person')).toEqual(['Steven Fagin']);
    expect(await paintedText(page)).toEqual({ 'backstory-person': ['Qasim al-Araji'], 'backstory-place': ['Baghdad'] });
    // What a page script finds, walking the registry and the DOM (shadow roots it can open included).
    const seen = await page.evaluate(() => {
      const found: string[] = [];
      for (const [, set] of CSS.highlights)
        for (const r of set as unknown as Iterable<AbstractRange>) found.push((r as Range).toString());
      for (const el of document.querySelectorAll('*'))
        if (!el.closest('article'))
          found.push(
            el.shadowRoot?.innerHTML ?? '',
            el
              .getAttributeNames()
              .map((n) => el.getAttribute(n))
              .join(' '),
          );
      return found.join('\n');
    });
    expect(seen).toContain('Qasim al-Araji');
    expect(seen).not.toContain('Fagin');
    await hoverCard(page, 'Steven Fagin');
    expect(await cardText(page)).toContain('US diplomat in Baghdad.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-pack-name.png') });
    await page.close();

    await options.getByRole('button', { name: 'Remove My diplomats' }).click();
    await expect.poll(() => options.locator('[data-testid="reader-packs"]').count()).toBe(0);
    const again = await h.context.newPage();
    await again.goto(`${h.origin}/fagin.html`);
    await waitForPaint(again);
    expect((await paintedText(again))['backstory-person']).toEqual(['Qasim al-Araji']);
    expect(await again.evaluate(() => document.querySelectorAll('[data-backstory-ui]').length)).toBe(1);
    await again.close();
  });

  it("shows markup in a pack's names and facts as text, in the options page and in the card", async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const hostile = pack(
      [
        entity({
          id: 'steven-fagin',
          name: 'Steven Fagin',
          description: `US diplomat ${evil}`,
          facts: [{ label: `Met ${evil}`, value: evil, date: '2025-08-16', source: 'src' }],
        }),
      ],
      { id: 'hostile', name: `<b>Bold</b> pack ${evil}` },
    );
    await importFile('hostile.json', JSON.stringify(hostile));
    await expect.poll(() => options.locator('[role="status"]').innerText()).toContain('<b>Bold</b> pack');
    expect(await options.locator('[data-testid="reader-packs"] b, [data-testid="reader-packs"] img').count()).toBe(0);

    const page = await h.context.newPage();
    await page.goto(`${h.origin}/fagin.html`);
    await waitForPaint(page);
    await hoverCard(page, 'Steven Fagin');
    expect(await cardText(page)).toContain(`US diplomat ${evil}`);
    expect(await inCard<number>(page, "function () { return this.querySelectorAll('img, script, b').length; }")).toBe(
      0,
    );
    for (const p of [page, options])
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
    await options.getByRole('button', { name: /^Remove / }).click();
    await expect.poll(() => options.locator('[data-testid="reader-packs"]').count()).toBe(0);
  });
});
