import { describe, expect, it } from 'vitest';
import { anchorQuote, describeQuote } from '../../lib/anchor/quote';

const PAGE =
  'Iraq and Iran signed a memorandum on Monday. The memorandum covers the shared border. ' +
  'Officials said the memorandum would be reviewed next year. Washington objected on Tuesday.';

const select = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  return describeQuote(text, at, at + needle.length);
};

describe('quote anchoring', () => {
  it('finds an unchanged passage where it was', () => {
    const [quote, position] = select(PAGE, 'The memorandum covers the shared border.');
    expect(anchorQuote(PAGE, quote, position.start)).toMatchObject({
      start: position.start,
      end: position.end,
      score: 1,
    });
  });

  it('tells apart repeated words by their context', () => {
    const [quote, position] = select(PAGE, 'memorandum', 2);
    const found = anchorQuote(PAGE, quote, position.start);
    expect(PAGE.slice(0, found?.start).endsWith('Officials said the ')).toBe(true);
  });

  it('finds the passage after a paragraph before it was edited', () => {
    const [quote, position] = select(PAGE, 'Officials said the memorandum would be reviewed next year.');
    const edited = `A new opening paragraph, added after publication.\n${PAGE.replace('on Monday', 'on Monday, 11 August')}`;
    const found = anchorQuote(edited, quote, position.start);
    expect(edited.slice(found?.start, found?.end)).toBe('Officials said the memorandum would be reviewed next year.');
  });

  it('scores matches in order of quality: exact > edited context > edited quote > both edited', () => {
    const [quote, position] = select(PAGE, 'The memorandum covers the shared border.');
    const score = (page: string) => anchorQuote(page, quote, position.start)?.score ?? 0;
    // Edits of the same size (three letters), before the passage and inside it.
    const context = (p: string) => p.replace('on Monday.', 'on Sunday.');
    const inside = (p: string) => p.replace('covers the shared', 'covers their shared');
    const scores = [score(PAGE), score(context(PAGE)), score(inside(PAGE)), score(inside(context(PAGE)))];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(4);
    expect(scores[3]).toBeGreaterThan(0.5);
  });

  it('gives up on a passage that is gone, so the note is orphaned and kept', () => {
    const [quote, position] = select(PAGE, 'The memorandum covers the shared border.');
    const rewritten = 'An entirely different article about football transfers and the weather in spring.';
    expect(anchorQuote(rewritten, quote, position.start)).toBeNull();
  });
});
