// Namesakes chosen by the article's date (issue #13): among people of one name,
// the one in office when the article was written, with the reason saying so;
// with no date, the choice is left to the other evidence, or not made.
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/scan';
import { fullStore } from '../fixtures/store';

// The full store, built once before the tests (seconds on a busy machine).
const store = fullStore();

const link = (text: string, surface: string, date?: string) => {
  const m = scanText(store, text, { date }).find((x) => x.text === surface);
  return m ? { id: m.entityId, reason: m.reason } : undefined;
};

describe('presidents of one name, by the article’s date', () => {
  it.each([
    // [sentence, surface, date, expected entity id (undefined: left alone)]
    [
      'In Washington, President Bush signed the bill on Tuesday.',
      'Bush',
      '1990-11-05',
      'p-george-h-w-bush-united-states',
    ],
    ['In Washington, President Bush signed the bill on Tuesday.', 'Bush', '2005-08-02', 'q207'],
    ['In Washington, President Bush signed the bill on Tuesday.', 'Bush', undefined, undefined],
    ['George Bush spoke to reporters in Washington.', 'George Bush', '1991-01', 'p-george-h-w-bush-united-states'],
    ['George Bush spoke to reporters in Washington.', 'George Bush', '2003-03-20', 'q207'],
    ['George Bush spoke to reporters in Washington.', 'George Bush', undefined, undefined],
    [
      'President Roosevelt addressed Congress in Washington.',
      'Roosevelt',
      '1905-03-04',
      'p-theodore-roosevelt-united-states',
    ],
    [
      'President Roosevelt addressed Congress in Washington.',
      'Roosevelt',
      '1941-12-08',
      'p-franklin-roosevelt-united-states',
    ],
    // Between their terms neither was in office: the date does not decide.
    ['President Roosevelt addressed Congress in Washington.', 'Roosevelt', '1920-06-01', undefined],
  ])('%s (%s, %s)', (text, surface, date, want) => {
    const got = link(text, surface, date);
    expect(got?.id).toBe(want);
    if (want && date) expect(got?.reason).toMatchObject({ decided: { by: 'date', date } });
  });

  it('keeps the full names apart: the names with middle initials are each one person', () => {
    expect(link('George H. W. Bush met George W. Bush.', 'George H. W. Bush')?.id).toBe(
      'p-george-h-w-bush-united-states',
    );
    expect(link('George H. W. Bush met George W. Bush.', 'George W. Bush')?.id).toBe('q207');
  });
});
