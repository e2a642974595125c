import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BackstoryDB, moveSettings, settingsArea } from '../lib/db';
import { disabledSites } from '../lib/site-settings';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const NOTE = { id: 'n1', entityId: 'ali-larijani', body: 'Watch his next trip.', createdAt: 1, updatedAt: 1 };

describe('BackstoryDB', () => {
  it('keeps a note across closing and reopening', async () => {
    const db = new BackstoryDB('test-notes');
    opened.push(db);
    await db.notes.add(NOTE);
    db.close();
    const again = new BackstoryDB('test-notes');
    opened.push(again);
    expect(await again.notes.where('entityId').equals('ali-larijani').toArray()).toEqual([NOTE]);
  });

  it('upgrades a version 1 database with real notes to the current version without losing any', async () => {
    // Version 1 exactly as it first shipped.
    const v1 = new Dexie('test-upgrade');
    v1.version(1).stores({ notes: 'id, entityId, url, createdAt, updatedAt' });
    await v1.table('notes').bulkAdd([NOTE, { ...NOTE, id: 'n2', entityId: undefined, url: 'https://rudaw.net/a' }]);
    v1.close();

    const current = new BackstoryDB('test-upgrade');
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(5);
    expect(await current.notes.orderBy('id').toArray()).toEqual([
      NOTE,
      // v4's upgrade fills in the site of notes on pages.
      { ...NOTE, id: 'n2', entityId: undefined, url: 'https://rudaw.net/a', site: 'rudaw.net' },
    ]);
    expect(await current.packs.count()).toBe(0);
    expect(await current.visits.count()).toBe(0);
  });
});

describe('the settings', () => {
  it('are moved out of storage.local (where a Firefox content script reaches) into the database once, losing none', async () => {
    const db = new BackstoryDB('test-settings');
    opened.push(db);
    // Set in the database already (a newer write wins over the old copy).
    await settingsArea(db).set({ history: { keepDays: 30, paused: true } });
    const local: Record<string, unknown> = {
      disabledSites: ['example.com'],
      history: { keepDays: 0, paused: false },
      unrelated: 1,
    };
    const area = {
      get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in local).map((k) => [k, local[k]])),
      remove: async (keys: string[]) => {
        for (const k of keys) delete local[k];
      },
    };
    await moveSettings(db, area, ['disabledSites', 'history', 'disabledPacks']);
    expect(await disabledSites(settingsArea(db))).toEqual(['example.com']);
    expect((await settingsArea(db).get('history')).history).toEqual({ keepDays: 30, paused: true });
    expect(local).toEqual({ unrelated: 1 });
    // Run again (every start): storage.local is not read again, so what a content script
    // writes there later (Firefox lets it) is never taken for a setting.
    local.disabledSites = ['planted.example'];
    local.history = { keepDays: 0.0001, paused: false };
    await moveSettings(db, area, ['disabledSites', 'history', 'disabledPacks']);
    expect(await disabledSites(settingsArea(db))).toEqual(['example.com']);
    expect((await settingsArea(db).get('history')).history).toEqual({ keepDays: 30, paused: true });
  });
});
