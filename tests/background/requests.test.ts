// The background's answers to the requests the popup, the options page and the
// content script make besides scanning and notes: each as a reader relies on it.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { type BackgroundHooks, createHandlers, OPENS_PER_MINUTE } from '../../lib/background/handlers';
import type { Note } from '../../lib/db';
import { seedStore } from '../fixtures/store';
import { memoryTabStore } from '../fixtures/tab-store';

const PAGE = { tabId: 7, url: 'https://example.org/story?utm_source=x' };
const POPUP = { extensionPage: true };

function background() {
  const calls: unknown[][] = [];
  const off = new Set<string>();
  const notes = new Map<string, Note>([
    ['mine', { id: 'mine', url: 'https://example.org/canonical', body: 'x', createdAt: 1, updatedAt: 1 }],
    ['other', { id: 'other', url: 'https://elsewhere.example/a', body: 'y', createdAt: 1, updatedAt: 1 }],
  ]);
  const hooks = {
    reloadPacks: async () => 0,
    setPackEnabled: async (packId: string, enabled: boolean) => {
      calls.push(['setPackEnabled', packId, enabled]);
      return 5;
    },
    historyChanged: () => void calls.push(['historyChanged']),
    timings: () => ({ bundledReadyMs: 0, readyMs: 0 }),
    setSiteEnabled: async (site: string, enabled: boolean) => {
      if (enabled) off.delete(site);
      else off.add(site);
    },
    isSiteEnabled: async (site: string) => !off.has(site),
    openRelated: async (entityId: string, tabId: number | undefined) => {
      calls.push(['openRelated', entityId, tabId]);
      return 'popup' as const;
    },
    notes: {
      get: async (id: string) => notes.get(id),
      setOrphaned: async (id: string, orphaned: boolean) => void calls.push(['setOrphaned', id, orphaned]),
      onPage: async () => [],
      onEntities: async () => [],
      save: async () => ({ ok: true }),
    },
  } as unknown as BackgroundHooks;
  return { h: createHandlers(() => seedStore(), memoryTabStore(), hooks), calls };
}

describe('requests besides scans and notes', () => {
  it('lists the bundled packs with whether each is on, and switches one off and on, refusing a pack it lacks', async () => {
    const { h, calls } = background();
    const packs = (await dispatch(h, { type: 'bundledPacks' }, POPUP)) as { id: string; enabled: boolean }[];
    expect(packs.length).toBeGreaterThan(0);
    expect(packs.every((p) => p.enabled)).toBe(true);
    const id = packs[0]?.id as string;
    expect(await dispatch(h, { type: 'setPackEnabled', packId: id, enabled: false }, POPUP)).toEqual({
      ok: true,
      value: { entities: 5 },
    });
    expect(calls).toContainEqual(['setPackEnabled', id, false]);
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
    const { h, calls } = background();
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    expect(await dispatch(h, { type: 'openRelated', entityId: 'ali-larijani' }, PAGE)).toEqual({
      ok: true,
      value: { opened: 'popup' },
    });
    expect(calls).toContainEqual(['openRelated', 'ali-larijani', 7]);
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

  it('tells the background when the history changed, so that related coverage is ranked again', async () => {
    const { h, calls } = background();
    expect(await dispatch(h, { type: 'historyChanged' }, POPUP)).toEqual({ ok: true, value: null });
    expect(calls).toContainEqual(['historyChanged']);
  });

  it('takes a page’s report on its own notes only, under its canonical address too', async () => {
    const { h, calls } = background();
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
    expect(calls.filter((c) => c[0] === 'setOrphaned')).toEqual([['setOrphaned', 'mine', true]]);
  });
});
