import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAINTED } from '../../lib/dom/annotator';
import { longTasks, paintedCount, recordLongTasks } from '../../scripts/page-probes.mjs';
import { FROZEN_TASK_MS } from './guards';
import {
  cardHasFocus,
  cardRect,
  cardText,
  type Harness,
  hover,
  openPage,
  openRealPopup,
  paintedText,
  pointOf,
  SCREENSHOT_DIR,
  setSiteFromExtension,
  startHarness,
  stepMentions,
  waitForPaint,
} from './harness';

let h: Harness;

const article = (paras: string[], head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body><nav><a href="/">Home</a></nav><main><article id="story">${paras
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></main></body></html>`;

const PARAS = [
  'Ali Larijani met Qasim al-Araji in Baghdad to sign the memorandum of understanding.',
  'Later, Larijani spoke to reporters about the MoU and the border.',
];

beforeAll(async () => {
  h = await startHarness();
  h.routes['/plain.html'] = article(PARAS);
  // A page that keeps adding paragraphs after load, like a live blog.
  h.routes['/living.html'] = article(
    PARAS,
    `<script>
      let n = 0;
      const timer = setInterval(() => {
        const p = document.createElement('p');
        p.textContent = n === 5 ? 'Update: Tammy Bruce answered a question from Rudaw.' : 'Update ' + n + ': no news yet.';
        document.getElementById('story').append(p);
        if (++n > 6) clearInterval(timer);
      }, 150);
    </script>`,
  );
  // A live page: a thousand paragraphs over ten seconds, names among them.
  h.routes['/flood.html'] = article(
    PARAS,
    `<script>
      let n = 0;
      const timer = setInterval(() => {
        const story = document.getElementById('story');
        for (let k = 0; k < 10; k++, n++) {
          const p = document.createElement('p');
          p.textContent = n % 50 === 49 ? 'Paragraph ' + n + ': Qasim al-Araji spoke in Baghdad about the MoU.' : 'Paragraph ' + n + ': more of the same story, with nothing in the store.';
          story.append(p);
        }
        if (n >= 1000) { clearInterval(timer); document.body.dataset.done = '1'; }
      }, 100);
    </script>`,
  );
  // A long live blog: more names than Backstory paints (2,100 posts, one name each).
  h.routes['/liveblog.html'] = article(Array.from({ length: 2100 }, (_, i) => `Post ${i}: Tammy Bruce spoke again.`));
  // A live post with a ticking "minutes ago" beside a name, and a post that is taken down.
  h.routes['/ticking.html'] = article(
    [
      'Ali Larijani landed in Baghdad. <span class="ago">just now</span>',
      '<b class="un">United</b> Nations officials watched.',
      '<span id="gone">Tammy Bruce answered questions.</span>',
    ],
    `<script>
      let n = 0;
      const timer = setInterval(() => {
        document.querySelector('.ago').textContent = ++n + ' minutes ago';
        // A framework re-rendering part of a name.
        const un = document.querySelector('.un');
        un.replaceWith(un.cloneNode(true));
        if (n === 8) {
          clearInterval(timer);
          document.getElementById('gone').parentElement.remove();
          document.body.dataset.done = '1';
        }
      }, 200);
    </script>`,
  );
  // A single-page app: the "next story" link swaps the article and pushes a new URL.
  h.routes['/spa.html'] = article(
    PARAS,
    `<script>
      addEventListener('DOMContentLoaded', () => {
        document.querySelector('nav a').addEventListener('click', (e) => {
          e.preventDefault();
          history.pushState({}, '', '/spa-next.html');
          document.getElementById('story').innerHTML = '<p>State Department spokesperson Tammy Bruce spoke about the UN Charter.</p>';
        });
      });
    </script>`,
  );
  // Hostile CSS: the page tries to unset, shrink and cover everything.
  h.routes['/hostile.html'] = article(
    PARAS,
    `<style>
      * { all: unset !important; }
      html { font-size: 4px !important; }
      div, span, p { z-index: 2147483647 !important; position: relative !important; }
      body::after { content: ''; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; }
    </style>`,
  );
});
afterAll(async () => {
  await h?.close();
});

const open = (path: string) => openPage(h, path);

describe('reading a page with Backstory', () => {
  it('does not change the article’s DOM: a MutationObserver records nothing inside it', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __mutations: number }).__mutations = 0;
      addEventListener('DOMContentLoaded', () => {
        const story = document.querySelector('article');
        if (!story) return;
        new MutationObserver((records) => {
          (window as unknown as { __mutations: number }).__mutations += records.length;
        }).observe(story, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.goto(`${h.origin}/demo/mou-signed.html`);
    await waitForPaint(page);
    await hover(page, 'Ali Larijani');
    await expect.poll(() => cardText(page)).toContain('Ali Larijani');
    expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
    await page.close();
  });

  it('shows the 2025 memorandum’s parties, signing and the US objection on its card', async () => {
    const page = await open('/demo/mou-signed.html');
    await hover(page, 'memorandum of understanding');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Iran–Iraq border security memorandum');
    const text = (await cardText(page)) ?? '';
    expect(text).toMatch(/Parties\s+Iran, Iraq/);
    expect(text).toMatch(/Signed by\s+Ali Larijani, Qasim al-Araji/);
    expect(text).toMatch(/Signed\s+Aug 11, 2025, Baghdad/);
    expect(text).toContain('US Department of State opposes');
    expect(text).toContain('Why linked:');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-agreement.png') });
    await page.close();
  });

  it('opens a card from the keyboard command, walks the names in order, and closes on Escape, giving focus back', async () => {
    const page = await open('/plain.html');
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

  it('opens a card at once on a tap, and closes it on a tap elsewhere', async () => {
    const page = await open('/plain.html');
    const cdp = await page.context().newCDPSession(page);
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const { x, y } = await pointOf(page, 'Qasim al-Araji');
    await tap(x, y);
    await expect.poll(() => cardText(page), { timeout: 2_000 }).toContain('National Security Adviser of Iraq');
    await tap(5, 300);
    await expect.poll(() => cardText(page)).toBeNull();
    await cdp.detach();
    await page.close();
  });

  it('keeps the database out of the content script: it runs in the page’s origin', async () => {
    const { readFileSync } = await import('node:fs');
    const { EXTENSION_DIR } = await import('./harness');
    const content = readFileSync(`${EXTENSION_DIR}/content-scripts/content.js`, 'utf8');
    expect(content).not.toMatch(/indexedDB|Dexie/);
  });

  it('declares the keyboard commands in the manifest, so readers can change them', async () => {
    const manifest = (await h.worker.evaluate(() => chrome.runtime.getManifest())) as {
      commands?: Record<string, unknown>;
    };
    expect(Object.keys(manifest.commands ?? {})).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
  });

  it('paints paragraphs the page adds after load', async () => {
    const page = await open('/living.html');
    await expect
      .poll(async () => (await paintedText(page))['backstory-person'] ?? [], { timeout: 8_000 })
      .toContain('Tammy Bruce');
    expect((await paintedText(page))['backstory-outlet']).toContain('Rudaw');
    await page.close();
  });

  it('keeps a page that adds a thousand paragraphs over ten seconds responsive, and paints them', async () => {
    const page = await h.context.newPage();
    await recordLongTasks(page);
    await page.goto(`${h.origin}/flood.html`);
    await page.waitForFunction(() => document.body.dataset.done === '1', null, { timeout: 20_000 });
    // Every 50th paragraph names al-Araji: 20 of them, plus the first paragraph's.
    await expect
      .poll(
        async () => ((await paintedText(page))['backstory-person'] ?? []).filter((t) => t === 'Qasim al-Araji').length,
        {
          timeout: 8_000,
        },
      )
      .toBe(21);
    // Scrolling still works, and the page never froze (see guards.ts).
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    expect((await longTasks(page)).filter(([, d]) => d >= FROZEN_TASK_MS)).toEqual([]);
    await page.close();
  });

  it('underlines new posts at the top of a live blog that already has more names than it paints', async () => {
    const page = await open('/liveblog.html');
    expect(await paintedCount(page)).toBe(MAX_PAINTED);
    await page.evaluate(() => {
      const story = document.getElementById('story') as HTMLElement;
      for (let k = 0; k < 5; k++) {
        const p = document.createElement('p');
        p.textContent = `Breaking ${k}: Ali Larijani landed.`;
        story.prepend(p);
      }
    });
    await expect
      .poll(
        async () => ((await paintedText(page))['backstory-person'] ?? []).filter((t) => t === 'Ali Larijani').length,
        {
          timeout: 8_000,
        },
      )
      .toBe(5);
    // Still at the cap: the names farthest from the new posts (the bottom of the blog) gave way.
    expect(await paintedCount(page)).toBe(MAX_PAINTED);
    await page.close();
  });

  it('counts a name once in the popup while the text beside it keeps changing, and drops a post the page took down', async () => {
    const page = await open('/ticking.html');
    // Tammy Bruce was read (and painted) before the page took her post down.
    expect((await paintedText(page))['backstory-person']).toContain('Tammy Bruce');
    await page.waitForFunction(() => document.body.dataset.done === '1', null, { timeout: 10_000 });
    const listed = async () => {
      const popup = await openRealPopup(h, page);
      try {
        await popup.page.waitForSelector('.entity-list', { timeout: 5_000 });
        return await popup.page
          .locator('.entity-list li')
          .evaluateAll((lis) =>
            lis
              .map((li) => `${li.querySelector('.name')?.textContent} ${li.querySelector('.count')?.textContent}`)
              .sort(),
          );
      } finally {
        await popup.close();
      }
    };
    // Eight changes beside Larijani's name and eight re-renders of half of "United Nations":
    // each still once; and Tammy Bruce's post, taken down, is gone from the list.
    await expect
      .poll(listed, { timeout: 15_000, interval: 1500 })
      .toEqual(['Ali Larijani ×1', 'Baghdad ×1', 'United Nations ×1']);
    await page.close();
  });

  it('repaints after a pushState navigation to a new article', async () => {
    const page = await open('/spa.html');
    expect((await paintedText(page))['backstory-person']).toContain('Ali Larijani');
    await page.click('nav a');
    await expect
      .poll(async () => (await paintedText(page))['backstory-person'] ?? [], { timeout: 8_000 })
      .toEqual(['Tammy Bruce']);
    expect((await paintedText(page))['backstory-agreement']).toEqual(['UN Charter']);
    await page.close();
  });

  it('shows a readable card on a page with hostile CSS, the same size as on a plain page', async () => {
    const sizes: { width: number; height: number; title: number }[] = [];
    for (const path of ['/plain.html', '/hostile.html']) {
      const page = await open(path);
      await hover(page, 'Ali Larijani');
      await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Secretary of Iran');
      const card = await cardRect(page, '.card');
      const title = await cardRect(page, 'h2');
      expect(card && title).toBeTruthy();
      sizes.push({ width: card?.width ?? 0, height: card?.height ?? 0, title: title?.height ?? 0 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `card-${path.slice(1, -5)}.png`) });
      await page.close();
    }
    expect(sizes[1]).toEqual(sizes[0]);
    expect(sizes[0]?.width).toBeGreaterThan(300);
    expect(sizes[0]?.title).toBeGreaterThan(15); // an 18px title, not 4px
  });

  it('turns off on a site from the card, stays off after a reload, and comes back on from the popup', async () => {
    const page = await open('/plain.html');
    await hover(page, 'Ali Larijani');
    await expect.poll(() => cardText(page)).toContain('Turn Backstory off on this site');
    const button = await cardRect(page, '.site-off');
    if (!button) throw new Error('no site switch on the card');
    await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2);
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.reload();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    // Back on, as the popup's switch does.
    await setSiteFromExtension(h, '127.0.0.1', true);
    await waitForPaint(page);
    await page.close();
  });
});
