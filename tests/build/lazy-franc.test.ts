import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { franc as realFranc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { deferFrancTables } from '../../build/lazy-franc';

const FRANC = join(process.cwd(), 'node_modules/franc-min');
const SOURCE = readFileSync(join(FRANC, 'index.js'), 'utf8');

/** franc-min's module as the build patches it, importable from a directory of its own. */
async function patchedFranc(): Promise<typeof import('franc-min')> {
  const url = (path: string) => JSON.stringify(pathToFileURL(path).href);
  const code = deferFrancTables(SOURCE)
    .replace(/from '\.\/(data|expressions)\.js'/g, (_, name: string) => `from ${url(join(FRANC, `${name}.js`))}`)
    .replace(/from 'trigram-utils'/, `from ${url(join(process.cwd(), 'node_modules/trigram-utils/index.js'))}`);
  const file = join(mkdtempSync(join(tmpdir(), 'lazy-franc-')), 'index.mjs');
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

const TEXTS = [
  'The Iraqi national security adviser and his Iranian counterpart signed the memorandum in Baghdad on Sunday.',
  'Le ministre des affaires étrangères a rencontré son homologue iranien à Bagdad pour signer le protocole.',
  'Der irakische Sicherheitsberater und sein iranischer Amtskollege unterzeichneten das Abkommen in Bagdad.',
  'El asesor de seguridad nacional iraquí y su homólogo iraní firmaron el memorando en Bagdad el domingo.',
  'Советник по национальной безопасности Ирака и его иранский коллега подписали меморандум в Багдаде.',
  'وقع مستشار الأمن القومي العراقي ونظيره الإيراني مذكرة التفاهم في بغداد يوم الأحد',
  '伊拉克国家安全顾问和伊朗同行周日在巴格达签署了谅解备忘录。',
  'Ísland er eyja í Norður-Atlantshafi, og höfuðborgin er Reykjavík.',
  'short',
  '1234567890 1234567890 1234567890',
];

describe('franc-min with its tables built when first asked for (build/lazy-franc.ts)', () => {
  it.each(TEXTS)('detects what franc-min detects in %j', async (text) => {
    const lazy = await patchedFranc();
    expect(lazy.franc(text, { minLength: 20 })).toBe(realFranc(text, { minLength: 20 }));
    expect(lazy.francAll(text, { only: ['eng', 'fra', 'deu'] })).toEqual(
      (await import('franc-min')).francAll(text, { only: ['eng', 'fra', 'deu'] }),
    );
  });

  it('moves the tables into a function that francAll calls first, and nothing else', () => {
    const patched = deferFrancTables(SOURCE);
    expect(patched).toContain('function buildNumericData() {');
    expect(patched.match(/buildNumericData\(\)/g)).toHaveLength(2);
    expect(
      patched.replace(
        /^.*numericDataBuilt.*\n|^function buildNumericData\(\) \{\n|^\}\n(?=\n\/\*\*\n \* Get the most)/gm,
        '',
      ),
    ).toBe(SOURCE);
  });

  it('fails the build when franc-min no longer has the shape it patches', () => {
    expect(() => deferFrancTables(SOURCE.replace('const numericData = {}', 'const numericData = new Map()'))).toThrow(
      'franc-min/index.js changed',
    );
  });
});
