import { insideUnread } from './unread-regions';

const normalise = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The page's headline: the longest visible `<h1>` whose text is (or holds)
 * the page's title, so a logo or section-name `<h1>` is never taken for it.
 */
export function findHeadline(doc: Document): Element | undefined {
  const titles = [
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    doc.querySelector('meta[name="twitter:title"]')?.getAttribute('content'),
    doc.title,
  ]
    .map(normalise)
    .filter((t) => t.length > 0);
  let best: Element | undefined;
  let bestLength = 0;
  for (const h1 of doc.querySelectorAll('h1')) {
    const text = normalise(h1.textContent);
    if (text.length <= bestLength || text.length < 10) continue;
    if (!titles.some((t) => t.includes(text) || text.includes(t))) continue;
    if (insideUnread(h1)) continue;
    best = h1;
    bestLength = text.length;
  }
  return best;
}

/**
 * The page's headline when `root` does not already hold it: an `<article>`
 * often leaves the `<h1>` out, and the collector reads it first.
 */
export function headlineOutside(root: Element): Element | undefined {
  const doc = root.ownerDocument;
  const headline = doc && findHeadline(doc);
  if (!headline || root.contains(headline) || headline.contains(root)) return undefined;
  const text = normalise(headline.textContent);
  for (const h1 of root.querySelectorAll('h1')) if (normalise(h1.textContent) === text) return undefined;
  return headline;
}
