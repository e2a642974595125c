import { describe, expect, it } from 'vitest';
import { compileStore } from '../../lib/factstore/compile';
import { createFactStore, loadCompiledStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import type { Shard } from '../../lib/factstore/shards';
import { extendStore } from '../../lib/factstore/store';
import { entity, pack, seedPack } from '../fixtures/store';

/** Compiles packs and loads them back after a round trip through the artifact's files (JSON, bytes, text). */
function roundTrip(packs: Parameters<typeof compileStore>[0], reads: number[] = []) {
  const c = compileStore(packs);
  const shards = c.shards.map((s) => JSON.stringify(s));
  return loadCompiledStore(
    JSON.parse(JSON.stringify(c.meta)),
    Buffer.from(c.index),
    Buffer.from(c.table),
    c.ids,
    Buffer.from(c.names),
    async (n) => {
      reads.push(n);
      return JSON.parse(shards[n] as string) as Shard;
    },
  );
}

const TEXT = 'Ali Larijani and Qasim al-Araji signed the MoU in Baghdad; the UN Charter was cited.';

describe('the compiled store', () => {
  it('survives serialisation and finds exactly what the store built in memory finds', async () => {
    const packs = [seedPack()];
    const loaded = roundTrip(packs);
    const direct = createFactStore(packs);
    expect(scanText(loaded, TEXT)).toEqual(scanText(direct, TEXT));
    expect(scanText(loaded, TEXT).length).toBeGreaterThan(4);
    expect((await loaded.record('mou-2025'))?.entity).toEqual((await direct.record('mou-2025'))?.entity);
    expect(loaded.info('ali-larijani')).toMatchObject({ name: 'Ali Larijani', type: 'person' });
  });

  it('reads a card’s shard only when the card is asked for, and once', async () => {
    const reads: number[] = [];
    const many = pack(
      Array.from({ length: 700 }, (_, i) =>
        entity({ id: `p${String(i).padStart(4, '0')}`, name: `Person Number${i}` }),
      ),
    );
    const store = roundTrip([many], reads);
    expect(scanText(store, 'We met Person Number650 today.').map((m) => m.entityId)).toEqual(['p0650']);
    expect(reads).toEqual([]);
    expect((await store.record('p0650'))?.entity.name).toBe('Person Number650');
    expect((await store.record('p0651'))?.entity.name).toBe('Person Number651');
    expect(reads).toEqual([2]);
    expect(await store.record('nobody')).toBeUndefined();
  });

  it('keeps case-sensitive and language-tagged aliases through serialisation', () => {
    const loaded = roundTrip([seedPack()]);
    expect(scanText(loaded, 'the mou').map((m) => m.text)).toEqual([]);
    expect(scanText(loaded, 'دیدار علی لاریجانی', { lang: 'fa' }).map((m) => m.entityId)).toEqual(['ali-larijani']);
  });

  it('is extended by reader packs, which can add entities and enrich existing ones', async () => {
    const base = roundTrip([seedPack()]);
    const reader = pack([
      entity({ id: 'steven-fagin', name: 'Steven Fagin', facts: [{ label: 'Met', value: 'al-Araji', source: 'src' }] }),
      entity({ id: 'ali-larijani', name: 'Ali Larijani', aliases: [{ text: 'Dr Larijani' }], facts: [] }),
    ]);
    const extended = extendStore(base, [reader]);
    expect(scanText(extended, 'Steven Fagin met Dr Larijani.').map((m) => m.entityId)).toEqual([
      'steven-fagin',
      'ali-larijani',
    ]);
    // The bundled facts stay, with their sources.
    const larijani = await extended.record('ali-larijani');
    const bundled = await base.record('ali-larijani');
    expect(larijani?.entity.facts.length).toBe(bundled?.entity.facts.length);
    expect(larijani?.sources[larijani.entity.facts[0]?.source ?? '']?.outlet).toBe('Arab News');
    expect(scanText(base, 'Steven Fagin')).toEqual([]);
  });

  it('does not match the names of a pack the reader switched off, nor show its facts', async () => {
    const base = roundTrip([seedPack()]);
    const off = extendStore(base, [], new Set([seedPack().id]));
    expect(scanText(base, TEXT).length).toBeGreaterThan(0);
    expect(scanText(off, TEXT)).toEqual([]);
    expect((await off.record('ali-larijani'))?.entity.facts).toEqual([]);
    // And on again.
    expect(scanText(extendStore(base, [], new Set()), TEXT)).toEqual(scanText(base, TEXT));
  });
});
