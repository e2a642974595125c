import { findHeadline } from './headline';
import { insideUnread } from './unread-regions';

// Boxes inside an article that are not the article: ads, share bars, related
// and most-read lists, newsletter sign-ups, text only screen readers get.
// Whole words of a class ("ad-container", "most-read", "social__item"), never
// parts of one ("shareable", "headline"); ids are left out, as they are often
// slugs of the article's own headings ("debt-as-a-share-of-gdp").
const NOT_ARTICLE =
  /(^|[\s_-])(ads?|adslot|adverts?|advertising|advertisement|sponsor(ed)?|promo(ted)?|outbrain|taboola|teads|related|recommended|recommendations|most-?read|most-?viewed|popular|trending|newsletters?|subscribe|signup|share|sharing|sharetools|sharebar|social|syndication|breadcrumbs?|rail|sidebar|recirculation|sr-only|visually-?hidden|screen-reader-text|player|cta|byline|bylines|author|authors|author-?bio|bio|credits?|contributors?|tags|topics|timestamp)([\s_-]|$)/i;

const ARTICLE_SELECTOR = 'article, [itemprop="articleBody"], [property="articleBody"]';
// Paragraphs shorter than this are captions, datelines and teasers, not body text.
const MIN_PARAGRAPH = 25;

/** Characters of paragraph text under `el`. */
function paragraphText(el: Element, min = 0): number {
  let length = 0;
  for (const p of el.querySelectorAll('p')) {
    const n = p.textContent?.trim().length ?? 0;
    if (n >= min) length += n;
  }
  return length;
}

/** Whether `el` holds a paragraph of body text (stops at the first). */
function hasParagraph(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) if ((p.textContent?.trim().length ?? 0) >= MIN_PARAGRAPH) return true;
  return false;
}

/**
 * How much article text `el` holds: its paragraph text, or on a page without
 * paragraphs, all its text.
 */
function textSize(el: Element, byParagraphs: boolean): number {
  return byParagraphs ? paragraphText(el, MIN_PARAGRAPH) : (el.textContent?.length ?? 0);
}

/**
 * A test of the boxes under `top` that are not the article (see NOT_ARTICLE).
 * A box holding a third or more of the text under `top` is read all the same:
 * its name says less than its content. `top` is measured only when a box
 * looks like it is not the article: on a very long article, measuring it is
 * a pass over all of its text.
 */
export function notArticleWithin(top: Element): (el: Element) => boolean {
  const byParagraphs = hasParagraph(top);
  let size: number | undefined;
  return (el) => {
    if (!NOT_ARTICLE.test(el.getAttribute('class') ?? '')) return false;
    size ??= textSize(top, byParagraphs);
    return textSize(el, byParagraphs) * 3 < size;
  };
}

/**
 * The element whose own paragraphs hold the most body text (paragraphs
 * also count, at half weight, for their grandparent), outside unread regions.
 */
function densestContainer(doc: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const n = p.textContent?.trim().length ?? 0;
    if (n < MIN_PARAGRAPH || !p.parentElement) continue;
    scores.set(p.parentElement, (scores.get(p.parentElement) ?? 0) + n);
    const grand = p.parentElement.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + n / 2);
  }
  const ranked = [...scores].sort((x, y) => y[1] - x[1]);
  for (const [el, score] of ranked.slice(0, 5)) {
    if (score < 2 * MIN_PARAGRAPH) break;
    if (!insideUnread(el)) return el;
  }
  return undefined;
}

/**
 * Picks the element that holds the article: the `<article>` (or
 * `articleBody`) with the most paragraph text; else the block whose
 * paragraphs hold the most text, widened to its ancestors while that adds
 * little other paragraph text and does not take in the page's headline (the
 * headline is read anyway, and the block holding it often holds the sidebar
 * too); else `<main>`, else the body.
 */
export function findArticleRoot(doc: Document = document): Element {
  const articles = doc.querySelectorAll(ARTICLE_SELECTOR);
  // One candidate needs no measuring (a pass over all its text on a long page).
  if (articles.length === 1 && hasParagraph(articles[0] as Element)) return articles[0] as Element;
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of articles) {
    const length = paragraphText(el);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  if (best) return best;
  const dense = densestContainer(doc);
  if (dense) {
    const headline = findHeadline(doc);
    const limit = 1.5 * paragraphText(dense, MIN_PARAGRAPH);
    let root = dense;
    for (
      let up = root.parentElement;
      up &&
      up !== doc.body &&
      up !== doc.documentElement &&
      !(headline && up.contains(headline)) &&
      paragraphText(up, MIN_PARAGRAPH) <= limit;
      up = up.parentElement
    ) {
      root = up;
    }
    return root;
  }
  return doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
}
