import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
beforeAll(async () => {
  h = await startHarness();
  for (const p of pages) h.routes[`/corpus/${p}.html`] = readFileSync(join(CORPUS, `${p}.html`), 'utf8');
  await h.context.route('**/*', (route) => {
    const url = route.request().url();
    return /^https?:/.test(url) && !url.startsWith(h.origin) ? route.abort() : route.continue();
  });
});
afterAll(async () => {
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
});
