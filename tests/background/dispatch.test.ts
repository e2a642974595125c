import { describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { createHandlers } from '../../lib/background/handlers';
import { MAX_SCAN_CHARS } from '../../lib/contract';
import type { ScanResult, TabEntity } from '../../lib/messages';
import { fakeHooks } from '../fixtures/background-hooks';
import { seedStore } from '../fixtures/store';
import { memoryTabStore } from '../fixtures/tab-store';

const store = seedStore();
const handlers = () => createHandlers(() => store, memoryTabStore(), fakeHooks());

// The popup: an extension page, which may ask about a whole tab.
const POPUP = { extensionPage: true };

describe('the background', () => {
  it('scans text from a tab and remembers what it found for the popup', async () => {
    const h = handlers();
    const mentions = (await dispatch(
      h,
      { type: 'scan', url: 'https://example.org/a', title: 'A', text: 'Ali Larijani met Larijani’s hosts in Baghdad.' },
      { tabId: 7 },
    )) as ScanResult;
    expect(mentions.enabled).toBe(true);
    expect(mentions.mentions.map((m) => [m.text, m.type])).toEqual([
      ['Ali Larijani', 'person'],
      ['Larijani', 'person'],
      ['Baghdad', 'place'],
    ]);
    const tab = (await dispatch(h, { type: 'tabEntities', tabId: 7 }, POPUP)) as { entities: TabEntity[] };
    expect(tab.entities.map((e) => [e.id, e.count])).toEqual([
      ['ali-larijani', 2],
      ['baghdad', 1],
    ]);
    expect(await dispatch(h, { type: 'tabEntities', tabId: 8 }, POPUP)).toBeNull();
  });

  it('answers a scan without waiting for the tab’s storage, and the popup’s next question waits for the scan’s counts', async () => {
    // storage.session answering slowly (the worker just woke, the browser is busy).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tabs = memoryTabStore();
    const slow = {
      get: async (id: number) => {
        await held;
        return tabs.get(id);
      },
      set: async (id: number, scan: Parameters<typeof tabs.set>[1]) => {
        await held;
        return tabs.set(id, scan);
      },
      delete: tabs.delete,
    };
    const h = createHandlers(() => store, slow, fakeHooks());
    const text = 'Ali Larijani arrived in Baghdad.';
    const answered = await Promise.race([
      dispatch(h, { type: 'scan', url: 'https://example.org/a', title: 'A', text }, { tabId: 7 }),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200)),
    ]);
    expect((answered as ScanResult).mentions?.map((m) => m.text)).toEqual(['Ali Larijani', 'Baghdad']);
    let listed = false;
    const popup = dispatch(h, { type: 'tabEntities', tabId: 7 }, POPUP).then((r) => {
      listed = true;
      return r as { entities: TabEntity[] };
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listed).toBe(false);
    release();
    expect((await popup).entities.map((e) => [e.id, e.count])).toEqual([
      ['ali-larijani', 1],
      ['baghdad', 1],
    ]);
  });

  it('sends back only as many mentions as the page can paint, and counts them all for the popup', async () => {
    const h = handlers();
    const paragraph = 'Ali Larijani spoke in Baghdad. ';
    const scan = (text: string, extra: Record<string, unknown>) =>
      dispatch(h, { type: 'scan', url: 'https://example.org/long', title: 'Long', text, ...extra }, { tabId: 9 });
    // A long article in two pieces: the page has room for three underlines, then none.
    const first = (await scan(paragraph.repeat(100), { limit: 3 })) as ScanResult;
    expect(first.mentions.map((m) => m.text)).toEqual(['Ali Larijani', 'Baghdad', 'Ali Larijani']);
    const second = (await scan(paragraph.repeat(50), { limit: 0, part: true })) as ScanResult;
    expect(second.mentions).toEqual([]);
    const tab = (await dispatch(h, { type: 'tabEntities', tabId: 9 }, POPUP)) as { entities: TabEntity[] };
    expect(tab.entities.map((e) => [e.id, e.count])).toEqual([
      ['ali-larijani', 150],
      ['baghdad', 150],
    ]);
    // A new page in the same tab starts again rather than adding.
    await scan('Baghdad.', { limit: 10, part: true, url: 'https://example.org/next' });
    const next = (await dispatch(h, { type: 'tabEntities', tabId: 9 }, POPUP)) as {
      url: string;
      entities: TabEntity[];
    };
    expect(next.entities.map((e) => [e.id, e.count])).toEqual([['baghdad', 1]]);
  });

  it('takes what text read again or gone had named off the counts', async () => {
    const h = handlers();
    const scan = (extra: Record<string, unknown>) =>
      dispatch(h, { type: 'scan', url: 'https://example.org/blog', title: 'Blog', ...extra }, { tabId: 5 });
    const counts = async () =>
      ((await dispatch(h, { type: 'tabEntities', tabId: 5 }, POPUP)) as { entities: TabEntity[] }).entities.map((e) => [
        e.id,
        e.count,
      ]);
    await scan({ text: 'Ali Larijani met Tammy Bruce.\nAli Larijani left.' });
    expect(await counts()).toEqual([
      ['ali-larijani', 2],
      ['tammy-bruce', 1],
    ]);
    // A post's "minutes ago" changed: read again, it still names Larijani once.
    await scan({ part: true, text: 'Ali Larijani left, 3 minutes ago.', previous: 'Ali Larijani left.' });
    expect(await counts()).toEqual([
      ['ali-larijani', 2],
      ['tammy-bruce', 1],
    ]);
    // A post was removed: nothing new, and Tammy Bruce is no longer on the page.
    await scan({ part: true, text: '', previous: 'Ali Larijani met Tammy Bruce.' });
    expect(await counts()).toEqual([['ali-larijani', 1]]);
  });

  it('counts both of two parts of a page scanned at the same time', async () => {
    // A tab store as slow as storage can be: every read answers a little later.
    const inner = memoryTabStore();
    const slow: typeof inner = {
      get: async (id) => {
        const value = await inner.get(id);
        await new Promise((r) => setTimeout(r, 5));
        return value;
      },
      set: inner.set,
      delete: inner.delete,
    };
    const h = createHandlers(() => store, slow, fakeHooks());
    const scan = (text: string, part: boolean) =>
      dispatch(h, { type: 'scan', url: 'https://example.org/live', title: 'Live', text, part }, { tabId: 4 });
    await scan('Ali Larijani arrived.', false);
    await Promise.all([scan('Ali Larijani spoke.', true), scan('Ali Larijani left.', true)]);
    const tab = (await dispatch(h, { type: 'tabEntities', tabId: 4 }, POPUP)) as { entities: TabEntity[] };
    expect(tab.entities.map((e) => [e.id, e.count])).toEqual([['ali-larijani', 3]]);
  });

  it.each([
    ['a negative limit', -1],
    ['a fractional limit', 1.5],
    ['a limit that is not a number', '10'],
  ])('refuses a scan with %s', async (_name, limit) => {
    const res = await dispatch(
      handlers(),
      { type: 'scan', url: 'u', title: 't', text: 'Baghdad', limit },
      { tabId: 1 },
    );
    expect(res).toMatchObject({ ok: false });
  });

  it('scans nothing on a site where the reader turned Backstory off', async () => {
    const hooks = fakeHooks();
    hooks.sitesOff.add('rudaw.net');
    const h = createHandlers(() => store, memoryTabStore(), hooks);
    const scan = { type: 'scan', url: 'https://www.rudaw.net/a', title: 'A', text: 'Ali Larijani' };
    expect(await dispatch(h, scan, { tabId: 1, url: 'https://www.rudaw.net/a' })).toEqual({
      enabled: false,
      mentions: [],
    });
    const elsewhere = (await dispatch(
      h,
      { ...scan, url: 'https://bbc.co.uk/a' },
      { tabId: 2, url: 'https://bbc.co.uk/a' },
    )) as ScanResult;
    expect(elsewhere.mentions.map((m) => m.entityId)).toEqual(['ali-larijani']);
  });

  it('answers a card request, and an error for an unknown entity', async () => {
    const h = handlers();
    expect(await dispatch(h, { type: 'card', entityId: 'tammy-bruce' }, {})).toMatchObject({
      ok: true,
      value: { name: 'Tammy Bruce', type: 'person' },
    });
    expect(await dispatch(h, { type: 'card', entityId: 'nobody' }, {})).toMatchObject({ ok: false });
  });

  it('accepts packsChanged only from an extension page, never from a content script', async () => {
    let reloads = 0;
    const h = createHandlers(() => store, memoryTabStore(), fakeHooks({ reloadPacks: async () => ++reloads }));
    const forged = await dispatch(h, { type: 'packsChanged' }, { tabId: 3, extensionPage: false });
    expect(forged).toMatchObject({ ok: false });
    expect(reloads).toBe(0);
    expect(await dispatch(h, { type: 'packsChanged' }, { extensionPage: true })).toEqual({
      ok: true,
      value: { entities: 1 },
    });
    expect(reloads).toBe(1);
  });

  it.each([
    ['an unknown type', { type: 'clearHistory' }],
    ['a wrong field type', { type: 'card', entityId: 42 }],
    ['an extra field', { type: 'card', entityId: 'iran', extra: true }],
    ['a text over the size limit', { type: 'scan', url: 'u', title: 't', text: 'x'.repeat(MAX_SCAN_CHARS + 1) }],
    ['a 10 MB scan', { type: 'scan', url: 'u', title: 't', text: 'Ali Larijani '.repeat(806_600) }],
    ['not an object', 'scan'],
    ['a __proto__ key', JSON.parse('{"type":"card","entityId":"iran","__proto__":{"polluted":true}}')],
  ])('refuses %s with a reason', async (_name, message) => {
    const res = await dispatch(handlers(), message, { tabId: 1 });
    expect(res).toMatchObject({ ok: false });
    expect((res as { error: string }).error).toMatch(/^Refused message/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
