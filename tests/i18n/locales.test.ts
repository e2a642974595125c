// The interface's messages (locales/*.yml): every language has every English
// key and no other, no message is empty, each keeps the placeholders English
// has, every key is used by the code and every key the code uses exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES } from '../../lib/i18n/locale';

const ROOT = join(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'locales');
const TRANSLATIONS = INTERFACE_LANGUAGES.filter((l) => l !== 'en');

interface Message {
  /** Every form: one, or a plural's forms (0, 1, n). */
  forms: string[];
  plural: boolean;
}

/** A language's messages by key ("card.type.person"), as @wxt-dev/i18n reads the file. */
function messages(lang: string): Map<string, Message> {
  const parsed = parseMessagesText(readFileSync(join(LOCALES, `${lang}.yml`), 'utf8'), 'YAML');
  const out = new Map<string, Message>();
  for (const m of parsed) {
    const key = m.key.join('.');
    if (key.startsWith('@@')) continue; // the browser's own (@@ui_locale…), added by the parser
    if (m.type === 'plural') out.set(key, { forms: Object.values(m.plurals).map(String), plural: true });
    else if (m.type === 'simple') out.set(key, { forms: [m.message], plural: false });
    else throw new Error(`${lang}.yml: ${key} is written in Chrome's own format; write a plain message`);
  }
  return out;
}

/** The placeholders of a message, all forms together: {name} and $1…$9. */
function placeholders(m: Message): string[] {
  const found = m.forms.flatMap((f) => [...f.matchAll(/\{([A-Za-z0-9_]+)\}|(?<!\$)\$([1-9])/g)].map((x) => x[0]));
  return [...new Set(found)].sort();
}

/** The code a reader's text can come from: the extension's sources and its config (the manifest). */
function sources(): { file: string; text: string }[] {
  const files = ['entrypoints', 'components', 'lib'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => join(dir, f)),
  );
  return [...files, 'wxt.config.ts'].map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

const en = messages('en');

describe('the interface languages', () => {
  it('are the languages with a messages file, English among them', () => {
    const files = readdirSync(LOCALES)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => f.replace(/\.yml$/, ''));
    expect(files.sort()).toEqual([...INTERFACE_LANGUAGES].sort());
    expect(en.size).toBeGreaterThan(100);
  });

  it('names each message once for the browser, which reads names without dots or case', () => {
    const names = [...en.keys()].map((k) => k.replaceAll('.', '_').toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(TRANSLATIONS)('%s has every English key, and no other', (lang) => {
    const keys = [...messages(lang).keys()];
    expect({ missing: [...en.keys()].filter((k) => !keys.includes(k)), extra: keys.filter((k) => !en.has(k)) }).toEqual(
      { missing: [], extra: [] },
    );
  });

  it.each(INTERFACE_LANGUAGES)('%s has no empty message, and none with " | " (it splits plurals)', (lang) => {
    for (const [key, m] of messages(lang)) {
      for (const form of m.forms) {
        expect(form.trim(), `${lang}: ${key}`).not.toBe('');
        expect(form, `${lang}: ${key}`).not.toContain(' | ');
      }
    }
  });

  it.each(TRANSLATIONS)('%s keeps the placeholders and the plurals of each English message', (lang) => {
    for (const [key, m] of messages(lang)) {
      const english = en.get(key);
      if (!english) continue;
      expect(placeholders(m), `${lang}: ${key}`).toEqual(placeholders(english));
      expect(m.plural, `${lang}: ${key} is a plural in English`).toBe(english.plural);
    }
  });

  it.each(INTERFACE_LANGUAGES)('%s fits the stores’ limits: a name of 45 characters, a description of 132', (lang) => {
    const m = messages(lang);
    expect(m.get('extName')?.forms[0]?.length).toBeLessThanOrEqual(45);
    expect(m.get('extDescription')?.forms[0]?.length).toBeLessThanOrEqual(132);
  });
});

describe('the code and the messages', () => {
  const code = sources();

  it('uses every key: in an i18n.t call, or in the manifest as __MSG_…__', () => {
    const unused = [...en.keys()].filter(
      (key) =>
        !code.some(({ text }) => text.includes(`'${key}'`) || text.includes(`__MSG_${key.replaceAll('.', '_')}__`)),
    );
    expect(unused).toEqual([]);
  });

  it('asks only for keys that exist', () => {
    const calls = code.flatMap(({ file, text }) =>
      [...text.matchAll(/\bi18n\.t\(\s*'([^']+)'/g)].map((m) => ({ file, key: m[1] as string })),
    );
    expect(calls.length).toBeGreaterThan(100);
    expect(calls.filter((c) => !en.has(c.key))).toEqual([]);
    const manifestKeys = code.flatMap(({ text }) => [...text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]));
    const underscored = new Set([...en.keys()].map((k) => k.replaceAll('.', '_')));
    expect(manifestKeys.filter((k) => !underscored.has(k as string))).toEqual([]);
  });
});
