import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import outlets from '../../lib/outlets.json';

// The seed articles live in ../shared/seeds; the address each one was published
// at is recorded in the coverage pack (sources noted "Seed article NNN.").
const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const PACK = fileURLToPath(new URL('../../assets/packs/iran-iraq-2025.json', import.meta.url));

// Seed outlets no public source places in a country yet. Each stays out of the
// list until its home is known; the test below fails once one is added, so the
// entry here must go with it.
const HOME_UNKNOWN = new Set(['khaleejtelegraph.com']);

const KINDS = new Set(['wire service', 'public broadcaster', 'broadcaster', 'daily', 'weekly', 'magazine', 'online']);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const domains = outlets.flatMap((o) => o.domains);

/** The outlet whose match pattern `https://*.<domain>/*` covers this host, if any. */
const outletFor = (host: string) => outlets.find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)));

describe('the outlets Backstory runs on by default', () => {
  it('lists at least 150 outlets', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(150);
  });

  it('gives every outlet a unique name, a country, a language, a kind and one line of provenance', () => {
    expect(new Set(outlets.map((o) => o.name)).size).toBe(outlets.length);
    for (const o of outlets) {
      expect(o.name.trim(), JSON.stringify(o)).not.toBe('');
      expect(o.country, o.name).toMatch(/^[A-Z]{2}$/);
      expect(o.language, o.name).toMatch(/^[a-z]{2,3}$/);
      expect(Intl.getCanonicalLocales(o.language), o.name).toEqual([o.language]);
      expect(KINDS.has(o.kind), `${o.name}: ${o.kind}`).toBe(true);
      expect(o.source.trim(), o.name).not.toBe('');
      expect(o.source, o.name).not.toMatch(/[\r\n]/);
      expect(o.domains.length, o.name).toBeGreaterThan(0);
    }
  });

  it('writes every domain as a bare lower-case host name', () => {
    for (const d of domains) {
      expect(new URL(`https://${d}`).hostname, d).toBe(d);
      expect(d, d).toBe(d.toLowerCase());
      expect(d.startsWith('www.'), d).toBe(false);
      expect(d.length, d).toBeLessThanOrEqual(253);
      const labels = d.split('.');
      expect(labels.length, d).toBeGreaterThanOrEqual(2);
      for (const label of labels) expect(label, d).toMatch(LABEL);
      expect(labels.at(-1), d).toMatch(/[a-z]/);
    }
  });

  it('lists each domain once, and never one that another listed domain already covers', () => {
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) {
      const parents = domains.filter((p) => d.endsWith(`.${p}`));
      expect(parents, d).toEqual([]);
    }
  });

  it('spans at least 30 countries and 12 languages', () => {
    expect(new Set(outlets.map((o) => o.country)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(outlets.map((o) => o.language)).size).toBeGreaterThanOrEqual(12);
  });

  it('covers the site of every seed article whose outlet has a known home', async () => {
    const pack = JSON.parse(await readFile(PACK, 'utf8')) as {
      sources: { outlet: string; url: string; note?: string }[];
    };
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const file of seeds) {
      const number = file.split('_')[0];
      const source = pack.sources.find((s) => s.note?.startsWith(`Seed article ${number}.`));
      expect(source, `no pack source records where seed ${file} was published`).toBeDefined();
      if (!source) continue;
      const host = new URL(source.url).hostname.replace(/^www\./, '');
      const outlet = outletFor(host);
      if (HOME_UNKNOWN.has(host)) {
        expect(outlet, `${host} is listed now: drop it from HOME_UNKNOWN`).toBeUndefined();
        continue;
      }
      expect(outlet?.name, `seed ${file} (${host})`).toBe(source.outlet);
      expect(outlet?.source, source.outlet).toContain(`seeds/${file}`);
    }
  });
});
