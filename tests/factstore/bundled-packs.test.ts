import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { loadBundledPacks, loadHandWrittenPacks } from '../../build/packs';
import { PackSchema } from '../../lib/factstore/schema';
import { seedPack } from '../fixtures/store';

const bundled = loadBundledPacks();
/** Every id the bundled packs define: a pack may refer to another's (a person's country, a treaty's place). */
const everyId = new Set(bundled.flatMap((p) => p.entities.map((e) => e.id)));

describe.each(bundled.map((p) => [p.id, p] as const))('bundled pack %s', (_id, pack) => {
  it('fits the pack schema', () => {
    const result = v.safeParse(PackSchema, pack);
    expect(result.success ? [] : v.flatten(result.issues)).toEqual([]);
  });

  it('gives every fact and reaction a source that the pack lists', () => {
    const sources = new Set(pack.sources.map((s) => s.id));
    const missing: string[] = [];
    for (const e of pack.entities) {
      for (const f of e.facts) if (!sources.has(f.source)) missing.push(`${e.id}: ${f.label}`);
      for (const r of e.agreement?.reactions ?? [])
        if (!sources.has(r.source)) missing.push(`${e.id}: reaction of ${r.who}`);
    }
    expect(missing).toEqual([]);
  });

  it('has unique ids and refers only to entities the bundled packs know', () => {
    const ids = pack.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = everyId;
    const dangling: string[] = [];
    for (const e of pack.entities) {
      const refs = [
        ...(e.related ?? []),
        ...(e.country ? [e.country] : []),
        ...(e.agreement?.parties ?? []),
        ...(e.agreement?.signatories ?? []),
        ...(e.agreement?.signed.place ? [e.agreement.signed.place] : []),
        ...(e.agreement?.reactions.map((r) => r.who) ?? []),
      ];
      for (const r of refs) if (!known.has(r)) dangling.push(`${e.id} → ${r}`);
    }
    for (const c of pack.coverage) for (const r of c.entities) if (!known.has(r)) dangling.push(`${c.id} → ${r}`);
    expect(dangling).toEqual([]);
  });

  it('is the same data as the file on disk', () => {
    if (pack.id === 'iran-iraq-2025') expect(pack).toEqual(seedPack());
  });
});

// The generated world pack's facts (names, capitals) have no date; the
// hand-written packs date every entity's background.
describe.each(loadHandWrittenPacks().map((p) => [p.id, p] as const))('hand-written pack %s', (_id, pack) => {
  it('gives every entity at least one dated fact', () => {
    const undated = pack.entities.filter((e) => !e.facts.some((f) => f.date || f.from || f.to)).map((e) => e.id);
    expect(undated).toEqual([]);
  });
});
