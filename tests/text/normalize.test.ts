import { describe, expect, it } from 'vitest';
import { foldKey, normalizeKey, normalizeText } from '../../lib/text/normalize';

describe('normalizeText', () => {
  it.each([
    ['Iran’s', "iran's"],
    ['IRAQ', 'iraq'],
    ['Iraq–Iran', 'iraq iran'],
    ['Iraq-Iran', 'iraq iran'],
    ['Café  Zürich', 'cafe zurich'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['“quoted”', '"quoted"'],
    ['  spaced \t out  ', 'spaced out'],
    ['block one \n\n block two', 'block one\nblock two'],
  ])('folds %j to %j', (input, expected) => {
    expect(normalizeText(input).folded).toBe(expected);
  });

  it('unifies Arabic and Persian letter forms and drops tashkeel, tatweel and ZWNJ', () => {
    // Persian yeh and keheh vs Arabic yeh and kaf; a tatweel; fatha; ZWNJ.
    expect(normalizeKey('لاریجانی')).toBe(normalizeKey('لاريجاني'));
    expect(normalizeKey('کرد')).toBe(normalizeKey('كرد'));
    expect(normalizeKey('أربيل')).toBe(normalizeKey('اربيل'));
    expect(normalizeKey('بـغـداد')).toBe(normalizeKey('بغداد'));
    expect(normalizeKey('بَغداد')).toBe(normalizeKey('بغداد'));
    expect(normalizeKey('می\u200Cخواهم')).toBe(normalizeKey('میخواهم'));
  });

  it('maps every normalised character back to its place in the original', () => {
    const text = 'In  Iran’s café';
    const n = normalizeText(text);
    const at = n.folded.indexOf('cafe');
    expect(text.slice(n.starts[at], n.ends[at + 3])).toBe('café');
    const iran = n.folded.indexOf('iran');
    expect(text.slice(n.starts[iran], n.ends[iran + 3])).toBe('Iran');
  });

  it('keeps a decomposed accent with its letter', () => {
    const text = 'Cafe\u0301 here';
    const n = normalizeText(text);
    expect(text.slice(n.starts[0], n.ends[3])).toBe('Cafe\u0301');
  });

  it('keeps the cased form aligned with the folded one', () => {
    const n = normalizeText('The MoU, İstanbul');
    expect(n.cased.length).toBe(n.folded.length);
    expect(n.cased).toContain('MoU');
  });
});

describe('foldKey', () => {
  it.each(['Ali  Larijani', ' al–Araji ', 'Cafe\u0301\u00ADs\n\nBar', 'لـاریجانی', 'MoU', 'U.N. Charter', 'a \n b'])(
    'folds %j exactly as normalizeText does',
    (text) => {
      const n = normalizeText(text);
      expect(foldKey(text)).toEqual({ folded: n.folded, cased: n.cased });
    },
  );
});
