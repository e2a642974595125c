// The saved real news pages in ../shared/corpus/readability, as the content
// script would read them (article text collected on linkedom).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { ROOT } from '../build/packs';
import { findArticleRoot } from '../lib/dom/article-root';
import { collectText } from '../lib/dom/collect-text';

export const CORPUS_DIR = resolve(ROOT, '../shared/corpus/readability');

export interface CorpusPage {
  name: string;
  html: string;
  text: string;
}

export function loadCorpus(): CorpusPage[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = readFileSync(join(CORPUS_DIR, f), 'utf8');
      const { document } = parseHTML(html);
      const text = collectText(findArticleRoot(document as unknown as Document)).text;
      return { name: f.replace(/\.html$/, ''), html, text };
    });
}
