import { describe, expect, it } from 'vitest';
import { type AliasInput, buildAliasIndex, isCaseSensitive } from '../../lib/match/build-alias-index';
import { findCandidates } from '../../lib/match/find-candidates';

const alias = (entityId: string, text: string, kind: AliasInput['kind'] = 'name'): AliasInput => ({
  entityId,
  text,
  kind,
});

const index = buildAliasIndex([
  alias('iran', 'Iran'),
  alias('iran', 'Iranian', 'demonym'),
  alias('un', 'UN', 'acronym'),
  alias('un-charter', 'UN Charter'),
  alias('mou', 'MoU', 'generic'),
  alias('state', 'State Department'),
  alias('state', 'US State Department'),
  alias('us', 'US', 'acronym'),
  alias('araji', 'al-Araji', 'short'),
  alias('larijani', 'Ali Larijani'),
  alias('larijani-fa', 'علی لاریجانی'),
]);

const found = (text: string) => findCandidates(text, index).map((c) => `${c.text}→${c.aliases[0]?.entityId}`);

describe('findCandidates', () => {
  it('matches whole words only: "Iran" is not found inside "Iranian" or "Irani"', () => {
    expect(found('Iranian officials')).toEqual(['Iranian→iran']);
    expect(found('the Irani family')).toEqual([]);
  });

  it('does not find "UN" inside "UNESCO" or in the word "unable"', () => {
    expect(found('UNESCO was unable to comment; the UN was.')).toEqual(['UN→un']);
  });

  it('matches acronyms only in their own case', () => {
    expect(found('the mou was signed; the MoU was signed')).toEqual(['MoU→mou']);
    expect(found('let us go to the US')).toEqual(['US→us']);
  });

  it('takes the longest match at the leftmost position', () => {
    expect(found('the US State Department said')).toEqual(['US State Department→state']);
    expect(found('the UN Charter')).toEqual(['UN Charter→un-charter']);
  });

  it('matches possessives with straight and curly apostrophes', () => {
    expect(found("Iran's embassy and Iran’s embassy")).toEqual(['Iran→iran', 'Iran→iran']);
  });

  it('matches across hyphen and dash variants, and in any case for names', () => {
    expect(found('AL-ARAJI and al Araji and al–Araji')).toEqual(['AL-ARAJI→araji', 'al Araji→araji', 'al–Araji→araji']);
  });

  it('returns offsets into the original text', () => {
    const text = 'Met  Ali\u00A0Larijani.';
    const [c] = findCandidates(text, index);
    expect(c && text.slice(c.start, c.end)).toBe('Ali\u00A0Larijani');
  });

  it('matches Persian names written with Arabic letter forms', () => {
    expect(found('دیدار علي لاريجاني')).toEqual(['علي لاريجاني→larijani-fa']);
  });

  it('never matches across a block boundary', () => {
    expect(found('Ali\nLarijani')).toEqual([]);
  });

  it.each([
    ['MoU', true],
    ['UN', true],
    ['IRIB', true],
    ['Iran', false],
    ['al-Araji', false],
    ['UN Charter', false],
  ])('treats %j as case-sensitive: %s', (text, expected) => {
    expect(isCaseSensitive(text)).toBe(expected);
  });
});

describe('capitalised names', () => {
  const countries = buildAliasIndex([
    alias('turkey', 'Turkey'),
    alias('chad', 'Chad'),
    alias('irib', 'IRIB', 'acronym'),
  ]);
  const names = (text: string) => findCandidates(text, countries).map((c) => c.text);

  it('match only where the text has a capital: "Turkey" is not the bird', () => {
    expect(names('We ate turkey in Turkey. TURKEY.')).toEqual(['Turkey', 'TURKEY']);
  });

  it('match in any script without case', () => {
    const fa = buildAliasIndex([alias('iran', 'ایران')]);
    expect(findCandidates('سفر به ایران', fa).map((c) => c.text)).toEqual(['ایران']);
  });
});

describe('the index', () => {
  it('keeps every alias of every entity, including shared aliases', () => {
    const shared = buildAliasIndex([
      alias('a', 'Smith', 'short'),
      alias('b', 'Smith', 'short'),
      alias('a', 'Anna Smith'),
    ]);
    const [c] = findCandidates('Smith', shared);
    expect(c?.aliases.map((a) => a.entityId).sort()).toEqual(['a', 'b']);
  });
});
