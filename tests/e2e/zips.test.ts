// The three zips `npm run zip` makes for the stores (npm test makes them before
// this suite): each installs cleanly where it goes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { findChromium, launchWithExtension } from '../../scripts/chromium.mjs';
import { ROOT } from './harness';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') => join(ROOT, '.output', `backstory-${version}-${kind}.zip`);

async function entries(kind: 'chrome' | 'firefox' | 'sources'): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(zipPath(kind)));
}

/** Unpacks a zip into a fresh folder, as a store or a reader would. */
async function unpack(zip: JSZip): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-zip-'));
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const to = join(dir, name);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, await file.async('nodebuffer'));
  }
  return dir;
}

describe('the store zips', () => {
  it('the Chrome zip loads in Chromium: its worker starts and its pages open without an error', async () => {
    const dir = await unpack(await entries('chrome'));
    const chromium = findChromium();
    if ('error' in chromium) throw new Error(chromium.error);
    const launched = await launchWithExtension({ extensionDir: dir, executablePath: chromium.path });
    const errors: string[] = [];
    try {
      const { context, worker, extensionId } = launched;
      expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('Backstory');
      for (const path of ['popup.html', 'options.html', 'notes.html', 'privacy.html']) {
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
        });
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        await page.waitForSelector('h1');
        await page.close();
      }
      // The options page links the privacy page, which says how to delete everything.
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.locator('a[href="/privacy.html"]').click();
      await expect.poll(() => options.url()).toMatch(/\/privacy\.html$/);
      expect(await options.locator('h2').allInnerTexts()).toContain('How to delete everything');
      await options.close();
      // The store the worker reads at start is in the zip and loads.
      const ready = await worker.evaluate(async () => (await fetch('/store/store.bin')).ok);
      expect(ready).toBe(true);
    } finally {
      await launched.context.close();
    }
    expect(errors).toEqual([]);
  });

  it('the Firefox zip passes addons-linter with no error and no warning', () => {
    const linter = join(ROOT, 'node_modules/.bin/addons-linter');
    const run = spawnSync(linter, ['--warnings-as-errors', '--output', 'json', zipPath('firefox')], {
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { summary: { errors: number; warnings: number } };
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });

  it('the sources zip holds what a reviewer needs to build it, and none of the datasets or build outputs', async () => {
    const names = Object.keys((await entries('sources')).files);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'assets/icon.svg'])
      expect(names).toContain(needed);
    expect(names.some((n) => n.startsWith('entrypoints/content/'))).toBe(true);
    expect(names.some((n) => n.startsWith('build/knowledge/'))).toBe(true);
    expect(
      names.filter((n) => /(^|\/)(node_modules|\.packs|\.output|\.git|scratch|test-output|demo-output)\//.test(n)),
    ).toEqual([]);
    // The open datasets are read from ../shared/data at build time, never shipped in the sources.
    expect(names.filter((n) => /\.(csv|rda|tsv)$/.test(n) && !n.startsWith('tests/'))).toEqual([]);
  });
});
