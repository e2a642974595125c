import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSeeds, seedOutlet, seedPage } from '../../scripts/seed-pages.mjs';
import { entity, pack, ROOT, SEEDS_DIR } from '../fixtures/store';

const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
const viteNode = join(ROOT, 'node_modules/.bin/vite-node');

function cli(script: string, args: string[]) {
  const r = spawnSync(viteNode, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/npm warn.*\n/g, '') };
}

/** A page built from a seed article at test time (the text is never stored in the project). */
function seedFile(prefix: string): string {
  const seed = listSeeds(SEEDS_DIR).find((s) => s.name.startsWith(prefix));
  if (!seed) throw new Error(`no seed ${prefix}`);
  const file = join(dir, `${seed.name}.html`);
  writeFileSync(file, seedPage(readFileSync(seed.path, 'utf8'), `Seed ${prefix}`, seedOutlet(seed.name)));
  return file;
}

interface Row {
  id: string;
  name: string;
  type: string;
  text: string;
  start: number;
  end: number;
}

// Each run loads the whole bundled store (about 126,000 entities): seconds, not milliseconds.
describe('npm run annotate', { timeout: 60_000 }, () => {
  it.each([
    [
      '000',
      [
        'ali-larijani',
        'qasim-al-araji',
        'abdul-latif-rashid',
        'tammy-bruce',
        'saddam-hussein',
        'snsc',
        'irib',
        'us-state-department',
        // (Rudaw, the outlet, is named only in the page's byline, which is not the article.)
        'baghdad',
        'tehran',
        'erbil',
        'kurdistan-region',
        'iran',
        'iraq',
        'mou-2025',
      ],
    ],
    [
      '002',
      [
        'ali-larijani',
        'tammy-bruce',
        'snsc',
        'us-state-department',
        'baghdad',

        'iran',
        'iraq',
        'un-charter',
        'mou-2025',
      ],
    ],
  ])('lists the people, bodies, places and agreement of a page built from seed %s', (prefix, expected) => {
    const file = seedFile(prefix);
    const r = cli('annotate.ts', [file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    for (const id of expected) expect(rows.map((m) => m.id)).toContain(id);
    const html = readFileSync(file, 'utf8');
    // Offsets are into the extracted text, and `text` is the surface form.
    for (const m of rows) {
      expect(m.end - m.start).toBe(m.text.length);
      expect(Object.keys(m).sort()).toEqual(['end', 'id', 'name', 'start', 'text', 'type']);
    }
    expect(html).toContain(rows[0]?.text ?? '∅');
  });

  // Issue #12's check on two saved real pages (read at run time from the shared corpus).
  it.each([
    ['herald-sun-1', ['Tony Abbott', 'Malcolm Turnbull', 'George Brandis', 'Bill Shorten']],
    ['nytimes-4', ['Mark R. Warner', 'Brookings Institute']],
  ])('links the politicians and bodies of the corpus page %s', (page, names) => {
    const r = cli('annotate.ts', [join(ROOT, '../shared/corpus/readability', `${page}.html`), '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    for (const name of names) expect(rows.map((m) => m.name)).toContain(name);
  });

  it('prints a readable table without --json', () => {
    const r = cli('annotate.ts', [seedFile('000')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mentions of \d+ entities/);
    expect(r.stdout).toMatch(/Ali Larijani\s+Ali Larijani \(person\)/);
  });

  it('uses an extra pack exactly like a reader pack', () => {
    const extra = join(dir, 'extra.json');
    writeFileSync(
      extra,
      JSON.stringify(
        pack([
          entity({ id: 'fagin', name: 'Steven Fagin', facts: [{ label: 'Role', value: 'Chargé', source: 'src' }] }),
        ]),
      ),
    );
    const text = join(dir, 'note.txt');
    writeFileSync(text, 'Qasim al-Araji met Steven Fagin in Baghdad.');
    const without = JSON.parse(cli('annotate.ts', [text, '--json']).stdout) as Row[];
    const withPack = JSON.parse(cli('annotate.ts', [text, '--pack', extra, '--json']).stdout) as Row[];
    expect(without.map((m) => m.id)).not.toContain('fagin');
    expect(withPack.map((m) => m.id)).toEqual(['qasim-al-araji', 'fagin', 'baghdad']);
  });

  it.each([
    ['an unreadable file', [join(dir, 'missing.html')], /^annotate: cannot read file .*missing\.html \(ENOENT\)\n$/],
    [
      'a pack that is not JSON',
      ['x.txt', '--pack', join(ROOT, 'README.md')],
      /^annotate: bad pack .*README\.md: not JSON/,
    ],
    ['no files', ['--json'], /^annotate: no files given/],
  ])('gives a one-line error and a non-zero exit for %s', (_name, args, message) => {
    const r = cli('annotate.ts', args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run packs:check', () => {
  it('prints the counts of a valid pack', () => {
    const r = cli('packs-check.ts', [join(ROOT, 'assets/packs/iran-iraq-2025.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — iran-iraq-2025 .*\d+ entities \(\d+ person/);
  });

  it('prints each error with the path of the bad field', () => {
    const bad = pack([entity({ id: 'a' }), entity({ id: 'b' })]) as unknown as { entities: { aliases: unknown[] }[] };
    (bad.entities[1] as { aliases: unknown[] }).aliases = [7];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = cli('packs-check.ts', [file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('entities[1].aliases[0]: expected Object but received 7');
  });
});
