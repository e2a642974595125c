/** @vitest-environment happy-dom */
// The content script's scan (entrypoints/content/scan.ts): what it sends, and what a
// late answer may not undo.
import { describe, expect, it } from 'vitest';
import { pageScan } from '../../entrypoints/content/scan';

describe('the page’s scan', () => {
  it('sends the page’s address, language, date and canonical address with the text', async () => {
    document.documentElement.lang = 'fr';
    document.head.innerHTML = '<link rel="canonical" href="https://example.org/canonical">';
    const sent: unknown[] = [];
    const channel = {
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return { enabled: true, mentions: [] };
      },
    };
    const scan = pageScan(channel, { isInvalid: () => false, published: () => '2015-03-18', off: () => undefined });
    expect(await scan('Ali Larijani', false, 10)).toEqual([]);
    expect(sent[0]).toMatchObject({
      type: 'scan',
      text: 'Ali Larijani',
      limit: 10,
      lang: 'fr',
      date: '2015-03-18',
      canonical: 'https://example.org/canonical',
    });
  });

  it('turns Backstory off when the background says the site is off, and a later answer never turns it on', async () => {
    let enabled = true;
    const answers = [
      { enabled: false, mentions: [] },
      { enabled: true, mentions: [] },
    ];
    const channel = { sendMessage: async () => answers.shift() };
    const scan = pageScan(channel, {
      isInvalid: () => false,
      published: () => undefined,
      off: () => {
        enabled = false;
      },
    });
    expect(await scan('a', false, 10)).toBeNull();
    expect(enabled).toBe(false);
    // An answer to a scan sent before the switch, arriving after it.
    expect(await scan('b', true, 10)).toEqual([]);
    expect(enabled).toBe(false);
  });
});
