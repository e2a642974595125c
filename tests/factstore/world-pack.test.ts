import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/factstore/validate';
import { languageTag, slugId, type WorldCountry, worldPack } from '../../lib/factstore/world-pack';

const require = createRequire(import.meta.url);
const countries = require('world-countries') as WorldCountry[];
const world = worldPack(countries, 'test');
const byId = new Map(world.entities.map((e) => [e.id, e]));

describe('the world pack', () => {
  it('has every country of the package, with unique ids, and validates', () => {
    expect(world.entities).toHaveLength(countries.length);
    expect(byId.size).toBe(countries.length);
    const r = validatePack(world);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('gives Iran its official name, demonym, native name and capital', () => {
    const iran = byId.get('iran');
    const aliases = iran?.aliases.map((a) => `${a.text}|${a.kind ?? ''}|${a.lang ?? ''}`) ?? [];
    expect(aliases).toContain('Islamic Republic of Iran||');
    expect(aliases).toContain('Iranian|demonym|');
    expect(aliases).toContain('ایران||fa');
    expect(iran?.facts).toContainEqual({ label: 'Capital', value: 'Tehran', source: 'world-countries' });
    expect(iran?.description).toContain('capital Tehran');
  });

  it('makes Iraqi a demonym of Iraq and "United States of America" a name of the United States', () => {
    expect(byId.get('iraq')?.aliases).toContainEqual({ text: 'Iraqi', kind: 'demonym' });
    expect(byId.get('united-states')?.aliases).toContainEqual({ text: 'United States of America' });
  });

  it('drops single-word alternative spellings that read as other words', () => {
    const iceland = byId.get('iceland');
    expect(iceland?.aliases.filter((a) => a.text === 'Island' && !a.lang)).toEqual([]);
    expect(iceland?.aliases).toContainEqual({ text: 'Island', lang: 'de' });
  });

  it('keeps a country’s own name in its own language for every page when it is also an alternative spelling', () => {
    // (A Guardian page on whale strandings gives New Zealand's Māori name beside its English one.)
    const nz = byId.get('new-zealand');
    expect(nz?.aliases.filter((a) => a.text === 'Aotearoa')).toEqual([{ text: 'Aotearoa' }]);
    expect(byId.get('ireland')?.aliases.filter((a) => a.text === 'Éire')).toEqual([{ text: 'Éire' }]);
  });

  it('derives ids from common names', () => {
    expect(slugId('United States')).toBe('united-states');
    expect(slugId('Côte d’Ivoire')).toBe('cote-d-ivoire');
  });
});

describe('language tags of world-countries names', () => {
  it.each([
    ['fra', 'fr'],
    ['mri', 'mi'],
    ['per', 'fa'],
    ['fas', 'fa'],
    ['zho', 'zh'],
  ])('tags a name in %s as %s, the tag pages declare', (code, tag) => {
    expect(languageTag(code)).toBe(tag);
  });

  it('keeps a code with no two-letter form as it is', () => {
    expect(languageTag('nbl')).toBe('nr');
    expect(languageTag('hif')).toBe('hif');
  });
});
