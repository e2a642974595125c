import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAINTED } from '../../lib/dom/annotator';
import { longTasks, paintedCount, recordLongTasks } from '../../scripts/page-probes.mjs';
import { FIVE_MB_PARAGRAPHS, fiveMbArticle, growingPage, manyNodesPage } from '../fixtures/heavy-pages';
import { type Harness, openRealPopup, startHarness, waitForPaint } from './harness';

let h: Harness;

/**
 * The longest task the page may run while Backstory works, whoever's work it
 * is. The target is 50 ms. Backstory's own script is held to that
 * (OWN_MS below). A whole task also holds the browser's rendering of the new
 * underlines: on the 5.6 MB article that frame is 40–55 ms on a quiet machine
 * and up to about 70 ms under load (docs/benchmarks.md, `npm run bench:heavy`),
 * so tasks as a whole are guarded at 100 ms, which catches gross regressions.
 */
const GUARD_MS = 100;

beforeAll(async () => {
  h = await startHarness();
  h.routes['/five-mb.html'] = fiveMbArticle();
  h.routes['/many-nodes.html'] = manyNodesPage();
  h.routes['/growing.html'] = growingPage();
});
afterAll(async () => {
  await h?.close();
});

/** Backstory's own script's budget: it never runs this long at a stretch (the 50 ms). */
const OWN_MS = 50;

/**
 * Samples the tab's main thread (CDP Profiler, every 0.2 ms) and, when
 * stopped, returns how long Backstory's own script ran at each stretch:
 * samples with the content script on the stack, bridging gaps of up to 1 ms
 * (garbage collection, the runtime between microtasks), longest first.
 * This is the part of a long task that is ours for certain; the rest of a
 * frame (the browser's style, layout and paint) is measured side by side by
 * `npm run bench:heavy`.
 */
async function profileOwnScript(page: Page): Promise<{ stop(): Promise<number[]> }> {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const ours = new Map<number, boolean>();
      const isOurs = (id: number): boolean => {
        let known = ours.get(id);
        if (known === undefined) {
          known = false;
          for (let x: number | undefined = id; x !== undefined; x = parent.get(x))
            if (nodes.get(x)?.callFrame.url.includes('/content-scripts/content.js')) {
              known = true;
              break;
            }
          ours.set(id, known);
        }
        return known;
      };
      const stretches: number[] = [];
      let t = profile.startTime;
      let from: number | undefined;
      let last = 0;
      (profile.samples ?? []).forEach((id, i) => {
        t += profile.timeDeltas?.[i] ?? 0;
        if (isOurs(id)) {
          from ??= t;
          last = t;
          return;
        }
        // A stretch ends when the thread goes idle or has been elsewhere for over 1 ms;
        // garbage collection and runtime samples in between (same task) do not end it.
        const idle = nodes.get(id)?.callFrame.functionName === '(idle)';
        if (from !== undefined && (idle || t - last > 1000)) {
          stretches.push((last - from) / 1000);
          from = undefined;
        }
      });
      if (from !== undefined) stretches.push((last - from) / 1000);
      return stretches.sort((a, b) => b - a);
    },
  };
}

/**
 * Loads a page and returns the long tasks (ms) that ran while Backstory
 * worked, from its start to a second after it has painted the whole page, and
 * its own script's stretches over the same load.
 */
async function longTasksDuringBackstory(path: string): Promise<{ page: Page; tasks: number[]; own: number[] }> {
  const page = await h.context.newPage();
  const profiler = await profileOwnScript(page);
  await recordLongTasks(page);
  await page.goto(h.origin + path, { timeout: 60_000 });
  // Until Backstory has read and painted the whole page (its first-paint measure), and a second more.
  await page.waitForFunction(() => performance.getEntriesByName('backstory-first-paint').length > 0, null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(1000);
  const measured = await page.evaluate(() => {
    const [m] = performance.getEntriesByName('backstory-first-paint');
    return m && [m.startTime, m.startTime + m.duration + 1000];
  });
  if (!measured) throw new Error('Backstory did not mark its first paint');
  const [start, end] = measured as [number, number];
  const tasks = (await longTasks(page)).filter(([s, d]) => s + d > start && s < end).map(([, d]) => Math.round(d));
  return { page, tasks, own: await profiler.stop() };
}

/** Opens the real popup on `page` and waits for its count of `name` to be `count`. */
async function expectPopupCount(page: Page, name: string, count: number): Promise<void> {
  const popup = await openRealPopup(h, page);
  try {
    const row = popup.page.locator('.entity-list li', { hasText: name }).first();
    await expect.poll(() => row.locator('.count').innerText(), { timeout: 10_000 }).toBe(`×${count}`);
  } finally {
    await popup.close();
  }
}

describe('heavy pages', () => {
  it('stays responsive (no task over the guard) and bounded while a page adds a thousand nodes a second for ten seconds', async () => {
    const page = await h.context.newPage();
    await recordLongTasks(page);
    const profiler = await profileOwnScript(page);
    await page.goto(`${h.origin}/growing.html`);
    await waitForPaint(page);
    const heap = () =>
      page.evaluate(
        () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
      );
    const before = await heap();
    await page.waitForFunction(() => document.body.dataset.done === '1', null, { timeout: 20_000 });
    await page.waitForTimeout(1500);
    const long = (await longTasks(page)).map(([, d]) => Math.round(d));
    expect(long.filter((d) => d >= GUARD_MS)).toEqual([]);
    // Backstory's own script ran (it was seen in the samples), never for 50 ms at a stretch.
    const own = await profiler.stop();
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((d) => d >= OWN_MS)).toEqual([]);
    // Painted up to the cap, and memory grew by less than 50 MB for 5,000 paragraphs.
    const painted = await page.evaluate(() => CSS.highlights.get('backstory-person')?.size ?? 0);
    expect(painted).toBeGreaterThan(1000);
    expect((await heap()) - before).toBeLessThan(50 * 1024 * 1024);
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    // Past the cap on underlines, new paragraphs are still read: the popup counts all 5,000 updates.
    await expectPopupCount(page, 'Tammy Bruce', 5000);
    await page.close();
  });

  it('reads a 5 MB article to its end: the popup counts every mention, and the page paints up to its cap', async () => {
    const { page } = await longTasksDuringBackstory('/five-mb.html');
    // Each paragraph names Ali Larijani twice; the last piece of the article was read too.
    await expectPopupCount(page, 'Ali Larijani', 2 * FIVE_MB_PARAGRAPHS);
    expect(await paintedCount(page)).toBe(MAX_PAINTED);
    await page.close();
  });

  it.each(['/five-mb.html', '/many-nodes.html'])(
    'keeps every task under the guard, and its own script under 50 ms at a stretch, while it reads %s, and paints it',
    async (path) => {
      const { page, tasks, own } = await longTasksDuringBackstory(path);
      expect(tasks.filter((d) => d >= GUARD_MS)).toEqual([]);
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((d) => d >= OWN_MS)).toEqual([]);
      expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
      await page.mouse.wheel(0, 5000);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
      await page.close();
    },
  );
});
