/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { Annotator } from '../../lib/dom/annotator';
import { fakePainter } from '../fixtures/painter';

/** An annotator whose scans are recorded (they find nothing). */
function recording() {
  const scans: { text: string; part: boolean; previous: string | undefined }[] = [];
  const annotator = new Annotator(fakePainter().painter, async (text, part, _limit, previous) => {
    scans.push({ text, part, previous });
    return [];
  });
  return { annotator, scans };
}

function page() {
  document.body.innerHTML =
    '<article><p id="a">Ali Larijani met <b>Qasim</b> al-Araji.</p><p id="b">Tammy Bruce spoke.</p></article>';
  return {
    article: document.querySelector('article') as Element,
    a: document.getElementById('a') as Element,
    b: document.getElementById('b') as Element,
  };
}

describe('what the background is told to take off its counts', () => {
  it('sends the old text of a paragraph read again, so its names are not counted twice', async () => {
    const { annotator, scans } = recording();
    const { article, a } = page();
    await annotator.annotate(article);
    expect(scans[0]).toMatchObject({ part: false, previous: undefined });
    (a.firstChild as Text).data = 'Ali Larijani, three minutes ago, met ';
    await annotator.annotateAll([a]);
    expect(scans[1]).toEqual({
      text: 'Ali Larijani, three minutes ago, met Qasim al-Araji.',
      part: true,
      previous: 'Ali Larijani met Qasim al-Araji.',
    });
    // Read again unchanged: the old text is the new, and the counts stay as they are.
    await annotator.annotateAll([a]);
    expect(scans[2]?.previous).toBe(scans[2]?.text);
  });

  it('sends the text of a paragraph the page removed, with nothing new, at the next scan', async () => {
    const { annotator, scans } = recording();
    const { article, b } = page();
    await annotator.annotate(article);
    b.remove();
    expect(annotator.forget([b])).toBe(true);
    await annotator.annotateAll([]);
    expect(scans[1]).toEqual({ text: '', part: true, previous: 'Tammy Bruce spoke.' });
    // Forgotten once: removing it again (or anything never read) sends nothing.
    expect(annotator.forget([b])).toBe(false);
    await annotator.annotateAll([]);
    expect(scans).toHaveLength(2);
  });

  it('sends no old text for a paragraph added after the read', async () => {
    const { annotator, scans } = recording();
    const { article } = page();
    await annotator.annotate(article);
    const c = document.createElement('p');
    c.textContent = 'Washington objected.';
    article.append(c);
    await annotator.annotateAll([c]);
    expect(scans[1]).toEqual({ text: 'Washington objected.', part: true, previous: undefined });
  });

  it('sends a block whole when an inline part of a name is replaced, so the name is taken off once', async () => {
    const { annotator, scans } = recording();
    document.body.innerHTML = '<article><p id="un"><b>United</b> Nations officials met.</p></article>';
    await annotator.annotate(document.querySelector('article') as Element);
    const p = document.getElementById('un') as Element;
    const old = p.querySelector('b') as Element;
    const fresh = document.createElement('b');
    fresh.textContent = 'United';
    old.replaceWith(fresh);
    expect(annotator.forget([old])).toBe(false); // an inline element: its block is read again instead
    await annotator.annotateAll([p]);
    expect(scans[1]).toEqual({
      text: 'United Nations officials met.',
      part: true,
      previous: 'United Nations officials met.',
    });
  });

  it('keeps the block breaks of a removed box of paragraphs', async () => {
    const { annotator, scans } = recording();
    document.body.innerHTML =
      '<article><div id="box"><p>Talks with Iran</p><p>Iraq responded.</p></div><p>Tammy Bruce spoke.</p></article>';
    await annotator.annotate(document.querySelector('article') as Element);
    const box = document.getElementById('box') as Element;
    box.remove();
    expect(annotator.forget([box])).toBe(true);
    await annotator.annotateAll([]);
    expect(scans[1]?.previous?.split('\n').sort()).toEqual(['Iraq responded.', 'Talks with Iran']);
  });
});
