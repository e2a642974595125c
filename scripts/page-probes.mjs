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

/**
 * Samples `page`'s main thread (the DevTools protocol's profiler, every
 * `intervalUs` microseconds) from now on. `stop()` returns Backstory's own
 * script time: `total`, the milliseconds of samples with the content script
 * on the stack, and `stretches`, each run of such samples (bridging only
 * garbage collection, up to 1 ms; a sample of the browser's own work between
 * tasks ends a run), longest first. What the browser does for it afterwards (style, layout, painting the
 * highlights) is not counted here.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 * @param {number} [intervalUs]
 * @returns {Promise<{ stop(): Promise<{ total: number; stretches: number[] }> }>}
 */
export async function profileOwnScript(context, page, intervalUs = 200) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      /** @type {Map<number, number>} */
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      /** @type {Map<number, boolean>} */
      const ours = new Map();
      /** @param {number} id */
      const isOurs = (id) => {
        let known = ours.get(id);
        if (known === undefined) {
          known = false;
          for (let x = /** @type {number | undefined} */ (id); x !== undefined; x = parent.get(x))
            if (nodes.get(x)?.callFrame.url.includes('/content-scripts/content.js')) {
              known = true;
              break;
            }
          ours.set(id, known);
        }
        return known;
      };
      const samples = profile.samples ?? [];
      const times = [];
      let t = profile.startTime;
      for (let i = 0; i < samples.length; i++) {
        t += profile.timeDeltas?.[i] ?? 0;
        times.push(t);
      }
      /** @type {number[]} */
      const stretches = [];
      let total = 0;
      /** @type {number | undefined} */
      let from;
      let last = 0;
      samples.forEach((id, i) => {
        const at = /** @type {number} */ (times[i]);
        if (isOurs(id)) {
          // A sample stands for the time to the next one.
          total += Math.min(1000, (times[i + 1] ?? at + intervalUs) - at);
          from ??= at;
          last = at;
          return;
        }
        // A run ends where the thread goes back to the browser ("(idle)", "(program)": the
        // event loop between tasks); only the garbage collector, which runs inside our own
        // task, is bridged, for up to 1 ms.
        const gc = nodes.get(id)?.callFrame.functionName === '(garbage collector)';
        if (from !== undefined && (!gc || at - last > 1000)) {
          stretches.push((last - from) / 1000);
          from = undefined;
        }
      });
      if (from !== undefined) stretches.push((last - from) / 1000);
      return { total: total / 1000, stretches: stretches.sort((a, b) => b - a) };
    },
  };
}
