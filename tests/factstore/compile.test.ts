import { describe, expect, it } from 'vitest';
import { compileStore, createFactStore, extendStore, loadCompiledStore, scanText } from '../../lib/factstore/store';
import { entity, pack, seedPack } from '../fixtures/store';

/** Compiles packs and loads them back after a round trip through the artifact's two files. */
function roundTrip(packs: Parameters<typeof compileStore>[0]) {
  const { meta, index } = compileStore(packs);
  return loadCompiledStore(JSON.parse(JSON.stringify(meta)), Buffer.from(index));
}

const SEED_ALIASES = () => compileStore([seedPack()]).aliases;

const TEXT = 'Ali Larijani and Qasim al-Araji signed the MoU in Baghdad; the UN Charter was cited.';

describe('the compiled store', () => {
  it('survives JSON and finds exactly what the uncompiled store finds', () => {
    const packs = [seedPack()];
    const loaded = roundTrip(packs);
    const direct = createFactStore(packs);
    expect(scanText(loaded, TEXT)).toEqual(scanText(direct, TEXT));
    expect(scanText(loaded, TEXT).length).toBeGreaterThan(4);
    expect(loaded.entities.get('mou-2025')).toEqual({ ...direct.entities.get('mou-2025'), aliases: [] });
  });

  it('keeps case-sensitive and language-tagged aliases through serialisation', () => {
    const loaded = roundTrip([seedPack()]);
    expect(scanText(loaded, 'the mou').map((m) => m.text)).toEqual([]);
    expect(scanText(loaded, 'دیدار علی لاریجانی', { lang: 'fa' }).map((m) => m.entityId)).toEqual(['ali-larijani']);
  });

  it('is extended by reader packs, which can add entities and enrich existing ones', () => {
    const base = roundTrip([seedPack()]);
    const reader = pack([
      entity({ id: 'steven-fagin', name: 'Steven Fagin', facts: [{ label: 'Met', value: 'al-Araji', source: 'src' }] }),
      entity({ id: 'ali-larijani', name: 'Ali Larijani', aliases: [{ text: 'Dr Larijani' }], facts: [] }),
    ]);
    const extended = extendStore(base, SEED_ALIASES(), [reader]);
    expect(scanText(extended, 'Steven Fagin met Dr Larijani.').map((m) => m.entityId)).toEqual([
      'steven-fagin',
      'ali-larijani',
    ]);
    // The bundled facts stay, with their sources.
    const larijani = extended.entities.get('ali-larijani');
    expect(larijani?.facts.length).toBe(base.entities.get('ali-larijani')?.facts.length);
    expect(extended.sources.get(larijani?.facts[0]?.source ?? '')?.outlet).toBe('Arab News');
    expect(scanText(base, 'Steven Fagin')).toEqual([]);
  });
});
