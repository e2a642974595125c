// Nothing current that is not (issue #17, item 3): "since", "current" and "now"
// only for what a source dated within two years confirms; a role from older
// data reads "as of" its snapshot. Checked on every generated entity of the
// full store, two years back from the day the packs were built.
import { describe, expect, it } from 'vitest';
import { describeRole } from '../../build/knowledge/people';
import { currentSince, entityCard } from '../../lib/factstore/card';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { entity, pack } from '../fixtures/store';
import { generatedStore } from './generated-store';

const CURRENT = /\b(since|current|currently|now)\b/i;

describe('what the generated packs say holds now', { timeout: 120_000 }, () => {
  it('says "since", "current" or "now" only with a fact from a source dated in the two years before the build', () => {
    const { data, sources, generated, builtOn } = generatedStore();
    const since = currentSince(builtOn);
    const stale: string[] = [];
    let said = 0;
    for (const id of generated) {
      const e = data.entities.get(id);
      if (!e || !CURRENT.test(e.description)) continue;
      said++;
      const recent = e.facts.some((f) => (sources[f.source]?.date ?? '') >= since);
      if (!recent) stale.push(`${id}: ${e.description}`);
    }
    expect(said).toBeGreaterThan(1000);
    expect(stale.slice(0, 10)).toEqual([]);
  });

  it('gives no open-ended fact from a source older than that without its "as of" date', () => {
    const { data, sources, generated, builtOn } = generatedStore();
    const since = currentSince(builtOn);
    const current: string[] = [];
    let asOf = 0;
    for (const id of generated) {
      for (const f of data.entities.get(id)?.facts ?? []) {
        if (!f.from || f.to) continue;
        if (f.asOf) asOf++;
        else if ((sources[f.source]?.date ?? '') < since) current.push(`${id}: ${f.label} ${f.value} from ${f.from}`);
      }
    }
    expect(asOf).toBeGreaterThan(10_000);
    expect(current.slice(0, 10)).toEqual([]);
  });

  it.each([
    // The newest source that has them: the Factbook (January 2026), Congress and IfG (June 2026).
    ['q22686', /^President of the United States since 20 January 2025$/],
    ['q1058', /^Prime Minister of India since 26 May 2014$/],
    // A head of several realms is described by the biggest of them.
    ['q43274', /^King of the United Kingdom since 8 September 2022$/],
    // Wikidata's 2022 lists: "as of" their snapshot, never "since".
    ['q9682', /^Monarch, the United Kingdom, from 6 February 1952 \(as of July 2022\)$/],
    // Wikidata lists Mark Rutte as Prime Minister once per cabinet and once open-ended: the latest wins.
    ['q57792', /^Prime Minister, Netherlands, from 14 October 2010 \(as of (July|August) 2022\)$/],
  ])('describes %s as %s', (id, want) => {
    expect(generatedStore().data.entities.get(id)?.description).toMatch(want);
  });
});

describe('a role line', () => {
  it.each([
    [{ value: 'Prime Minister of India', from: '2014-05-26' }, 'Prime Minister of India since 26 May 2014'],
    [
      { value: 'Minister for Investment, UK Government', from: '2025-09-06' },
      'Minister for Investment, UK Government, since 6 September 2025',
    ],
    [
      { value: 'President, Kenya', from: '2013-04-09', asOf: '2022-07-23' },
      'President, Kenya, from 9 April 2013 (as of July 2022)',
    ],
    [
      { value: 'Head of the General Staff, Poland', from: '2010-02', to: '2010-11' },
      'Head of the General Staff, Poland, 2010',
    ],
    [{ value: 'Senator', from: '2001', to: '2009' }, 'Senator, 2001–2009'],
  ])('writes %j as "%s"', (role, line) => {
    expect(describeRole({ label: 'Role', source: 's', ...role })).toBe(line);
  });
});

describe('a card read long after its source', () => {
  const store = createFactStore([
    pack(
      [
        entity({
          id: 'rashid',
          facts: [{ label: 'Role', value: 'President of Iraq', from: '2022-10-13', source: 'old' }],
        }),
        entity({ id: 'undated', facts: [{ label: 'Role', value: 'Mayor of Somewhere', source: 'old' }] }),
      ],
      {
        sources: [
          { id: 'old', outlet: 'An Outlet', date: '2022-10-14' },
          { id: 'src', outlet: 'Test Outlet', date: '2025-01-01' },
        ],
      },
    ),
  ]);

  it('reads an open-ended role "as of" its source when the source is more than two years old', async () => {
    const card = await entityCard(store, 'rashid', new Date('2026-11-29'));
    expect(card?.role).toMatchObject({ value: 'President of Iraq', from: '2022-10-13', asOf: '2022-10-14' });
  });

  it('reads a role with no dates at all "as of" its old source too, never "Now"', async () => {
    const card = await entityCard(store, 'undated', new Date('2026-11-29'));
    expect(card?.role).toMatchObject({ value: 'Mayor of Somewhere', asOf: '2022-10-14' });
  });

  it('keeps it current while its source is recent', async () => {
    const card = await entityCard(store, 'rashid', new Date('2024-06-01'));
    expect(card?.role?.asOf).toBeUndefined();
  });
});
