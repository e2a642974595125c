import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleDate, dayOf } from '../../lib/dom/article-date';
import { ROOT } from '../fixtures/store';

const CORPUS = join(ROOT, '../shared/corpus/readability');
const pages = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));

function dateOf(html: string, url = 'http://localhost/page.html'): string | undefined {
  const { document } = parseHTML(html);
  return articleDate(document as unknown as Document, url);
}

describe('the date a page says its article was published', () => {
  it('agrees with Readability.js on every corpus page where it finds one, and prints what it reads off each', () => {
    const rows: string[] = [];
    const differ: string[] = [];
    let compared = 0;
    for (const name of pages) {
      const ours = dateOf(readFileSync(join(CORPUS, `${name}.html`), 'utf8'));
      const meta = JSON.parse(readFileSync(join(CORPUS, 'expected', `${name}.metadata.json`), 'utf8')) as {
        publishedTime?: string | null;
      };
      const theirs = dayOf(meta.publishedTime);
      rows.push(`${name.padEnd(28)} ${String(ours ?? '—').padEnd(11)} ${theirs ?? '—'}`);
      if (theirs) compared++;
      if (theirs && ours !== theirs) differ.push(name);
    }
    console.log(`page                         ours        Readability.js\n${rows.join('\n')}`);
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('reads the Washington Post story of March 2015 from its address', () => {
    expect(dateOf(readFileSync(join(CORPUS, 'wapo-2.html'), 'utf8'))).toBe('2015-03-18');
  });

  it.each([
    [
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2015-03-18T12:00:00-04:00"}</script>',
      '2015-03-18',
    ],
    [
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2014-01-01"},{"@type":["NewsArticle"],"datePublished":"2016-05-02"}]}</script>',
      '2016-05-02',
    ],
    [
      '<script type="application/ld+json">{ not json</script><meta property="article:published_time" content="2019-01-03T07:00:02.000Z">',
      '2019-01-03',
    ],
    ['<meta name="date" content="March 5, 2012">', '2012-03-05'],
    ['<article><header><time datetime="2011-09-30">Sept. 30</time></header></article>', '2011-09-30'],
    // Nothing, or nothing plausible: no date rather than a wrong one.
    ['<p>No date here.</p>', undefined],
    ['<meta property="article:published_time" content="0000-00-00">', undefined],
  ])('%s → %s', (html, want) => {
    expect(dateOf(html)).toBe(want);
  });

  it('reads a date in the address by the usual schemes, and none from other numbers', () => {
    expect(dateOf('', 'https://example.com/world/2015/03/18/story.html')).toBe('2015-03-18');
    expect(dateOf('', 'https://example.com/2015-03-18-story')).toBe('2015-03-18');
    expect(dateOf('', 'https://example.com/2015/03/story')).toBe('2015-03');
    expect(dateOf('', 'https://example.com/story/12345678')).toBeUndefined();
  });
});
