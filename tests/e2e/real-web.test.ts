import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, QUIET_FLAGS } from '../../scripts/chromium.mjs';
import { type Harness, SHARED, startHarness } from './harness';

// Every saved news page in ../shared/corpus/readability, outside requests
// blocked: Backstory raises no error of its own, adds nothing to the article's
// markup, and reports what it found.
const CORPUS = join(SHARED, 'corpus/readability');
const pages = readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0] as string)
  .sort();

let h: Harness;
let plain: Browser | undefined;
// The same pages with the publishers' scripts kept from running, so that their markup holds still.
const STILL = { 'content-security-policy': "script-src 'none'" };
beforeAll(async () => {
  h = await startHarness();
  for (const p of pages) {
    const html = readFileSync(join(CORPUS, `${p}.html`), 'utf8');
    h.routes[`/corpus/${p}.html`] = html;
    h.routes[`/still/${p}.html`] = { body: html, headers: STILL };
  }
  await h.context.route('**/*', (route) => {
    const url = route.request().url();
    return /^https?:/.test(url) && !url.startsWith(h.origin) ? route.abort() : route.continue();
  });
});
afterAll(async () => {
  await plain?.close();
  await h?.close();
});

describe('the saved news pages', () => {
  it(`reads all ${pages.length} without an error of its own and without touching their markup`, {
    timeout: 240_000,
  }, async () => {
    const report: string[] = [];
    const problems: string[] = [];
    for (const name of pages) {
      const page = await h.context.newPage();
      const ownErrors: string[] = [];
      page.on('pageerror', (e) => {
        if (/chrome-extension:\/\//.test(e.stack ?? '')) ownErrors.push(e.message);
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && /chrome-extension:\/\/|Backstory/.test(`${m.location().url} ${m.text()}`))
          ownErrors.push(m.text());
      });
      // The markup of every element is recorded by mutations inside <body> that add or change anything
      // Backstory could have made: an element with its attribute, or one it created inside the article.
      await page.addInitScript(() => {
        const w = window as unknown as { __ours: number };
        w.__ours = 0;
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (
                n.nodeType === 1 &&
                (n as Element).closest('[data-backstory-ui]') &&
                (n as Element).parentElement !== document.documentElement
              )
                w.__ours++;
            }
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(`${h.origin}/corpus/${name}.html`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      const done = await page
        .waitForFunction(() => performance.getEntriesByName('backstory-first-paint').length > 0, null, {
          timeout: 15_000,
        })
        .then(
          () => true,
          () => false,
        );
      const facts = await page.evaluate(() => {
        let mentions = 0;
        for (const [, hl] of CSS.highlights) mentions += hl.size;
        const hosts = document.querySelectorAll('[data-backstory-ui]');
        let outside = 0;
        for (const host of hosts) if (host.parentElement !== document.documentElement) outside++;
        return { mentions, outside, ours: (window as unknown as { __ours: number }).__ours };
      });
      report.push(`${name}: ${done ? 'read' : 'NOT READ'}, ${facts.mentions} mentions, ${ownErrors.length} errors`);
      if (!done) problems.push(`${name}: not read within 15 s`);
      if (ownErrors.length > 0) problems.push(`${name}: ${ownErrors.join(' | ')}`);
      if (facts.outside > 0 || facts.ours > 0) problems.push(`${name}: Backstory's nodes inside the page`);
      await page.close();
    }
    console.info(report.join('\n'));
    expect(problems).toEqual([]);
  });

  it('leaves the markup of every page byte for byte as it was, apart from its one host element', {
    timeout: 240_000,
  }, async () => {
    const chrome = findChromium();
    if ('error' in chrome) throw new Error(chrome.error);
    // The reference: the same page in a browser without the extension.
    plain = await chromium.launch({ executablePath: chrome.path, args: QUIET_FLAGS });
    const reference = await plain.newContext();
    await reference.route('**/*', (route) =>
      route.request().url().startsWith(h.origin) ? route.continue() : route.abort(),
    );
    const markup = () => {
      const copy = document.documentElement.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('[data-backstory-ui]')) host.remove();
      return copy.outerHTML;
    };
    const changed: string[] = [];
    let compared = 0;
    for (const name of pages) {
      const url = `${h.origin}/still/${name}.html`;
      const ours = await h.context.newPage();
      await ours.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      const read = await ours
        .waitForFunction(() => performance.getEntriesByName('backstory-first-paint').length > 0, null, {
          timeout: 15_000,
        })
        .then(
          () => true,
          () => false,
        );
      const theirs = await reference.newPage();
      await theirs.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      const [a, b] = [await ours.evaluate(markup), await theirs.evaluate(markup)];
      if (read) compared++;
      if (a !== b) changed.push(`${name}: ${a.length} vs ${b.length} characters`);
      await ours.close();
      await theirs.close();
    }
    expect(changed).toEqual([]);
    // Most pages were read (some hold no article text Backstory reads); none changed.
    expect(compared).toBeGreaterThan(pages.length / 2);
  });
});
