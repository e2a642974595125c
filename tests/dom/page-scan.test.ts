/** @vitest-environment happy-dom */
// The content script's scan (entrypoints/content/scan.ts): what it sends, and what an
// answer from a site switched off does. (It has no way to switch Backstory on: only the
// reader's switch does, so a late answer cannot undo a switch-off.)
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

  it('turns Backstory off, and paints nothing, when the background says the site is off', async () => {
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
  });
});
