// `npm run store:screenshots`: the stores' screenshots (1280×800) of the built
// extension on the demo pages: the card, the popup over the page, the notes
// page. Written to docs/store/; run after `npm run build:e2e`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  cardText,
  clickInCard,
  clickInEditor,
  EXTENSION_DIR,
  editorFocused,
  pointOf,
  ROOT,
  SEEDS_DIR,
  waitForPaint,
} from '../tests/e2e/harness';
import { findChromium, launchWithExtension, openRealPopup } from './chromium.mjs';
import { startServer } from './server.mjs';

const OUT = join(ROOT, 'docs/store');
const SIZE = { width: 1280, height: 800 };

async function poll(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`store screenshots: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const chrome = findChromium();
if ('error' in chrome) {
  console.error(chrome.error);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const server = await startServer({ demoDir: join(ROOT, 'assets/demo'), seedsDir: SEEDS_DIR });
const launched = await launchWithExtension({
  extensionDir: EXTENSION_DIR,
  executablePath: chrome.path,
  viewport: SIZE,
});
try {
  const page = await launched.context.newPage();
  await page.goto(`${server.origin}/demo/mou-signed.html`);
  await waitForPaint(page);

  // 1. A card, open on a name.
  const name = await pointOf(page, 'Ali Larijani');
  await page.mouse.move(name.x, name.y);
  await page.mouse.move(name.x + 1, name.y);
  await poll('the card', async () => ((await cardText(page)) ?? '').includes('Add a note'));
  await page.screenshot({ path: join(OUT, 'card.png') });

  // 2. A note on the name, then one on a passage, for the notes page.
  await clickInCard(page, '.add-note');
  await poll('the note editor', () => editorFocused(page));
  await page.keyboard.type('Compare with his statements in March.');
  await clickInEditor(page, '.note-actions .save');
  await poll('the saved note', async () => ((await cardText(page)) ?? '').includes('Compare with his statements'));
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);

  // 3. The popup, drawn over the page at the toolbar's corner as the browser shows it.
  const under = await page.screenshot();
  const popup = await openRealPopup(launched, page);
  await popup.page.waitForSelector('.entity-list');
  const shot = await popup.page.screenshot();
  await popup.close();
  const meta = await sharp(shot).metadata();
  const left = SIZE.width - (meta.width ?? 400) - 16;
  await sharp(under)
    .composite([{ input: shot, left: Math.max(0, left), top: 8 }])
    .png()
    .toFile(join(OUT, 'popup.png'));

  // 4. The notes page.
  const notes = await launched.context.newPage();
  await notes.goto(`chrome-extension://${launched.extensionId}/notes.html`);
  await notes.waitForSelector('h1');
  await poll('the note on the notes page', async () =>
    (await notes.innerText('body')).includes('Compare with his statements'),
  );
  await notes.screenshot({ path: join(OUT, 'notes.png') });
  console.log(`store screenshots: ${['card', 'popup', 'notes'].map((n) => join(OUT, `${n}.png`)).join(', ')}`);
} finally {
  await launched.context.close();
  await server.close();
}
