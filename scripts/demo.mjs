// `npm run demo`: builds the extension, serves the demo pages on localhost and
// opens Chromium with Backstory loaded. With a display, a window to read in;
// without one (CI, SSH), a headless run that hovers a name, saves screenshots
// of the underlined page, the open card and the popup into demo-output/, and
// prints the mentions it painted.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, launchWithExtension, openRealPopup } from './chromium.mjs';
import { ROOT, run } from './run.mjs';
import { startServer } from './server.mjs';

const OUT = join(ROOT, 'demo-output');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e');
const ARTICLE = '/demo/mou-signed.html';

const chrome = findChromium();
if ('error' in chrome) {
  console.error(chrome.error);
  process.exit(1);
}

const packs = await run('vite-node', ['scripts/packs-build.ts', '--if-needed']);
if (packs.code !== 0) {
  console.error('Building the fact packs failed; see above.');
  process.exit(1);
}
console.log('Building the extension (wxt build --mode e2e)…');
const build = await run('wxt', ['build', '--mode', 'e2e'], { quiet: true });
if (build.code !== 0) {
  console.error(build.output);
  console.error('The build failed; see above.');
  process.exit(1);
}

// A real saved news page from the shared corpus, served from localhost the way its outlet
// served it (its own HTML, scripts and all); its requests to other hosts are blocked.
const CORPUS_PAGE = '/corpus/nytimes-4.html';
const corpusFile = join(ROOT, '../shared/corpus/readability/nytimes-4.html');
const routes = existsSync(corpusFile) ? { [CORPUS_PAGE]: readFileSync(corpusFile, 'utf8') } : {};
const server = await startServer({
  demoDir: join(ROOT, 'assets/demo'),
  seedsDir: join(ROOT, '../shared/seeds'),
  routes,
});
const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = !hasDisplay || process.env.BACKSTORY_DEMO_HEADLESS === '1';

const launched = await launchWithExtension({ extensionDir: EXTENSION_DIR, executablePath: chrome.path, headless });
const { context } = launched;
await context.route('**/*', (route) => {
  const url = route.request().url();
  return /^https?:/.test(url) && !url.startsWith(server.origin) ? route.abort() : route.continue();
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.origin + ARTICLE);

if (!headless) {
  console.log(`Chromium is open with Backstory on ${server.origin}${ARTICLE}`);
  console.log('Hover an underlined name to see its card. Close the window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await context.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
} else {
  try {
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 15_000 });
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'underlined.png') });

    // Hover "Larijani" and wait out the dwell.
    const point = await page.evaluate(() => {
      for (const [, h] of CSS.highlights) {
        for (const r of h) {
          if (r.toString() === 'Ali Larijani') {
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const rect = r.getClientRects()[0];
            return rect && { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
        }
      }
      return null;
    });
    if (!point) throw new Error('“Ali Larijani” was not painted on the demo page.');
    await page.mouse.move(point.x, point.y);
    await page.mouse.move(point.x + 1, point.y);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(OUT, 'card.png') });
    await page.mouse.move(2, 2);

    const popup = await openRealPopup(launched, page);
    await popup.page.waitForSelector('.entity-list, .empty', { timeout: 10_000 });
    await popup.page.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });
    await popup.close();

    // What the reader sees: every underline painted on the page (the public highlights;
    // names known only from the reader's own packs would be private marks, and the demo has none).
    const painted = () =>
      page.evaluate(() => {
        const byName = new Map();
        for (const [kind, h] of CSS.highlights) {
          if (!kind.startsWith('backstory-')) continue;
          for (const r of h) {
            const key = `${r.toString()} (${kind.slice('backstory-'.length)})`;
            byName.set(key, (byName.get(key) ?? 0) + 1);
          }
        }
        return [...byName].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      });
    const printPainted = (where, list) => {
      const total = list.reduce((n, [, k]) => n + k, 0);
      console.log(`\nPainted on ${where}: ${total} underlines, ${list.length} names:\n`);
      for (const [name, n] of list) console.log(`  ${String(n).padStart(3)} × ${name}`);
    };
    printPainted(server.origin + ARTICLE, await painted());

    // A real news page: a senator's card, with his current role, its date and its dataset.
    const shots = [join(OUT, 'underlined.png'), join(OUT, 'card.png'), join(OUT, 'popup.png')];
    if (routes[CORPUS_PAGE]) {
      await page.goto(server.origin + CORPUS_PAGE, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20_000 });
      // A person's name the pointer can reach: Mark Warner first; the saved page's graphics,
      // laid out without their scripts, cover some of the text.
      const locate = (scroll) =>
        page.evaluate((scrollFirst) => {
          const people = [...(CSS.highlights.get('backstory-person') ?? [])].sort(
            (a, b) => Number(b.toString() === 'Mark Warner') - Number(a.toString() === 'Mark Warner'),
          );
          for (const r of people) {
            if (scrollFirst) r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const rect = r.getClientRects()[0];
            if (!rect || rect.top < 0 || rect.bottom > innerHeight) continue;
            const x = rect.left + rect.width / 2;
            const y = rect.top + rect.height / 2;
            const caret = document.caretPositionFromPoint(x, y);
            if (caret?.offsetNode === r.startContainer) return { x, y, name: r.toString() };
          }
          return null;
        }, scroll);
      // Scroll to it, let the page settle (its images and graphics shift the text), then measure again.
      await locate(true);
      await page.waitForTimeout(1000);
      const at = (await locate(false)) ?? (await locate(true));
      if (!at) throw new Error('No person’s name on the corpus page could be hovered.');
      console.log(`\nOn ${CORPUS_PAGE}: the card of “${at.name}”.`);
      await page.mouse.move(at.x, at.y);
      await page.mouse.move(at.x + 1, at.y);
      // The card is inside a closed shadow root, which the page (and so this script) cannot
      // see into: wait for the hover delay and the card's data.
      await page.waitForTimeout(1500);
      await page.waitForTimeout(600);
      const shot = join(OUT, 'corpus-person-card.png');
      await page.screenshot({ path: shot });
      shots.push(shot);
      printPainted(server.origin + CORPUS_PAGE, await painted());
    }
    console.log(`\nScreenshots: ${shots.join(', ')}`);
  } catch (error) {
    console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await context.close();
    await server.close();
  }
}
