/**
 * The regions Backstory does not read: the one list both the collector
 * (`collect-text.ts`, which skips their text) and the page watch
 * (`page-watch.ts`, which ignores changes inside them) use, so that a region
 * is never left out of the first read and then read at its first change, or
 * the other way round (issue #15). The rule: text a reader cannot see, or that
 * is not the article, is not read; a change inside it is not a reason to read
 * again. `tests/dom/unread-regions.test.ts` checks every entry against both.
 *
 * Not here: boxes whose class says they are not the article ("related",
 * "share", "sidebar"…), which are skipped only when they hold little of the
 * article's text (`notArticleWithin` in `article-root.ts`); the watch cannot
 * measure that without the article, so a change there is still read.
 */

/** Marks the extension's own UI, so the collector never reads it. */
export const OWN_UI_ATTRIBUTE = 'data-backstory-ui';

/** Elements whose content is never the article's text, by tag name (upper case). */
export const UNREAD_TAGS: ReadonlySet<string> = new Set([
  // Not text at all, or text no reader sees: code and styles, templates, fallbacks
  // for script-less readers, the page's head (its <title> is the tab's, not the article's).
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  // What the reader types or picks, and the labels of controls ("Share", "Load 12 more").
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'FORM',
  // Code samples: identifiers and output, not names in prose.
  'CODE',
  'PRE',
  // Drawings and formulas: their text is labels and symbols, not sentences.
  'SVG',
  'MATH',
  'CANVAS',
  // Other documents in the page (ads, embeds); their text is not this article's,
  // and an iframe's or object's own children are only fallbacks never shown.
  'IFRAME',
  'OBJECT',
  // The site around the article: menus, side boxes, the page's foot.
  'NAV',
  'ASIDE',
  'FOOTER',
  // Modals (sign-up walls, cookie notices) laid over the article.
  'DIALOG',
]);

/** ARIA roles of the site around the article, the same regions as NAV, ASIDE and FOOTER. */
export const UNREAD_ROLES: ReadonlySet<string> = new Set(['navigation', 'complementary', 'contentinfo']);

// Readers' comments: under the article, by others, and often loaded and updated after it.
const COMMENTS = /(^|[\s_-])(comments?|disqus|replies)([\s_-]|$)/i;
// Boxes that are never the article, whatever their size: a video player's controls and
// menus ("vjs-…"), a gallery of other stories' pictures.
const NEVER_ARTICLE = /(^|[\s_-])(vjs|video-?js|gallery)([\s_-]|$)/i;

/**
 * Whether `el` is itself a region Backstory does not read: one of
 * UNREAD_TAGS or UNREAD_ROLES, Backstory's own UI, hidden (`hidden`, or
 * `aria-hidden="true"`: text kept off screen or duplicated for show, like a
 * ticker's second copy), editable (the reader's own typing), or comments, a
 * video player or a gallery by its class (comments by their id too).
 */
export function isUnread(el: Element): boolean {
  if (UNREAD_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && UNREAD_ROLES.has(role)) return true;
  const cls = el.getAttribute('class') ?? '';
  return COMMENTS.test(`${el.id} ${cls}`) || NEVER_ARTICLE.test(cls);
}

/**
 * Whether `el` or one of its ancestors is a region Backstory does not read.
 * `<body>` and `<html>` are never asked: a page's `<body class="has-comments">`
 * says nothing about its article. `memo` keeps the answers for every element
 * passed on the way, for many questions about one unchanged page (a change
 * of a thousand paragraphs asks about the same few ancestors each time).
 */
export function insideUnread(el: Element, memo?: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let answer = false;
  for (let e: Element | null = el; e && !isPageTop(e); e = e.parentElement) {
    const known = memo?.get(e);
    if (known !== undefined) {
      answer = known;
      break;
    }
    path.push(e);
    if (isUnread(e)) {
      answer = true;
      break;
    }
  }
  // Every element passed is inside the region found (or in none): the same answer for all.
  if (memo) for (const e of path) memo.set(e, answer);
  return answer;
}

function isPageTop(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'BODY' || tag === 'HTML';
}
