/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { collectText } from '../../lib/dom/collect-text';
import { watchPage } from '../../lib/dom/page-watch';
import { OWN_UI_ATTRIBUTE, UNREAD_ROLES, UNREAD_TAGS } from '../../lib/dom/unread-regions';

const NS: Record<string, string> = {
  svg: 'http://www.w3.org/2000/svg',
  math: 'http://www.w3.org/1998/Math/MathML',
};

/** An element of `tag`, with `attributes`. */
function element(tag: string, attributes: Record<string, string> = {}): () => Element {
  return () => {
    const ns = NS[tag];
    const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    return el;
  };
}

// Every kind of region Backstory does not read, written out here rather than taken from the
// list: an entry dropped from the shared list fails below, it does not drop its own test.
const TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'form',
  'code',
  'pre',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'nav',
  'aside',
  'footer',
  'dialog',
];
const ROLES = ['navigation', 'complementary', 'contentinfo'];
// An iframe with a source of its own: happy-dom loads no page, and says so on the console.
const ATTRIBUTES: Record<string, Record<string, string>> = { iframe: { srcdoc: '<p>An embed</p>' } };
const REGIONS: [string, () => Element][] = [
  ...TAGS.map((tag): [string, () => Element] => [`<${tag}>`, element(tag, ATTRIBUTES[tag])]),
  ...ROLES.map((role): [string, () => Element] => [`role="${role}"`, element('div', { role })]),
  ['hidden', element('div', { hidden: '' })],
  ['aria-hidden="true"', element('span', { 'aria-hidden': 'true' })],
  ['contenteditable', element('div', { contenteditable: '' })],
  ['contenteditable="true"', element('div', { contenteditable: 'true' })],
  ['Backstory’s own UI', element('div', { [OWN_UI_ATTRIBUTE]: '' })],
  ['comments, by class', element('div', { class: 'article-comments' })],
  ['comments, by id', element('section', { id: 'disqus_thread' })],
  ['a video player’s menus', element('div', { class: 'vjs-menu' })],
  ['a gallery', element('div', { class: 'gallery' })],
];

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.innerHTML = '';
  document.body.className = '';
  document.documentElement.className = '';
});

/** Watches the page; returns the blocks it hands over to be read, as ids or tag names. */
function watch(): string[] {
  const roots: string[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  watchPage(document, {
    isOwn: () => false,
    onChange: (changed) => roots.push(...changed.map((r) => r.id || r.tagName.toLowerCase())),
    signal: controller.signal,
    quietMs: 10,
    maxWaitMs: 100,
  });
  return roots;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// happy-dom puts a <template>'s children in its content, as parsing does in a browser.
const holder = (region: Element): Element | DocumentFragment =>
  region instanceof HTMLTemplateElement ? region.content : region;

function span(text: string): Element {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}

/**
 * A paragraph of the article with `region` in it, holding `<span>old words</span>`, and a
 * second region wrapping a paragraph of its own: inline boxes and whole sections alike.
 */
function pageWith(make: () => Element): { inline: Element; around: Element; article: Element } {
  document.body.innerHTML =
    '<article id="story"><p id="para">Ali Larijani met Qasim al-Araji in Baghdad. </p><div id="slot"></div></article>';
  // Built node by node: parsed, a <script>'s or <template>'s markup would not be elements.
  const inline = make();
  holder(inline).append(span('old words'));
  document.getElementById('para')?.append(inline);
  const around = make();
  const inner = document.createElement('p');
  inner.id = 'inner';
  inner.append(span('other words'));
  holder(around).append(inner);
  document.getElementById('slot')?.append(around);
  return { inline, around, article: document.getElementById('story') as Element };
}

/** Edits, adds and takes out text inside `region`, every way the watch hears of it. */
function changeTextIn(region: Element): void {
  const box = holder(region);
  const old = box.querySelector('span') as Element;
  (old.firstChild as Text).data = 'edited words';
  const bold = document.createElement('b');
  bold.textContent = 'added words';
  box.append(bold, 'more added words');
  old.remove();
}

describe('the regions Backstory does not read', () => {
  it('lists each region here, and no other, so a new one is tested too', () => {
    expect([...UNREAD_TAGS].sort()).toEqual(TAGS.map((t) => t.toUpperCase()).sort());
    expect([...UNREAD_ROLES].sort()).toEqual([...ROLES].sort());
  });

  it.each(REGIONS)('%s: the collector leaves its text out', (_, make) => {
    const { article } = pageWith(make);
    const { text } = collectText(article);
    expect(text).toContain('Ali Larijani met Qasim al-Araji in Baghdad.');
    expect(text).not.toContain('old words');
    expect(text).not.toContain('other words');
  });

  it.each(REGIONS)('%s: a change inside it is no reason to read the page again', async (_, make) => {
    const { inline, around } = pageWith(make);
    const roots = watch();
    changeTextIn(inline);
    changeTextIn(around);
    await wait(40);
    expect(roots).toEqual([]);
  });

  it('reads an article on a page whose <body> and <html> have a class like comments', async () => {
    const { inline } = pageWith(element('span'));
    document.body.className = 'page-with-comments';
    document.documentElement.className = 'gallery';
    const roots = watch();
    changeTextIn(inline);
    await wait(40);
    expect(roots).toEqual(['para']);
  });

  it('reads again the blocks of the same changes in a box it reads', async () => {
    const { inline, around } = pageWith(element('span'));
    const roots = watch();
    changeTextIn(inline);
    changeTextIn(around);
    await wait(40);
    // Text added to the <span> around #inner belongs to the block holding it, #slot.
    expect(roots.sort()).toEqual(['para', 'slot']);
  });
});
