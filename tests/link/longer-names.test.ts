// A place's name at the start of a longer name the store does not know is
// that name's, not the place: seen on real pages as "Vladimir Isachenkov" (an
// AP reporter, not Vladimir Oblast), "Manchester City", "The Florida Project"
// (a film), "New York University", and a country before a body's name ("the
// New Zealand Department of Conservation"). A title or a description after the
// place ("Moscow Mayor", "Russian Federal Space Agency") or a common noun after a
// country ("U.S. Debt") leaves it the place. A name before "/Agency" is a photo
// credit ("JIM WATSON/AFP/Getty Images"), not a mention of a Canadian mayor.
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/scan';
import { fullStore } from '../fixtures/store';

const linked = (text: string) => scanText(fullStore(), text, { lang: 'en' }).map((m) => `${m.text}→${m.entityId}`);

describe('a place at the start of a longer name', { timeout: 120_000 }, () => {
  it.each([
    ['Our reporter Vladimir Isachenkov contributed reporting from Moscow.', 'Vladimir'],
    ['Loyal fans of Manchester City cheered their team across northern England.', 'Manchester'],
    ['In Florida, The Florida Project opened in cinemas.', 'The Florida'],
    ['She teaches planning at New York University, the largest private school in the United States.', 'New York'],
    ['The New Zealand Department of Conservation counted the whales.', 'New Zealand'],
  ])('is that name’s: “%s”', (text, place) => {
    expect(linked(text).filter((l) => l.startsWith(`${place}→`))).toEqual([]);
  });

  it.each([
    ['Moscow Mayor Sergei Sobyanin spoke in Russia.', 'Moscow→place-moscow-ru'],
    ['Economists fear that servicing U.S. Debt will soon cost more than defense.', 'U.S.→united-states'],
    ['The Iranian Embassy said so.', 'Iranian→iran'],
  ])('is still the place before a title, a description or a common noun: “%s”', (text, link) => {
    expect(linked(text)).toContain(link);
  });

  it('is not read into a district’s or a sea’s name, nor before a region’s', () => {
    expect(linked('Tourists returned to the French Quarter district of New Orleans after the storms.')).not.toContain(
      'French→france',
    );
    expect(linked('Fishermen in the Irish Sea coast towns fear the new quotas this year.')).not.toContain(
      'Irish→ireland',
    );
    // "Moscow Region": a description after the place, as before the rule.
    expect(linked('The attack in Moscow Region on Friday killed three people, officials said.')).toContain(
      'Moscow→place-moscow-ru',
    );
  });

  it('is no mention in a photo credit', () => {
    expect(linked('JIM WATSON/AFP/Getty Images').filter((l) => l.startsWith('JIM WATSON'))).toEqual([]);
  });
});
