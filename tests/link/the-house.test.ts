// A lower chamber called "House of …" is "the House" in a text about its
// country (a NYT page on the US deficit names the US House so), and a house is
// still a house.
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/factstore/scan';
import { fullStore } from '../fixtures/store';

const linked = (text: string) => scanText(fullStore(), text, { lang: 'en' }).map((m) => `${m.text}→${m.entityId}`);

describe('“the House”', { timeout: 120_000 }, () => {
  it('is the lower chamber of the country the text is about', () => {
    expect(linked('American lawmakers argued for weeks; the bill then passed the House.')).toContain(
      'House→org-united-states-house-of-representatives',
    );
    expect(linked('In Britain, MPs returned to the House after the recess.')).toContain(
      'House→org-house-of-commons-united-kingdom',
    );
  });

  it('is the chamber before its members’ party, and a body is no longer name before a party (“Senate Republicans”)', () => {
    expect(
      linked('American voters watched. House Republicans introduced a bill; Senate Republicans objected.'),
    ).toEqual([
      'American→united-states',
      'House→org-united-states-house-of-representatives',
      'Republicans→party-809',
      'Senate→org-united-states-senate',
      'Republicans→party-809',
    ]);
  });

  it('is a state’s chamber after the state’s name, and no chamber in a title', () => {
    expect(linked('Texas House Republicans passed the bill on Friday after a long debate.')).not.toContain(
      'House→org-united-states-house-of-representatives',
    );
    expect(linked('American viewers loved the new season of the House of the Dragon this summer.')).toEqual([
      'American→united-states',
    ]);
    expect(linked('American lawmakers said the House on Tuesday would vote on the bill again.')).toContain(
      'House→org-united-states-house-of-representatives',
    );
  });

  it('leaves a city’s name to say what a text is about only when no one is called so: “Paris”', () => {
    // A country's name escapes a namesake's surname ("France", Anatole France); a city's does not.
    const text = 'Republicans said on Monday that the president’s trip to Paris for the summit was a waste.';
    expect(linked(text)).not.toContain('Republicans→party-8168');
  });

  it('is a house when it starts a sentence alone or begins another name', () => {
    expect(linked('American buyers waited. House prices rose. They binged the House of Cards.')).toEqual([
      'American→united-states',
    ]);
    // "the House of Representatives" is underlined whole, not as "the House".
    expect(linked('American bills go to the House of Representatives.')).toEqual([
      'American→united-states',
      'House of Representatives→org-united-states-house-of-representatives',
    ]);
  });

  it('is left alone where the text names no country, and a house in lower case is a house', () => {
    expect(linked('The bill then passed the House.')).toEqual([]);
    expect(linked('American families said the house on the hill burned.')).toEqual(['American→united-states']);
  });
});
