import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import type { Wxt } from 'wxt';

/**
 * Ships docs/privacy.md inside the extension as `privacy.html`, a static page
 * the options page links to: the reader can read what is kept and how to
 * delete it without a network request, from the very text in the repository.
 * It is made at build time from our own Markdown, so the page has no script
 * and no HTML is made from text at run time.
 */
export function addPrivacyPage(wxt: Wxt, files: { relativeDest: string; absoluteSrc?: string }[]): void {
  const markdown = readFileSync(join(wxt.config.root, 'docs/privacy.md'), 'utf8');
  const body = marked.parse(markdown, { async: false, gfm: true });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backstory: privacy</title>
<style>
body { max-width: 760px; margin: 0 auto; padding: 24px 20px 48px; font: 15px/1.5 system-ui, sans-serif; color: #1d1d1b; background: #fff; }
h1, h2 { font-family: Georgia, "Times New Roman", serif; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid #d6d6d1; padding: 6px 8px; vertical-align: top; text-align: left; }
code { font-size: 0.92em; background: #f3f3ef; padding: 0 3px; border-radius: 3px; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e3; background: #1c1c1a; }
  th, td { border-color: #444; }
  code { background: #2c2c29; }
}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  const file = join(wxt.config.wxtDir, 'privacy.html');
  writeFileSync(file, html);
  files.push({ relativeDest: 'privacy.html', absoluteSrc: file });
}
