// What the end-to-end tests and the benchmarks read off a page: its long
// tasks (Long Tasks API: 50 ms or more), recorded from its first script on,
// and how many ranges Backstory painted.

/**
 * Records every long task of `page` (and of pages it navigates to) from now on.
 * @param {import('playwright-core').Page} page
 */
export function recordLongTasks(page) {
  return page.addInitScript(() => {
    const w = /** @type {{ __longTasks: [number, number][] }} */ (/** @type {unknown} */ (window));
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * The long tasks recorded so far, as [start, duration] in ms from navigation.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<[number, number][]>}
 */
export function longTasks(page) {
  return page.evaluate(
    () => /** @type {{ __longTasks?: [number, number][] }} */ (/** @type {unknown} */ (window)).__longTasks ?? [],
  );
}

/**
 * How many ranges Backstory's highlights paint on `page` (all its highlights).
 * @param {import('playwright-core').Page} page
 */
export function paintedCount(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) n += h.size;
    return n;
  });
}
