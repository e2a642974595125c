// Builds news-style HTML pages from the seed articles in ../shared/seeds at
// run time. The seed text is never copied into the project.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The seed files: `{ name, path }` for each `*.txt` in `seedsDir`. */
export function listSeeds(seedsDir) {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), path: join(seedsDir, f) }));
}

// The outlet that published each seed and the article's address, as recorded
// in the coverage items of assets/packs/iran-iraq-2025.json: shown in the
// byline, and declared as the page's canonical URL, as a news site does.
const OUTLETS = { '000': 'Rudaw', '002': 'Khaleej Telegraph' };
const CANONICAL = {
  '000': 'https://www.rudaw.net/english/middleeast/iran/17082025',
  '002': 'https://khaleejtelegraph.com/?p=13859',
};

/** The outlet of a seed, by its file-name prefix. */
export function seedOutlet(name) {
  return OUTLETS[name.slice(0, 3)];
}

/** The canonical URL of a seed's article, by its file-name prefix. */
export function seedCanonical(name) {
  return CANONICAL[name.slice(0, 3)];
}

/**
 * An article page for one seed: its lines as paragraphs inside <article>,
 * and a "Comments" tail (seed 000 carries its site's comment policy) in a
 * comments section, where a reader would find it.
 */
export function seedPage(text, title, outlet, canonical) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const cut = lines.indexOf('Comments');
  const body = cut === -1 ? lines : lines.slice(0, cut);
  const comments = cut === -1 ? [] : lines.slice(cut + 1);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : ''}
<style>body{font:18px/1.6 Georgia,serif;max-width:680px;margin:40px auto;padding:0 16px;color:#1d1d1b;background:#fbfaf6}</style>
</head><body>
<header><nav><a href="/">Home</a> · <a href="/world">World</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${outlet ? `<p class="byline">${escapeHtml(outlet)}</p>` : ''}
${body.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
</article>
${comments.length ? `<section class="comments"><h2>Comments</h2>${comments.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}</section>` : ''}
</main></body></html>`;
}

/** Reads a seed and builds its page. */
export function seedPageFromFile(path, title, outlet, canonical) {
  return seedPage(readFileSync(path, 'utf8'), title, outlet, canonical);
}
