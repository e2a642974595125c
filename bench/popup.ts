// `npm run bench:popup`: how fast the popup opens with 10,000 remembered
// articles. The reader's history is filled through IndexedDB in the extension's
// own origin, an article tab is open, and the real popup is opened again and
// again; the popup marks when it shows its answer (entities and related
// coverage), measured from its own page start.
import { join } from 'node:path';
import { ROOT } from '../build/packs';
import { findChromium, findPage, launchWithExtension } from '../scripts/chromium.mjs';
import { run } from '../scripts/run.mjs';
import { startServer } from '../scripts/server.mjs';
import { machine, summarize } from './stats';

const VISITS = 10_000;
const RUNS = Number(process.env.RUNS ?? 15);
const chromium = findChromium();
if ('error' in chromium) {
  console.error(chromium.error);
  process.exit(1);
}
console.log(`Backstory popup benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(`${await machine()}, ${chromium.path}`);
const build = await run('wxt', ['build', '--mode', 'e2e'], { quiet: true });
if (build.code !== 0) {
  console.error(build.output);
  process.exit(1);
}
const server = await startServer({ demoDir: join(ROOT, 'assets/demo') });
const launched = await launchWithExtension({
  extensionDir: join(ROOT, '.output/chrome-mv3-e2e'),
  executablePath: chromium.path,
});

// 10,000 visits, each naming a handful of the bundled entities, over two years.
const options = await launched.context.newPage();
await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
await options.waitForSelector('#history-title');
const stored = await options.evaluate(async (count) => {
  const ids = [
    'iran',
    'iraq',
    'united-states',
    'baghdad',
    'tehran',
    'washington',
    'ali-larijani',
    'qasim-al-araji',
    'tammy-bruce',
    'snsc',
    'mou-2025',
    'pact-2023',
    'france',
    'germany',
    'china',
    'russia',
    'israel',
    'syria',
    'turkey',
    'lebanon',
  ];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('backstory');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('visits', 'readwrite');
    const visits = tx.objectStore('visits');
    let seed = 7;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < count; i++) {
      const entityIds = [
        ...new Set(
          Array.from({ length: 3 + Math.floor(random() * 8) }, () => ids[Math.floor(random() * ids.length)] as string),
        ),
      ];
      visits.put({
        key: `news.example/article-${i}`,
        url: `https://news.example/article-${i}`,
        title: `Remembered article ${i}`,
        site: 'news.example',
        readAt: Date.now() - Math.floor(random() * 89 * 86_400_000),
        entityIds,
      });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const total = await new Promise<number>((resolve) => {
    const req = db.transaction('visits').objectStore('visits').count();
    req.onsuccess = () => resolve(req.result);
  });
  db.close();
  return total;
}, VISITS);
await options.close();
console.log(`history: ${stored} remembered articles`);

const article = await launched.context.newPage();
await article.goto(`${server.origin}/demo/mou-signed.html`);
await article.waitForFunction(() => CSS.highlights.size > 0);

const ready: number[] = [];
const withRelated: number[] = [];
let related = 0;
for (let i = 0; i < RUNS + 1; i++) {
  await article.bringToFront();
  await launched.worker.evaluate(() => chrome.action.openPopup());
  const popup = await findPage(launched, '/popup.html');
  await popup.page.waitForFunction(() => performance.getEntriesByName('backstory-popup-related').length > 0, null, {
    timeout: 10_000,
  });
  const [t, r] = await popup.page.evaluate(() =>
    ['backstory-popup-ready', 'backstory-popup-related'].map(
      (n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN,
    ),
  );
  related = await popup.page.locator('ol.related-list li').count();
  // The first opening warms the service worker.
  if (i > 0) {
    ready.push(t as number);
    withRelated.push(r as number);
  }
  await popup.page.close();
  await popup.close();
}
await launched.context.close();
await server.close();
const s = summarize(ready);
const w = summarize(withRelated);
console.log(`\nms from the popup page's start, ${RUNS} openings (median / p95 / max):`);
console.log(`  names on the page shown:      ${s.median.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)}`);
console.log(
  `  related coverage shown too:   ${w.median.toFixed(1)} / ${w.p95.toFixed(1)} / ${w.max.toFixed(1)} (${related} articles listed)`,
);
