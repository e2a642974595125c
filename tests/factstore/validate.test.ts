import { describe, expect, it } from 'vitest';
import { MAX_PACK_CHARS, parsePackText, validatePack } from '../../lib/factstore/validate';
import { entity, pack } from '../fixtures/store';

const errorsOf = (value: unknown) => {
  const r = validatePack(value);
  return r.ok ? [] : r.errors;
};

describe('validatePack', () => {
  it('accepts a good pack', () => {
    const good = pack([
      entity({
        id: 'a',
        aliases: [{ text: 'Ay', lang: 'en', kind: 'short' }],
        facts: [{ label: 'L', value: 'V', date: '2025-08', source: 'src' }],
      }),
    ]);
    expect(errorsOf(good)).toEqual([]);
  });

  it.each([
    [
      'a non-string alias',
      (p: any) => (p.entities[0].aliases = [{ text: 3 }]),
      'entities[0].aliases[0].text: expected string but received 3',
    ],
    ['a bad entity type', (p: any) => (p.entities[0].type = 'robot'), 'entities[0].type:'],
    [
      'a bad date',
      (p: any) => (p.entities[0].facts = [{ label: 'L', value: 'V', date: '11/08/2025', source: 'src' }]),
      'entities[0].facts[0].date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    ['an unknown key', (p: any) => (p.entities[0].colour = 'red'), 'entities[0].colour:'],
    ['a missing name', (p: any) => delete p.entities[0].name, 'entities[0].name:'],
    ['a non-http URL', (p: any) => (p.sources[0].url = 'javascript:alert(1)'), 'sources[0].url:'],
    [
      'a fact citing a missing source',
      (p: any) => (p.entities[0].facts = [{ label: 'L', value: 'V', source: 'nope' }]),
      'entities[0].facts[0].source: no source "nope" in this pack',
    ],
    [
      'duplicate entity ids',
      (p: any) => p.entities.push(entity({ id: 'a' })),
      'entities[1].id: duplicate id "a" (also entities[0])',
    ],
  ])('refuses %s, naming the path', (_name, spoil, message) => {
    const p = pack([entity({ id: 'a' })]);
    spoil(p);
    const errors = errorsOf(p);
    expect(errors.some((e) => e.startsWith(message))).toBe(true);
  });

  it('refuses __proto__ keys', () => {
    const text = JSON.stringify(pack([entity({ id: 'a' })])).replace(
      '"aliases":[]',
      '"aliases":[],"__proto__":{"x":1}',
    );
    const r = parsePackText(text);
    expect(r.ok ? [] : r.errors).toEqual(['entities[0].__proto__: key "__proto__" is not allowed']);
  });

  it('refuses a file that is not JSON', () => {
    const r = parsePackText('{ not json');
    expect(r.ok ? [] : r.errors[0]).toMatch(/^not JSON: /);
  });

  it('refuses a pack nested 200,000 levels deep with a clear message, without overflowing the stack', () => {
    const deep = JSON.stringify(pack([entity({ id: 'a' })])).replace(
      '"aliases":[]',
      `"aliases":[],"extra":${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    );
    const r = parsePackText(deep);
    expect(r.ok ? [] : r.errors).toEqual(['nested more than 32 levels deep; a pack needs a handful']);
    // Brackets inside strings do not count, and a real pack passes.
    const named = JSON.stringify(pack([entity({ id: 'b', name: `B ${'['.repeat(100)}` })]));
    expect(parsePackText(named).ok).toBe(true);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const r = parsePackText(' '.repeat(50 * 1024 * 1024));
    expect(r.ok ? [] : r.errors[0]).toBe(`file is 50.0 MB; packs may be at most ${MAX_PACK_CHARS / 1024 / 1024} MB`);
  });
});
