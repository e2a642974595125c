// `npm run packs:check -- PACK.json...`: validates packs and prints their
// errors (each with the path of the bad field), or their counts when valid.
import { readFileSync } from 'node:fs';
import { aliasInputs } from '../lib/factstore/derived';
import { parsePackText } from '../lib/factstore/validate';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run packs:check -- PACK.json...\n');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})\n`);
    failed = true;
    continue;
  }
  const result = parsePackText(text);
  if (!result.ok) {
    failed = true;
    process.stderr.write(`${file}: invalid, ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`);
    for (const e of result.errors) process.stderr.write(`  ${e}\n`);
    continue;
  }
  const p = result.pack;
  const byType = new Map<string, number>();
  for (const e of p.entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const types = [...byType].map(([t, n]) => `${n} ${t}`).join(', ');
  const facts = p.entities.reduce((n, e) => n + e.facts.length, 0);
  process.stdout.write(
    `${file}: valid — ${p.id} ${p.version} "${p.name}": ${p.entities.length} entities (${types}), ` +
      `${aliasInputs(p.entities).length} names and aliases, ${facts} facts, ${p.sources.length} sources, ${p.coverage.length} coverage items\n`,
  );
}
process.exit(failed ? 1 : 0);
