// The collector on real saved news pages (mozilla/readability's test pages,
// read from the shared corpus at test time), parsed with linkedom the way the
// annotate script does: it must read each article's headline and first
// paragraph, each within one block, and none of the page's menus, footers,
// related or most-read boxes, share bars or comments.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../lib/dom/article-root';
import { collectText } from '../../lib/dom/collect-text';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/readability');

interface Row {
  page: string;
  headline: string;
  firstParagraph: string;
  mustNotContain: string[];
}

const rows = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus-article-text.json'), 'utf8')) as Row[];

const collapse = (s: string) => s.replace(/\s+/g, ' ');

function collect(page: string): { blocks: string[]; text: string } {
  const { document } = parseHTML(readFileSync(join(CORPUS, `${page}.html`), 'utf8'));
  const { text } = collectText(findArticleRoot(document as unknown as Document));
  return { blocks: text.split('\n').map(collapse), text: collapse(text) };
}

describe('collectText on saved news pages', () => {
  it('has a varied table of at least a dozen pages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.page)).size).toBe(rows.length);
  });

  it.each(rows)('reads the headline and first paragraph of $page, and none of its navigation or comments', (row) => {
    const { blocks, text } = collect(row.page);
    // Each within a single block: a match never spans two paragraphs.
    expect(blocks.some((b) => b.includes(row.headline))).toBe(true);
    expect(blocks.some((b) => b.includes(row.firstParagraph))).toBe(true);
    for (const junk of row.mustNotContain) expect(text).not.toContain(junk);
  });
});
