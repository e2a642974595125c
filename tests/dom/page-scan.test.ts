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

  it('asks for the page’s notes with a read’s first scan only, forgetting what an earlier read brought', async () => {
    const sent: { notes?: boolean }[] = [];
    const answer = { passages: [], entityNotes: { 'ali-larijani': 1 } };
    const answers = [
      { enabled: true, mentions: [], notes: answer },
      { enabled: true, mentions: [] },
    ];
    const channel = {
      sendMessage: async (m: unknown) => {
        sent.push(m as { notes?: boolean });
        return answers.shift();
      },
    };
    const told: unknown[] = [];
    const scan = pageScan(channel, {
      isInvalid: () => false,
      published: () => undefined,
      off: () => undefined,
      notes: (n) => told.push(n),
    });
    await scan('Ali Larijani', false, 10);
    await scan('More of it', true, 10);
    // A later read whose first scan comes back without notes (they could not be read at once).
    await scan('Ali Larijani', false, 10);
    expect(sent.map((m) => m.notes)).toEqual([true, undefined, true]);
    expect(told).toEqual([undefined, answer, undefined]);
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
