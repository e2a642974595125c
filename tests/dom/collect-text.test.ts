/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../lib/dom/article-root';
import { collectText } from '../../lib/dom/collect-text';
import { toRange } from '../../lib/dom/to-ranges';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('collectText', () => {
  it('reads the article and skips navigation, comments, scripts, forms, code and editable regions', () => {
    const doc = page(`
      <nav>Iran news</nav>
      <article>
        <h1>Headline here</h1>
        <p>First <b>bold</b> paragraph.</p>
        <script>var Iran = 1;</script><style>.x{}</style>
        <pre><code>Baghdad()</code></pre>
        <div contenteditable="true">draft Tehran</div>
        <textarea>typed Erbil</textarea>
        <p>Second paragraph.</p>
        <section id="comments">A comment about Baghdad</section>
        <div data-backstory-ui>card text</div>
      </article>
      <footer>Footer</footer>`);
    const { text } = collectText(findArticleRoot(doc));
    expect(text).toBe('Headline here\nFirst bold paragraph.\nSecond paragraph.');
  });

  it('heads the article with a headline outside it, but not a paragraph read again after a change', () => {
    document.title = 'Iraq and Iran sign a border pact';
    const doc = page(`
      <header><h1>Iraq and Iran sign a border pact</h1></header>
      <article><p>The two ministers signed it in Baghdad on Sunday morning.</p></article>`);
    const root = findArticleRoot(doc);
    expect(collectText(root).text).toBe(
      'Iraq and Iran sign a border pact\nThe two ministers signed it in Baghdad on Sunday morning.',
    );
    const paragraph = doc.querySelector('p') as Element;
    expect(collectText(paragraph, false).text).toBe('The two ministers signed it in Baghdad on Sunday morning.');
  });

  it('separates blocks with a newline and keeps inline elements in one line', () => {
    const doc = page('<main><p>Ali <a href="#">Lari</a>jani</p><p>next</p></main>');
    expect(collectText(findArticleRoot(doc)).text).toBe('Ali Larijani\nnext');
  });

  it('turns line breaks inside a text node into spaces, keeping offsets', () => {
    const doc = page('<article><p>Ali\nLarijani</p></article>');
    const map = collectText(findArticleRoot(doc));
    expect(map.text).toBe('Ali Larijani');
    expect(map.text.length).toBe(map.nodes.reduce((n, t) => n + t.data.length, 0));
  });

  it('picks the <article> with the most paragraph text', () => {
    const doc = page(
      '<article><p>short teaser</p></article><article id="main"><p>a much longer article body text</p></article>',
    );
    expect(findArticleRoot(doc).id).toBe('main');
  });
});

describe('toRange', () => {
  it('maps text offsets back to a DOM range across inline elements', () => {
    const doc = page('<article><p>Minister Ali <i>Lari</i>jani spoke.</p></article>');
    const map = collectText(findArticleRoot(doc));
    const start = map.text.indexOf('Ali');
    const range = toRange(map, start, start + 'Ali Larijani'.length);
    expect(range?.toString()).toBe('Ali Larijani');
  });

  it('returns undefined for offsets outside the text', () => {
    const doc = page('<article><p>abc</p></article>');
    const map = collectText(findArticleRoot(doc));
    expect(toRange(map, 2, 10)).toBeUndefined();
  });
});
