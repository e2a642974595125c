// The background's answers to the requests the popup, the options page and the
// content script make besides scanning and notes: each as a reader relies on it.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { createHandlers } from '../../lib/background/handlers';
import { OPENS_PER_MINUTE } from '../../lib/background/handlers/related';
import { fakeHooks, memoryNotes } from '../fixtures/background-hooks';
import { seedStore } from '../fixtures/store';
import { memoryTabStore } from '../fixtures/tab-store';

const PAGE = { tabId: 7, url: 'https://example.org/story?utm_source=x' };
const POPUP = { extensionPage: true };

/** The background, with a passage note on the page's canonical address and one on another site. */
function background() {
  const notes = memoryNotes([
    { id: 'mine', url: 'https://example.org/canonical', body: 'x', createdAt: 1, updatedAt: 1 },
    { id: 'other', url: 'https://elsewhere.example/a', body: 'y', createdAt: 1, updatedAt: 1 },
  ]);
  // The store has five entities once a pack is switched (or the reader's packs reloaded).
  const hooks = fakeHooks({ notes, reloadPacks: async () => 5 });
  return { h: createHandlers(() => seedStore(), memoryTabStore(), hooks), hooks, notes };
}

describe('requests besides scans and notes', () => {
  it('lists the bundled packs with whether each is on, and switches one off and on, refusing a pack it lacks', async () => {
    const { h, hooks } = background();
    const packs = (await dispatch(h, { type: 'bundledPacks' }, POPUP)) as { id: string; enabled: boolean }[];
    expect(packs.length).toBeGreaterThan(0);
    expect(packs.every((p) => p.enabled)).toBe(true);
    const id = packs[0]?.id as string;
    expect(await dispatch(h, { type: 'setPackEnabled', packId: id, enabled: false }, POPUP)).toEqual({
      ok: true,
      value: { entities: 5 },
    });
    expect(hooks.packsOff).toEqual(new Set([id]));
    expect(await dispatch(h, { type: 'setPackEnabled', packId: 'no-such-pack', enabled: false }, POPUP)).toEqual({
      ok: false,
      error: 'No bundled pack “no-such-pack”.',
    });
  });

  it('lets a page switch Backstory off only for its own site, and the popup for any; the popup reads it back', async () => {
    const { h } = background();
    expect(await dispatch(h, { type: 'setSiteEnabled', enabled: false, site: 'bank.example' }, PAGE)).toEqual({
      ok: true,
      value: { site: 'example.org', enabled: false },
    });
    expect(await dispatch(h, { type: 'siteEnabled', site: 'example.org' }, POPUP)).toEqual({ enabled: false });
    expect(await dispatch(h, { type: 'siteEnabled', site: 'bank.example' }, POPUP)).toEqual({ enabled: true });
    await dispatch(h, { type: 'setSiteEnabled', enabled: true, site: 'example.org' }, POPUP);
    expect(await dispatch(h, { type: 'siteEnabled', site: 'example.org' }, POPUP)).toEqual({ enabled: true });
  });

  it('opens the stories of a name on the sender’s page, not of one it lacks, and not endlessly', async () => {
    const { h, hooks } = background();
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    expect(await dispatch(h, { type: 'openRelated', entityId: 'ali-larijani' }, PAGE)).toEqual({
      ok: true,
      value: { opened: 'popup' },
    });
    expect(hooks.opened).toEqual([{ entityId: 'ali-larijani', tabId: 7 }]);
    expect(await dispatch(h, { type: 'openRelated', entityId: 'nobody' }, PAGE)).toMatchObject({ ok: false });
    // A name the store knows but the page does not name: a page cannot probe with it.
    expect(await dispatch(h, { type: 'openRelated', entityId: 'tammy-bruce' }, PAGE)).toEqual({
      ok: false,
      error: 'No entry “tammy-bruce” on this page.',
    });
    for (let i = 1; i < OPENS_PER_MINUTE; i++)
      await dispatch(h, { type: 'openRelated', entityId: 'ali-larijani' }, PAGE);
    expect(await dispatch(h, { type: 'openRelated', entityId: 'ali-larijani' }, PAGE)).toMatchObject({ ok: false });
    // Backstory's own pages open any.
    expect(await dispatch(h, { type: 'openRelated', entityId: 'tammy-bruce' }, POPUP)).toMatchObject({ ok: true });
  });

  it('never relates coverage to a page through a name that began after the page was written', async () => {
    // A page naming the 2025 memorandum: its coverage is related, unless the page was written before the signing.
    const shared = async (date?: string) => {
      const h = createHandlers(() => seedStore(), memoryTabStore(), fakeHooks());
      const text = 'The Iran–Iraq border security memorandum was discussed.';
      await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text, ...(date ? { date } : {}) }, PAGE);
      const items = (await dispatch(h, { type: 'relatedCoverage', tabId: 7 }, POPUP)) as { shared: { id: string }[] }[];
      return items.flatMap((i) => i.shared.map((e) => e.id));
    };
    expect(await shared()).toContain('mou-2025');
    expect(await shared('2025-09-01')).toContain('mou-2025');
    expect(await shared('2015-03-18')).not.toContain('mou-2025');
  });

  it('tells the background when the history changed, so that related coverage is ranked again', async () => {
    const { h, hooks } = background();
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    const related = async () =>
      ((await dispatch(h, { type: 'relatedCoverage', tabId: 7 }, POPUP)) as { key: string }[]).map((r) => r.key);
    const before = await related();
    // The options page imported an earlier reading of the same story: the ranking kept is the old one…
    await hooks.recordVisit({
      url: 'https://news.example/earlier',
      title: 'Earlier',
      site: 'news.example',
      entityIds: ['ali-larijani', 'baghdad'],
    });
    expect(await related()).toEqual(before);
    // …until the background hears of it.
    expect(await dispatch(h, { type: 'historyChanged' }, POPUP)).toEqual({ ok: true, value: null });
    expect(hooks.times.historyChanged).toBe(1);
    expect(await related()).toContain('visit:news.example/earlier');
  });

  it('takes a page’s report on its own notes only, under its canonical address too', async () => {
    const { h, notes } = background();
    const text = 'Ali Larijani arrived in Baghdad.';
    await dispatch(
      h,
      { type: 'scan', url: PAGE.url, title: 'A', text, canonical: 'https://example.org/canonical' },
      PAGE,
    );
    expect(await dispatch(h, { type: 'noteAnchored', id: 'mine', found: false }, PAGE)).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(h, { type: 'noteAnchored', id: 'other', found: false }, PAGE)).toEqual({
      ok: false,
      error: 'A page may only report on its own notes.',
    });
    expect((await notes.get('mine'))?.orphaned).toBe(true);
    expect((await notes.get('other'))?.orphaned).toBeUndefined();
  });
});
