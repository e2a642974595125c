// `npm run annotate -- FILE... [--pack PACK.json]... [--json]`
// Finds mentions in HTML or plain-text files with the extension's own engine:
// the article text is collected the way the content script does (on linkedom),
// and extra packs are used exactly as the options page uses a reader's packs.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { loadBundledPacks } from '../build/packs';
import { articleDate } from '../lib/dom/article-date';
import { findArticleRoot } from '../lib/dom/article-root';
import { collectText } from '../lib/dom/collect-text';
import { createFactStore } from '../lib/factstore/load-compiled';
import { scanText } from '../lib/factstore/scan';
import type { Pack } from '../lib/factstore/schema';
import { extendStore, type FactStore } from '../lib/factstore/store';
import { parsePackText } from '../lib/factstore/validate';

const USAGE = 'usage: npm run annotate -- FILE... [--pack PACK.json]... [--json]';

function fail(message: string, code = 1): never {
  process.stderr.write(`annotate: ${message}\n`);
  process.exit(code);
}

interface Args {
  files: string[];
  packs: string[];
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], packs: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') args.json = true;
    else if (a === '--pack') {
      const p = argv[++i];
      if (!p) fail(`--pack needs a file. ${USAGE}`, 2);
      args.packs.push(p);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}. ${USAGE}`, 2);
    else args.files.push(a);
  }
  if (args.files.length === 0) fail(`no files given. ${USAGE}`, 2);
  return args;
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`cannot read ${what} ${path}${code ? ` (${code})` : ''}`);
  }
}

function loadExtraPack(path: string): Pack {
  const result = parsePackText(read(path, 'pack'));
  if (!result.ok) {
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    fail(`bad pack ${path}: ${result.errors[0]}${more}`);
  }
  return result.pack;
}

/** The article text of a file, as the content script would collect it, its language and its date. */
export function articleText(path: string, content: string): { text: string; lang?: string; date?: string } {
  const looksHtml = /\.x?html?$/i.test(path) || /^\s*</.test(content);
  if (!looksHtml) return { text: content };
  const { document } = parseHTML(content);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const date = articleDate(document as unknown as Document, pathToFileURL(path).href);
  return {
    text: collectText(findArticleRoot(document as unknown as Document)).text,
    ...(lang ? { lang } : {}),
    ...(date ? { date } : {}),
  };
}

function annotate(store: FactStore, path: string, json: boolean): void {
  const { text, lang, date } = articleText(path, read(path, 'file'));
  const mentions = scanText(store, text, { lang, date });
  const rows = mentions.map((m) => {
    const e = store.info(m.entityId);
    return {
      id: m.entityId,
      name: e?.name ?? m.entityId,
      type: e?.type ?? 'event',
      text: m.text,
      start: m.start,
      end: m.end,
      reason: m.reason,
    };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(rows.map(({ reason: _reason, ...r }) => r))}\n`);
    return;
  }
  process.stdout.write(`\n${path}: ${rows.length} mentions of ${new Set(rows.map((r) => r.id)).size} entities\n\n`);
  const width = Math.min(40, Math.max(4, ...rows.map((r) => r.text.length)));
  for (const r of rows) {
    const span = `${r.start}–${r.end}`.padStart(11);
    process.stdout.write(`${span}  ${r.text.padEnd(width)}  ${r.name} (${r.type})\n`);
  }
}

const args = parseArgs(process.argv.slice(2));
const extra = args.packs.map(loadExtraPack);
const store = extendStore(createFactStore(loadBundledPacks()), extra);
for (const file of args.files) annotate(store, file, args.json);
