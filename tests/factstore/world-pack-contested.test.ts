// The world pack alone (no datasets): it never states a capital, a statehood or
// an official name the CIA World Factbook qualifies or disputes; the generated
// countries pack says them in the Factbook's words (tests/build/contested.test.ts).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  CAPITAL_FROM_FACTBOOK,
  OFFICIAL_NAME_IN_DISPUTE,
  STATEHOOD_IN_DISPUTE,
  slugId,
  type WorldCountry,
  worldPack,
} from '../../lib/factstore/world-pack';

const require = createRequire(import.meta.url);
const countries = require('world-countries') as WorldCountry[];
const byId = new Map(worldPack(countries, 'test').entities.map((e) => [e.id, e]));
const of = (cca3: string) => {
  const c = countries.find((x) => x.cca3 === cca3);
  return c ? byId.get(slugId(c.name.common)) : undefined;
};

describe('the world pack on contested capitals', () => {
  it.each([...CAPITAL_FROM_FACTBOOK])('names no capital for %s', (cca3) => {
    const e = of(cca3);
    expect(e).toBeDefined();
    expect(e?.facts.filter((f) => /^Capitals?$/.test(f.label))).toEqual([]);
    expect(e?.description).not.toMatch(/capital/i);
  });

  it.each([...STATEHOOD_IN_DISPUTE])('calls %s neither country nor territory', (cca3) => {
    expect(of(cca3)?.description).not.toMatch(/^(Country|Territory)\b/);
  });

  it.each([...OFFICIAL_NAME_IN_DISPUTE])('gives %s no official name', (cca3) => {
    expect(of(cca3)?.facts.filter((f) => f.label === 'Official name')).toEqual([]);
  });

  it('still names the capitals no source contests, and the region each description names', () => {
    expect(of('FRA')?.description).toBe('Country in Western Europe; capital Paris.');
    expect(of('FRA')?.facts).toContainEqual({ label: 'Region', value: 'Western Europe', source: 'world-countries' });
    expect(of('ISR')?.description).toBe('Country in Western Asia.');
    expect(of('TWN')?.description).toBe('Eastern Asia.');
  });
});
