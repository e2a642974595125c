import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAINTED } from '../../lib/dom/annotator';
import { longTasks, paintedCount, profileOwnScript, recordLongTasks } from '../../scripts/page-probes.mjs';
import { FIVE_MB_PARAGRAPHS, fiveMbArticle, growingPage, manyNodesPage } from '../fixtures/heavy-pages';
import { FROZEN_TASK_MS, OWN_STRETCH_MS } from './guards';
import { type Harness, openRealPopup, startHarness, waitForPaint } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.routes['/five-mb.html'] = fiveMbArticle();
  h.routes['/many-nodes.html'] = manyNodesPage();
  h.routes['/growing.html'] = growingPage();
});
afterAll(async () => {
  await h?.close();
});

/** Backstory's own script's stretches on `page` from now on (see `profileOwnScript`). */
async function ownStretches(page: Page): Promise<{ stop(): Promise<number[]> }> {
  const profiler = await profileOwnScript(h.context, page);
  return { stop: async () => (await profiler.stop()).stretches };
}

/**
 * Loads a page and returns the long tasks (ms) that ran while Backstory
 * worked, from its start to a second after it has painted the whole page, and
 * its own script's stretches over the same load.
 */
async function longTasksDuringBackstory(path: string): Promise<{ page: Page; tasks: number[]; own: number[] }> {
  const page = await h.context.newPage();
  const profiler = await ownStretches(page);
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
    await expect
      .poll(() => row.locator('.count').innerText(), { timeout: 10_000 })
      .toBe(`×${count.toLocaleString('en-US')}`); // as an American reader writes it
  } finally {
    await popup.close();
  }
}

describe('heavy pages', () => {
  it('stays responsive (no task over the guard) and bounded while a page adds a thousand nodes a second for ten seconds', async () => {
    const page = await h.context.newPage();
    await recordLongTasks(page);
    const profiler = await ownStretches(page);
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
    expect(long.filter((d) => d >= FROZEN_TASK_MS)).toEqual([]);
    // Backstory's own script ran (it was seen in the samples), never for OWN_STRETCH_MS at a stretch.
    const own = await profiler.stop();
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((d) => d >= OWN_STRETCH_MS)).toEqual([]);
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
    'keeps every task under the guard, and its own script under the guard at a stretch, while it reads %s, and paints it',
    async (path) => {
      const { page, tasks, own } = await longTasksDuringBackstory(path);
      console.log(
        `${path}: longest task ${Math.max(0, ...tasks)} ms, longest own stretch ${Math.max(...own)} ms (${own.length} stretches)`,
      );
      expect(tasks.filter((d) => d >= FROZEN_TASK_MS)).toEqual([]);
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((d) => d >= OWN_STRETCH_MS)).toEqual([]);
      expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
      await page.mouse.wheel(0, 5000);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
      await page.close();
    },
  );
});
