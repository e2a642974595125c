import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundSettings } from '../../lib/background/settings';
import { BackstoryDB } from '../../lib/db';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A `storage.local` as an earlier version left it. */
function oldLocal(items: Record<string, unknown>) {
  return {
    items,
    get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, items[k]])),
    remove: async (keys: string[]) => {
      for (const k of keys) delete items[k];
    },
  };
}

describe('the background’s settings', () => {
  it('keeps an earlier version’s settings, moved out of storage.local, and switches sites and packs', async () => {
    const db = new BackstoryDB('test-bg-settings');
    opened.push(db);
    const local = oldLocal({ disabledSites: ['example.org'], history: { keepDays: 30, paused: true } });
    const settings = new BackgroundSettings(db, local);
    expect(await settings.isSiteEnabled('example.org')).toBe(false);
    expect(await settings.historySettings()).toEqual({ keepDays: 30, paused: true });
    expect(local.items).toEqual({});
    // The site switch says which sites were off before and after (their tabs are told).
    expect(await settings.setSiteEnabled('news.example', false)).toEqual({
      before: new Set(['example.org']),
      after: new Set(['example.org', 'news.example']),
    });
    await settings.setPackEnabled('world', false);
    expect(await settings.disabledPacks()).toEqual(new Set(['world']));
    await settings.setPackEnabled('world', true);
    expect(await settings.disabledPacks()).toEqual(new Set());
    // A new worker (after the old one stopped) reads the same from the database.
    const again = new BackgroundSettings(db, oldLocal({}));
    expect([...(await again.offSites())].sort()).toEqual(['example.org', 'news.example']);
  });
});
