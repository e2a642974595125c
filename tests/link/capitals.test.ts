import { describe, expect, it } from 'vitest';
import { casingFits, givenNameBefore, partOfLongerName } from '../../lib/link/capitals';

/** `[start, end)` of `word` in `text`. */
const span = (text: string, word: string): [number, number] => {
  const start = text.indexOf(word);
  return [start, start + word.length];
};

describe('what the capitals around a name say', () => {
  it.each([
    ['a name before it', 'They saw Lenny Bruce play.', 'Bruce', false, true],
    ['a name after it, when asked', 'They saw Bruce Springsteen play.', 'Bruce', true, true],
    ['a function word before it', 'He lives In Baghdad now.', 'Baghdad', false, false],
    ['a word that starts the sentence', 'It rained. Bruce stayed in.', 'Bruce', false, false],
    ['a title before it', 'He met Senator Warner today.', 'Warner', false, false],
    ['a headline in title case', 'Trump Supporters Boo Rival At Rally', 'Trump', true, false],
  ])('finds a longer name or not: %s', (_, text, word, after, expected) => {
    const [start, end] = span(text, word);
    expect(partOfLongerName(text, start, end, after)).toBe(expected);
  });

  it('sees a given name before a surname, even at the start of a sentence, but not a sentence word', () => {
    expect(givenNameBefore('Philippe Martinez said so.', span('Philippe Martinez said so.', 'Martinez')[0])).toBe(true);
    expect(givenNameBefore('Yesterday Trump said so.', span('Yesterday Trump said so.', 'Trump')[0])).toBe(false);
    // A headline in title case (as on a Breitbart page): an adjective after a prefix is no given name.
    const headline = 'Columnist Wonders Whether Non-Partisan Trump Voters Still Exist';
    expect(givenNameBefore(headline, span(headline, 'Trump')[0])).toBe(false);
    expect(givenNameBefore('Jean-Pierre Trump said so.', span('Jean-Pierre Trump said so.', 'Trump')[0])).toBe(true);
  });

  it('does not take "The bottom line" for a name written "The Bottom Line"', () => {
    expect(casingFits('The bottom line', 'The Bottom Line')).toBe(false);
    expect(casingFits('The Bottom Line', 'The Bottom Line')).toBe(true);
  });
});
