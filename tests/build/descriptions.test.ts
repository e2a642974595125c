// Descriptions a neutral editor would sign (issue #17, item 2): 200 generated
// one-line descriptions, drawn at random with a fixed seed from every kind of
// generated pack, are printed with their entity ids for a person to read, and
// each is checked against its entity's facts: every date, number and name it
// says is on the card (a fact's value, note or dates, or the source a fact
// cites), and no word of judgement appears unless a fact quotes it.
import { describe, expect, it } from 'vitest';
import { JUDGEMENT_WORDS, unbackedClaims } from './description-claims';
import { generatedStore } from './generated-store';

/** mulberry32: a small seeded generator, so that the sample is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 17;

// How many of the 200 each kind of pack gives: people are most of the store (100k of 126k), but
// each other builder writes its own sentences and must be read too.
const QUOTA: [RegExp, number][] = [
  [/^people-/, 90],
  [/^world$|^countries-factbook$/, 20],
  [/^places$/, 20],
  [/^parties$/, 18],
  [/^organizations$/, 18],
  [/^companies$/, 16],
  [/^agreements$/, 18],
];

function sample(): string[] {
  const { generated, packOf } = generatedStore();
  const random = seeded(SEED);
  const picked: string[] = [];
  for (const [packs, n] of QUOTA) {
    const pool = generated.filter((id) => packs.test(packOf.get(id) ?? ''));
    for (let i = 0; i < n && pool.length > 0; i++)
      picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as string);
  }
  return picked;
}

describe('generated descriptions', { timeout: 120_000 }, () => {
  it('samples 200 at random (seed 17), prints them, and finds every claim of each on its card', () => {
    const { data, sources } = generatedStore();
    const ids = sample();
    expect(ids).toHaveLength(200);
    const problems: string[] = [];
    const lines = ids.map((id, i) => {
      const e = data.entities.get(id);
      if (!e) throw new Error(`no entity ${id}`);
      const unbacked = unbackedClaims(e, sources);
      if (unbacked.length > 0) problems.push(`${id}: ${e.description} — not on the card: ${unbacked.join(', ')}`);
      return `${String(i + 1).padStart(3)}. ${id}: ${e.description}`;
    });
    console.log(`200 generated descriptions (seed ${SEED}):\n${lines.join('\n')}`);
    expect(problems).toEqual([]);
  });

  it('says nothing in any generated description that its card does not', () => {
    const { data, sources, generated } = generatedStore();
    const problems: string[] = [];
    for (const id of generated) {
      const e = data.entities.get(id);
      const unbacked = e ? unbackedClaims(e, sources) : [];
      if (e && unbacked.length > 0) problems.push(`${id}: ${e.description} — ${unbacked.join(', ')}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it.each(JUDGEMENT_WORDS.map((w) => [w]))('never calls anything "%s" in the builder’s own words', (word) => {
    const { data, generated } = generatedStore();
    const re = new RegExp(`\\b${word}\\b`, 'i');
    const hits = generated.filter((id) => {
      const e = data.entities.get(id);
      return e !== undefined && re.test(e.description) && !e.facts.some((f) => re.test(`${f.value} ${f.note ?? ''}`));
    });
    expect(hits.slice(0, 5)).toEqual([]);
  });
});

describe('the claim checker', () => {
  const entity = (description: string, facts: { label: string; value: string; date?: string; note?: string }[]) => ({
    id: 'x',
    type: 'place' as const,
    name: 'X',
    aliases: [],
    description,
    facts: facts.map((f) => ({ ...f, source: 's' })),
  });

  it.each([
    [
      'a year no fact dates',
      'Political party in Chile, founded 1991.',
      [{ label: 'Country', value: 'Chile' }],
      'number "1991"',
    ],
    [
      'a country no fact names',
      'Political party in Chile, founded 1991.',
      [{ label: 'Founded', value: '1991', date: '1991' }],
      'name "Chile"',
    ],
    [
      'a word of judgement',
      'Controversial political party in Chile.',
      [{ label: 'Country', value: 'Chile' }],
      'judgement',
    ],
    [
      'a capital no fact gives',
      'Country in Chile; capital Santiago.',
      [{ label: 'Region', value: 'Chile Santiago' }],
      'capital',
    ],
  ])('finds %s', (_what, description, facts, problem) => {
    expect(unbackedClaims(entity(description, facts)).join(' ')).toContain(problem);
  });

  it('accepts a description whose every claim is a fact', () => {
    expect(
      unbackedClaims(
        entity('Capital of Israel (the US recognized Jerusalem as Israel’s capital in 2017)', [
          {
            label: 'Capital of',
            value: 'Israel',
            note: 'the US recognized Jerusalem as Israel’s capital in 2017, without taking a position',
          },
        ]),
      ),
    ).toEqual([]);
  });
});
