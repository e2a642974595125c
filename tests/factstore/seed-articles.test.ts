import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/store';
import { listSeeds } from '../../scripts/seed-pages.mjs';
import { SEEDS_DIR, seedStore } from '../fixtures/store';

const store = seedStore();
const seeds = listSeeds(SEEDS_DIR);
const read = (prefix: string) => {
  const seed = seeds.find((s) => s.name.startsWith(prefix));
  if (!seed) throw new Error(`seed ${prefix} missing from ${SEEDS_DIR}`);
  return readFileSync(seed.path, 'utf8');
};

// Read from ../shared/seeds at test time: the article text never enters the project.
describe('the seed articles', () => {
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
        'rudaw',
        'baghdad',
        'tehran',
        'erbil',
        'kurdistan-region',
        'iran',
        'iraq',
        'washington',
        'mou-2025',
        'pact-2023',
      ],
    ],
    [
      '002',
      [
        'ali-larijani',
        'snsc',
        'tammy-bruce',
        'us-state-department',
        'un-charter',
        'baghdad',
        'tehran',
        'iran',
        'iraq',
        'washington',
        'united-states',
        'mou-2025',
      ],
    ],
  ])('seed %s mentions exactly the expected entities', (prefix, expected) => {
    const found = new Set(scanText(store, read(prefix)).map((m) => m.entityId));
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('links the March 2023 "security pact" in seed 000 to the 2023 agreement and the new deal to the 2025 MoU', () => {
    const text = read('000');
    const mentions = scanText(store, text);
    const at = (needle: string) => {
      const i = text.indexOf(needle);
      return mentions.find((m) => m.start <= i && i < m.end)?.entityId;
    };
    expect(at('security pact')).toBe('pact-2023');
    expect(at('border security agreement')).toBe('mou-2025');
    expect(at('MoU')).toBe('mou-2025');
  });

  it('gives every mention a reason', () => {
    for (const s of seeds) {
      for (const m of scanText(store, readFileSync(join(s.path), 'utf8'))) expect(m.reason.length).toBeGreaterThan(10);
    }
  });
});
